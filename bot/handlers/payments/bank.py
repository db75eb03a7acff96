"""A producer's bank account: `/bank VCB 0011001234567 NGUYEN VAN A`, or `/bank` alone
shows the current one (masked) and asks for it in one line."""

from __future__ import annotations

from bot.core.turn import Outcome, Turn
from bot.handlers.orders_common import address_of
from bot.handlers.payments.common import (
    ask_in_this_language,
    is_cancel,
    payment_service,
    producer_of,
)
from catalog.orders.policy import utc_now
from catalog.payments.accounts import read_bank_line
from catalog.payments.dto import BankAccountDTO
from catalog.payments.errors import PaymentError

BANK = "pay:bank"


def shown(account: BankAccountDTO) -> dict[str, str]:
    """The account as people see it: bank, masked number, holder."""
    return {
        "bank": f"{account.bank_name} ({account.bank_code})",
        "masked": account.masked,
        "holder": account.holder,
    }


async def set_bank(turn: Turn) -> Outcome:
    """Saves the account typed after /bank; without one, shows the current and asks."""
    producer = await producer_of(turn)
    if producer is None:
        return Outcome([turn.say("payments.not_producer")])
    if turn.command_args:
        return await _save(turn, producer, " ".join(turn.command_args), retry=False)
    replies = []
    current = await payment_service(turn).account_of(producer)
    if current is not None:
        replies.append(turn.say("payments.bank.current", **shown(current)))
    ask_in_this_language(turn)
    replies.append(turn.say("payments.bank.ask"))
    return Outcome(replies, BANK)


async def take_bank(turn: Turn) -> Outcome:
    """Takes the typed "VCB 0011001234567 NGUYEN VAN A" as the account."""
    producer = await producer_of(turn)
    if producer is None or is_cancel(turn):
        return Outcome([turn.say("payments.bank.aborted")])
    return await _save(turn, producer, turn.msg.text or "", retry=True)


async def _save(turn: Turn, producer: str, line: str, retry: bool) -> Outcome:
    try:
        bank, number, holder = read_bank_line(line)
        account = await payment_service(turn).accounts.set(
            producer, bank, number, holder, f"producer:{address_of(turn)}", utc_now()
        )
    except PaymentError as error:
        reply = turn.say(error.key, **error.params)
        if retry:
            return Outcome([reply, turn.say("payments.bank.ask")], BANK)
        return Outcome([reply, turn.say("payments.bank.usage")])
    return Outcome([turn.say("payments.bank.done", **shown(account))])

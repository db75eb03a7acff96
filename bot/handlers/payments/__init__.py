"""Payments in the chat: the checkout's payment step, producers' prices and bank account,
Accept with a total, and "Đã nhận tiền". `setup` must run after the producer's handlers:
it takes over Accept (`o:acc`, typed "nhận đơn") to ask for a missing total first."""

from __future__ import annotations

from bot.core.router import Router
from bot.handlers.payments import accept, bank, checkout_step, inbox, prices
from bot.handlers.payments.read import read_payment_message


def setup(router: Router) -> None:
    """Registers the payment commands, buttons and steps."""
    router.before(read_payment_message)
    router.on_command("/gia", prices.list_or_set_prices)
    router.on_command("/price", prices.list_or_set_prices)
    router.on_command("/bank", bank.set_bank)
    router.on_command("/orders", inbox.list_open_orders)  # replaces producer's, adds payments
    router.on_payload("pay:pr", prices.ask_price)
    router.on_payload("pay:m", checkout_step.choose_method)
    router.on_payload("pay:rcv", accept.received_button_pressed)
    router.on_payload("o:acc", accept.accept_button)  # replaces producer.act_button for Accept
    router.on_intent("producer_act", accept.accept_text)  # and for typed "nhận đơn …"
    router.on_intent("pay_received", accept.received_text)
    router.on_intent("pay_method", checkout_step.take_method, step=checkout_step.METHOD)
    router.on_intent("pay_price", prices.take_price, step=prices.PRICE)
    router.on_intent("pay_bank", bank.take_bank, step=bank.BANK)
    router.on_intent("pay_total", accept.take_total, step=accept.TOTAL)

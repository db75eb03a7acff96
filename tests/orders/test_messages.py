"""Every order message renders completely in Vietnamese and English."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.i18n import LANGUAGES, I18n
from bot.notify_render import OutboxRenderer
from catalog.orders import OrderError, RefusalReason
from catalog.orders.states import STATUSES, TRANSITIONS
from tests.orders.conftest import CHICKEN, CUSTOMER, TEA, FakeClock, Run, link_producer, place
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]
FRAGMENT = yaml.safe_load((Path(__file__).with_name("locale_orders.yaml")).read_text("utf-8"))


def catalogs() -> I18n:
    """The shipped catalogs, with this fragment filling the order keys they lack."""
    shipped = I18n.load().catalogs
    return I18n({lang: {**FRAGMENT[lang], **shipped.get(lang, {})} for lang in LANGUAGES})


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert set(FRAGMENT["vi"]) == set(FRAGMENT["en"])
    for key, sentence in FRAGMENT["vi"].items():
        assert set(re.findall(r"{(\w+)}", sentence)) == set(
            re.findall(r"{(\w+)}", FRAGMENT["en"][key])
        ), key


def test_refusals_errors_buttons_and_statuses_all_have_sentences() -> None:
    keys = {f"orders.refused.{r.value}" for r in RefusalReason}
    keys |= {cls.key for cls in (OrderError, *_subclasses(OrderError))}
    keys |= {f"orders.button.{a}" for a in TRANSITIONS} | {f"orders.status.{s}" for s in STATUSES}
    missing = {lang: sorted(keys - set(catalogs().catalogs[lang])) for lang in LANGUAGES}
    assert missing == {"vi": [], "en": []}


def _subclasses(cls: type) -> list[type]:
    return [s for c in cls.__subclasses__() for s in (c, *_subclasses(c))]


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_outbox_message_renders_without_gaps(
    run: Run, db: DB, clock: FakeClock, lang: str
) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    tea, chicken = await place(run, [(TEA, 2), (CHICKEN, 1)])
    await place(run, [(TEA, 1)], key="second")  # cancelled below
    clock.advance(timedelta(hours=7))
    await run(lambda s: s.due_reminders())
    for action in ("accept", "ship", "deliver"):
        await run(lambda s, a=action: s.act(tea.id, a, "telegram:101"))
    await run(lambda s: s.act(chicken.id, "decline", "telegram:900", reason="Hết hàng"))
    [second] = [
        o for o in await run(lambda s: s.orders_of_customer(CUSTOMER)) if o.status == "pending"
    ]  # type: ignore[attr-defined]
    await run(lambda s: s.act(second.id, "cancel", CUSTOMER))

    render = OutboxRenderer(catalogs().t)
    rows = await outbox_rows(db)
    assert {r["key"] for r in rows} >= {
        "orders.ping.producer.new",
        "orders.ping.operator.new",
        "orders.ping.producer.reminder",
        "orders.ping.operator.reminder",
        "orders.operator.escalated",
        "orders.customer.accepted",
        "orders.customer.shipped",
        "orders.customer.delivered",
        "orders.customer.declined",
        "orders.producer.cancelled",
    }
    for row in rows:
        [reply] = render({**row["payload"], "lang": lang})
        assert "{" not in reply.text and "orders." not in reply.text, reply.text
        assert all(b.title and "orders." not in b.title for b in reply.buttons)

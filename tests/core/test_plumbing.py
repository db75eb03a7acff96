"""Locks, notifier and message catalogs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.messages import ConversationKey, Reply
from bot.core.notify import ChannelNotifier


class FakeChannel:
    def __init__(self, name: str, fail: bool = False) -> None:
        self.name = name
        self.fail = fail
        self.sent: list[tuple[str, list[Reply]]] = []

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        if self.fail:
            raise ConnectionError("down")
        self.sent.append((chat_id, replies))


async def test_notifier_routes_by_channel_and_swallows_failures() -> None:
    web, tg = FakeChannel("web"), FakeChannel("telegram", fail=True)
    notifier = ChannelNotifier([web])
    notifier.register(tg)
    assert await notifier.notify("web:abc", [Reply("hi")])
    assert web.sent == [("abc", [Reply("hi")])]
    assert not await notifier.notify("telegram:1", [Reply("hi")])
    assert not await notifier.notify("zalo:1", [Reply("hi")])
    assert not await notifier.notify("nonsense", [Reply("hi")])


async def test_locks_are_per_conversation_and_cleaned_up() -> None:
    locks = LocalLocks()
    a, b = ConversationKey("web", "a"), ConversationKey("web", "b")
    async with locks.lock(a):
        async with locks.lock(b):  # another chat is not blocked
            assert len(locks) == 2
        waiter = asyncio.create_task(_take(locks, a))
        await asyncio.sleep(0.01)
        assert not waiter.done()
    await waiter
    assert len(locks) == 0


async def _take(locks: LocalLocks, key: ConversationKey) -> None:
    async with locks.lock(key):
        pass


def test_every_key_exists_in_both_languages() -> None:
    i18n = I18n.load()
    vi, en = set(i18n.catalogs["vi"]), set(i18n.catalogs["en"])
    assert vi == en, {"only vi": sorted(vi - en), "only en": sorted(en - vi)}


def test_missing_params_render_empty_and_unknown_keys_show_the_key() -> None:
    i18n = I18n({"vi": {"a": "Xin chào {name}{x}"}, "en": {}})
    assert i18n.t("en", "a", name="An") == "Xin chào An"
    assert i18n.t("vi", "nope") == "nope"


def test_topic_catalogs_merge_and_duplicates_are_refused(tmp_path: Path) -> None:
    for lang in ("vi", "en"):
        (tmp_path / f"{lang}.yaml").write_text(f"a: A-{lang}\n", encoding="utf-8")
        (tmp_path / f"orders.{lang}.yaml").write_text(f"b: B-{lang}\n", encoding="utf-8")
    i18n = I18n.load(tmp_path)
    assert i18n.t("en", "b") == "B-en" and i18n.t("vi", "a") == "A-vi"
    (tmp_path / "more.vi.yaml").write_text("a: again\n", encoding="utf-8")
    try:
        I18n.load(tmp_path)
    except ValueError as exc:
        assert "more.vi.yaml" in str(exc)
    else:
        raise AssertionError("a duplicate key was accepted")

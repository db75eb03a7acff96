"""The web chat over the real engine, handlers, NLU and seeded catalog (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.web.replay import ReplayCache
from tests.channels.web_site import Site, real_site
from tests.channels.web_support import WebChat


@pytest.fixture(scope="session")
def web_nlu_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One model cache per test session: the classifier trains once."""
    return tmp_path_factory.mktemp("web-nlu-model")


@pytest.fixture
async def site(catalog_db_url: str, web_nlu_model_dir: Path) -> AsyncIterator[Site]:
    async with real_site(catalog_db_url, web_nlu_model_dir) as site:
        yield site


def texts(replies: list[dict]) -> str:
    return "\n".join(reply["text"] for reply in replies)


def titles(replies: list[dict]) -> list[str]:
    return [button["title"] for reply in replies for button in reply["buttons"]]


async def test_a_tourist_asks_clicks_and_gets_an_answer(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    greeting = await chat.send("/start")
    assert "Xin chào! Mình là trợ lý OCOP Quảng Ninh" in texts(greeting)
    assert any("Sản phẩm OCOP" in title for title in titles(greeting))

    answer = await chat.send("nước mắm Cái Rồng giá bao nhiêu?")
    assert "Cái Rồng" in texts(answer)


async def test_english_switch_and_a_restart_keep_the_conversation(site: Site) -> None:
    chat = await WebChat(await site.start()).open()
    await chat.send("/lang en")

    chat.client = await site.restart()  # a new process: same database, same token
    replies = await chat.send("/start")

    assert "Hello! I'm the Quảng Ninh OCOP assistant" in texts(replies)


async def test_near_me_answers_with_location_cards(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    replies = await chat.share_location(20.9511, 107.0736)  # Bãi Cháy, Hạ Long

    cards = [reply["location"] for reply in replies if reply["location"]]
    assert cards, texts(replies)
    assert all({"lat", "lon", "title", "address"} <= card.keys() for card in cards)


async def test_a_retried_post_is_answered_again_without_running_twice(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    first = await chat.send("/lang en", id="retry-1")
    again = await chat.send("/lang en", id="retry-1")

    assert again == first and first


async def test_a_handoff_reaches_the_operators_web_chat(site: Site) -> None:
    client = await site.start()
    operator = await WebChat(client).open()
    site.operator = operator.user
    client = await site.restart()
    operator.client = client
    tourist = await WebChat(client).open()

    await tourist.send("cho mình gặp cán bộ OCOP")
    _, inbox = await operator.updates(wait=5)

    assert inbox["messages"], "the operator's long poll got nothing"
    assert tourist.user is not None
    assert tourist.user in texts(inbox["messages"])


async def test_the_history_is_written_with_the_turn_and_a_retry_adds_no_second_line(
    site: Site,
) -> None:
    """The visible history is written in the turn's own transaction: after a reload (here a
    restart) the page shows each message once, also when the page resent one."""
    chat = await WebChat(await site.start()).open()
    answer = await chat.send("nước mắm Cái Rồng giá bao nhiêu?", id="h-1")
    again = await chat.send("nước mắm Cái Rồng giá bao nhiêu?", id="h-1")
    chat.client = await site.restart()
    response = await chat.client.get("/api/chat/history", headers=chat.headers)
    messages = (await response.json())["messages"]
    assert again == answer and "Nước mắm Cái Rồng" in texts(answer)
    assert [m["role"] for m in messages] == ["user"] + ["bot"] * len(answer)
    assert messages[0]["text"] == "nước mắm Cái Rồng giá bao nhiêu?"
    assert [m["text"] for m in messages[1:]] == [r["text"] for r in answer]


async def test_a_retry_older_than_the_replay_cache_gets_its_first_answer(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps only the latest answers (memory); older ones come from the database."""
    monkeypatch.setattr(ReplayCache.__init__, "__defaults__", (1,))
    chat = await WebChat(await site.start()).open()
    first = await chat.send("nước mắm Cái Rồng giá bao nhiêu?", id="old-1")
    await chat.send("/lang en", id="newer-2")  # pushes old-1 out; a rerun would be English

    again = await chat.send("nước mắm Cái Rồng giá bao nhiêu?", id="old-1")

    assert again == first and "Cái Rồng" in texts(first)

"""The optional Rasa backend, against a local stub that answers like Rasa's /model/parse."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from nlu import RasaHttpInterpreter
from tests.loopback import serve_on_loopback

RASA_ANSWER = {
    "text": "cho mình 2 chai nước mắm",
    "intent": {"name": "order_create", "confidence": 0.91},
    "intent_ranking": [{"name": "order_create", "confidence": 0.91}],
    "entities": [
        {"entity": "quantity", "value": "2", "start": 9, "end": 10, "extractor": "DIETClassifier"}
    ],
}


@pytest.fixture
async def rasa_stub() -> AsyncIterator[tuple[str, list[dict]]]:
    """A fake Rasa server; yields its URL and the requests it received."""
    received: list[dict] = []

    async def parse(request: web.Request) -> web.Response:
        body = await request.json()
        received.append(body)
        if body["text"] == "boom":
            return web.Response(status=500, text="internal error")
        return web.json_response({**RASA_ANSWER, "text": body["text"]})

    app = web.Application()
    app.router.add_post("/model/parse", parse)
    runner, url = await serve_on_loopback(app)
    yield url, received
    await runner.cleanup()


async def test_texts_are_sent_to_rasa_and_its_answer_comes_back(rasa_stub) -> None:
    url, received = rasa_stub
    async with RasaHttpInterpreter(url) as rasa:
        result = await rasa.parse_async("cho mình 2 chai nước mắm")
    assert received == [{"text": "cho mình 2 chai nước mắm"}]
    assert result["intent"] == {"name": "order_create", "confidence": 0.91}
    assert result["entities"][0]["entity"] == "quantity"
    assert result["language"] == "vi"


async def test_a_server_error_becomes_out_of_scope_with_zero_confidence(
    rasa_stub, caplog: pytest.LogCaptureFixture
) -> None:
    url, _ = rasa_stub
    async with RasaHttpInterpreter(url) as rasa:
        result = await rasa.parse_async("boom")
    assert result["intent"] == {"name": "out_of_scope", "confidence": 0.0}
    assert "Rasa parse" in caplog.text


async def test_an_unreachable_server_becomes_out_of_scope() -> None:
    async with RasaHttpInterpreter("http://127.0.0.1:9", timeout=1.0) as rasa:
        result = await rasa.parse_async("xin chào")
    assert result["intent"]["name"] == "out_of_scope"
    assert result["intent"]["confidence"] == 0.0


async def test_a_slow_server_times_out_instead_of_hanging() -> None:
    import asyncio

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(1)
        return web.json_response(RASA_ANSWER)

    app = web.Application()
    app.router.add_post("/model/parse", slow)
    runner, url = await serve_on_loopback(app)
    try:
        async with RasaHttpInterpreter(url, timeout=0.2) as rasa:
            result = await rasa.parse_async("xin chào")
        assert result["intent"]["name"] == "out_of_scope"
    finally:
        await runner.cleanup()


async def test_the_builtin_interpreter_has_the_same_async_call(interpreter) -> None:
    result = await interpreter.parse_async("cảm ơn shop")
    assert result["intent"]["name"] == "thanks"


async def rasa_answering(answer: dict) -> tuple[web.AppRunner, str]:
    """A fake Rasa server that answers every text with `answer`."""

    async def parse(request: web.Request) -> web.Response:
        return web.json_response({**answer, "text": (await request.json())["text"]})

    app = web.Application()
    app.router.add_post("/model/parse", parse)
    return await serve_on_loopback(app)


async def test_a_language_guessed_for_rasa_leaves_its_place_names_out() -> None:
    place = {"entity": "location", "value": "mong-cai", "start": 8, "end": 16}
    runner, url = await rasa_answering({**RASA_ANSWER, "entities": [place]})
    try:
        async with RasaHttpInterpreter(url) as rasa:
            result = await rasa.parse_async("ship to móng cái")
    finally:
        await runner.cleanup()
    assert (result["language"], result["language_evidence"]) == ("vi", 1)  # "ship", "to"


async def test_rasas_own_language_is_kept_without_evidence() -> None:
    runner, url = await rasa_answering({**RASA_ANSWER, "language": "en"})
    try:
        async with RasaHttpInterpreter(url) as rasa:
            result = await rasa.parse_async("xin chào các bạn")
    finally:
        await runner.cleanup()
    assert result["language"] == "en"
    assert "language_evidence" not in result

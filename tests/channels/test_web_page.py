"""The chat page is served by the app itself and loads nothing from other hosts."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient

from bot.channels.web.page import STATIC_DIR, STATIC_FILES
from tests.channels.web_support import FakeEngine, serve


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    async with serve(FakeEngine()) as (client, _):
        yield client


async def test_the_page_is_vietnamese_by_default_and_locked_down(client: TestClient) -> None:
    response = await client.get("/")
    html = await response.text()

    assert response.status == 200
    assert response.content_type == "text/html"
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", sorted(STATIC_FILES))
async def test_every_static_file_is_served_with_its_type(client: TestClient, name: str) -> None:
    response = await client.get(f"/static/{name}")
    assert response.status == 200
    assert response.content_type == STATIC_FILES[name]


@pytest.mark.parametrize("path", ["/static/index.html", "/static/..%2Fweb%2Fapi.py", "/static/x"])
async def test_nothing_else_on_disk_is_reachable(client: TestClient, path: str) -> None:
    assert (await client.get(path)).status == 404


def test_the_page_loads_no_external_scripts_styles_fonts_or_tiles() -> None:
    for path in STATIC_DIR.iterdir():
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r"https?://[^\s\"'`)]+", text):
            # The only outside address is the map link a visitor may choose to open.
            assert url.startswith("https://www.openstreetmap.org/"), (path.name, url)
        assert "@import" not in text and "<iframe" not in text


def test_the_page_never_puts_text_into_inner_html() -> None:
    for path in STATIC_DIR.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path.name
        assert "document.write" not in text, path.name

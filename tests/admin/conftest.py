"""The console mounted on an aiohttp app over a seeded database, with a browser-like client."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.admin import AdminConsole, AdminContext
from bot.admin.passwords import hash_password
from bot.config import AdminSettings, WebSettings
from bot.core.i18n import I18n
from catalog.console import OperatorAccounts
from catalog.orders import OrderPolicy, utc_now
from tests.admin.console_support import PASSWORD
from tests.dialogues.conftest import bot, dialogue_db_url, nlu_model_dir  # noqa: F401 (fixtures)

Sessions = async_sessionmaker[AsyncSession]


@dataclass
class Console:
    """A running console and what the tests need to drive it."""

    client: TestClient
    admin: web.Application
    sessions: Sessions
    admin_ctx: AdminContext

    async def add(self, email: str, role: str = "admin", password: str = PASSWORD) -> None:
        async with self.sessions() as session, session.begin():
            await OperatorAccounts(session).add(email, hash_password(password), role, utc_now())

    async def csrf_of(self, path: str) -> str:
        """The CSRF token a page's forms carry."""
        page = await (await self.client.get(path)).text()
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found, page[:500]
        return found.group(1)

    async def sign_in(self, email: str, password: str = PASSWORD) -> web.StreamResponse:
        pre = await self.csrf_of("/admin/login")
        form = {"csrf": pre, "email": email, "password": password}
        return await self.client.post("/admin/login", data=form, allow_redirects=False)


@pytest.fixture
async def console(catalog_session_factory: Sessions) -> AsyncIterator[Console]:
    app = web.Application(client_max_size=WebSettings().max_body_bytes)  # as `serve` builds it
    ctx = AdminContext(catalog_session_factory, I18n.load(), OrderPolicy(), AdminSettings())
    admin = AdminConsole(ctx).setup(app)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield Console(client, admin, catalog_session_factory, ctx)
    finally:
        await client.close()

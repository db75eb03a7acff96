"""An existing database at the newest migration starts without Alembic; others still migrate."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

import catalog.migrate
from catalog.db import make_engine, upgrade
from catalog.migrate import MIGRATIONS, alembic_config
from catalog.migrate_head import at_head, script_head

VERSIONS = MIGRATIONS / "versions"


def version_file(folder: Path, revision: str, parent: str | None, extra: str = "") -> None:
    parent_text = repr(parent)
    (folder / f"{revision}.py").write_text(
        f"revision: str = {revision!r}\ndown_revision: str | None = {parent_text}\n{extra}",
        "utf-8",
    )


def test_the_head_read_from_the_files_is_alembics() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert [script_head(VERSIONS)] == heads


def test_a_history_it_does_not_understand_is_left_to_alembic(tmp_path: Path) -> None:
    version_file(tmp_path, "a", None)
    version_file(tmp_path, "b", "a")
    assert script_head(tmp_path) == "b"
    version_file(tmp_path, "c", "a")  # two heads
    assert script_head(tmp_path) is None
    (tmp_path / "c.py").unlink()
    version_file(tmp_path, "d", "b", "depends_on = 'a'\n")
    assert script_head(tmp_path) is None
    (tmp_path / "d.py").write_text("revision = (", "utf-8")
    assert script_head(tmp_path) is None


async def test_a_database_at_head_is_not_handed_to_alembic(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await upgrade(empty_db_url)  # a new database: Alembic creates every table

    def no_alembic() -> None:
        raise AssertionError("Alembic was loaded for a database already at head")

    monkeypatch.setattr(catalog.migrate, "alembic_config", no_alembic)
    await upgrade(empty_db_url)


async def test_a_database_behind_or_new_is_not_at_head(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            assert not await at_head(conn, VERSIONS)  # no alembic_version table yet
            await conn.execute(text("SELECT 1"))  # the connection is still usable
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await at_head(conn, VERSIONS)
            await conn.execute(text("UPDATE alembic_version SET version_num = '0001_catalog'"))
            await conn.commit()
            assert not await at_head(conn, VERSIONS)
    finally:
        await engine.dispose()

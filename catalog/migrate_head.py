"""Is a database already at the newest migration? Answered without loading Alembic.

Importing Alembic (it brings Mako and Pygments) costs about 0.2 s and 8 MiB of every start,
and on an existing database there is usually nothing to migrate. The newest revision is read
from the version files' ``revision`` and ``down_revision`` assignments; anything this simple
reading does not understand (branches, merges, ``depends_on``, a file that does not parse)
answers "not known", and Alembic decides as before.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

FIELDS = ("revision", "down_revision", "branch_labels", "depends_on")


def _assignments(path: Path) -> dict[str, object] | None:
    """The module-level literal values of FIELDS in one version file (None: not readable)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, ValueError):
        return None
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        elif isinstance(node, ast.Assign):
            targets, value = list(node.targets), node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name) and target.id in FIELDS:
                try:
                    found[target.id] = ast.literal_eval(value)
                except ValueError:
                    return None
    return found


def script_head(versions: Path) -> str | None:
    """The one newest revision of a linear history in ``versions``, or None when unsure.

    Args:
        versions: the Alembic ``versions`` folder.

    Returns:
        The head revision id; None when a file cannot be read, names a branch or a
        dependency, points at several parents, or when there is not exactly one head.
    """
    parents: dict[str, str | None] = {}
    for path in sorted(versions.glob("*.py")):
        fields = _assignments(path)
        if fields is None:
            return None
        revision, parent = fields.get("revision"), fields.get("down_revision")
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            return None
        if fields.get("branch_labels") or fields.get("depends_on") or revision in parents:
            return None
        parents[revision] = parent
    named = set(parents.values())
    heads = [revision for revision in parents if revision not in named]
    return heads[0] if len(heads) == 1 else None


async def at_head(conn: AsyncConnection, versions: Path) -> bool:
    """True when the database records exactly the scripts' head revision.

    Reads ``alembic_version`` in a transaction of its own, rolled back before returning,
    so the caller's connection is as it was (a missing table on PostgreSQL would otherwise
    leave it in an aborted transaction).

    Args:
        conn: a connection outside any transaction.
        versions: the Alembic ``versions`` folder.
    """
    head = script_head(versions)
    if head is None:
        return False
    try:
        result = await conn.exec_driver_sql("SELECT version_num FROM alembic_version")
        recorded = list(result.scalars().all())
    except SQLAlchemyError:  # no table: a database never migrated
        recorded = []
    finally:
        await conn.rollback()
    return recorded == [head]

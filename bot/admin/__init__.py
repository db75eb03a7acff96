"""The operator console at /admin: server-rendered pages, sessions, CSRF and the audit log."""

from bot.admin.console import AdminConsole
from bot.admin.context import AdminContext

__all__ = ["AdminConsole", "AdminContext"]

"""The operator console's data: accounts, sessions, audit log, inbox, transcript, analytics.

Imports nothing from bot/; the web pages live in bot/admin.
"""

from __future__ import annotations

from catalog.console.accounts import ROLES, AccountDTO, LoginFailures, OperatorAccounts
from catalog.console.analytics import Analytics, TurnEvent, mask_digits
from catalog.console.audit import AuditLog
from catalog.console.inbox import Inbox, InboxItemDTO, LineDTO
from catalog.console.insights import OrderInsights
from catalog.console.order_actions import ConsoleOrders
from catalog.console.sessions import ConsoleSessions, SessionDTO
from catalog.console.uploads import Uploads

__all__ = [
    "ROLES",
    "AccountDTO",
    "Analytics",
    "AuditLog",
    "ConsoleOrders",
    "ConsoleSessions",
    "Inbox",
    "InboxItemDTO",
    "LineDTO",
    "LoginFailures",
    "OperatorAccounts",
    "OrderInsights",
    "SessionDTO",
    "TurnEvent",
    "Uploads",
    "mask_digits",
]

"""The Zalo Official Account channel: signed webhook in, CS messages out, rotating tokens."""

from bot.channels.zalo_oa.channel import ZaloOAChannel
from bot.channels.zalo_oa.sql_tokens import SqlTokenStore
from bot.channels.zalo_oa.tokens import MemoryTokenStore, OaTokens, TokenStore

__all__ = ["MemoryTokenStore", "OaTokens", "SqlTokenStore", "TokenStore", "ZaloOAChannel"]

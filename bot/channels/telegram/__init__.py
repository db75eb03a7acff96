"""The Telegram channel (aiogram 3): polling or webhook, rendering, rate limits."""

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.ratelimit import RateLimits

__all__ = ["RateLimits", "TelegramChannel"]

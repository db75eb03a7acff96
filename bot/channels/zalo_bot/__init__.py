"""The Zalo Bot Platform channel: polling or webhook, numbered options, retries on quota."""

from bot.channels.zalo_bot.channel import ZaloBotChannel
from bot.channels.zalo_bot.delivery import RetryPolicy

__all__ = ["RetryPolicy", "ZaloBotChannel"]

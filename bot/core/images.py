"""An image a reply may carry: a picture on the web (URL) or a PNG the bot made itself."""

from __future__ import annotations

import base64
from dataclasses import dataclass

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True, slots=True)
class Image:
    """Exactly one of `url` (http/https) or `png` (the file's bytes).

    Channels render it their own way: Telegram uploads the bytes or passes the URL to
    sendPhoto, Zalo OA uploads then attaches, the web chat shows a data: URI.
    """

    url: str | None = None
    png: bytes | None = None
    filename: str = "image.png"

    def __post_init__(self) -> None:
        if (self.url is None) == (self.png is None):
            raise ValueError("an Image needs exactly one of url or png")
        if self.url is not None and not self.url.startswith(("https://", "http://")):
            raise ValueError("an image URL must be http(s)")
        if self.png is not None and not self.png.startswith(PNG_MAGIC):
            raise ValueError("png must hold a PNG file")

    @classmethod
    def from_url(cls, url: str) -> Image:
        return cls(url=url)

    @classmethod
    def from_png(cls, data: bytes, filename: str = "image.png") -> Image:
        return cls(png=data, filename=filename)

    def data_uri(self) -> str:
        """The image as the web chat shows it: its URL, or the PNG inline."""
        if self.url is not None:
            return self.url
        assert self.png is not None
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    def __repr__(self) -> str:  # never dump kilobytes of PNG into a log line
        what = self.url if self.url is not None else f"{len(self.png or b'')} bytes of PNG"
        return f"Image({what})"

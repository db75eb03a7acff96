"""NLU backend that asks an existing Rasa server's ``/model/parse`` over HTTP."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from nlu.language import LanguageGuess, detect_language
from nlu.normalize import normalize
from nlu.result import empty_result
from nlu.teencode import expand
from nlu.tokens import tokenize

if TYPE_CHECKING:
    import aiohttp

logger = logging.getLogger(__name__)
# Mentions whose words are Vietnamese whatever language the person writes in.
_NAMES = frozenset({"product", "category", "location"})


class RasaHttpInterpreter:
    """Parses messages with a Rasa server; never raises on HTTP trouble.

    Args:
        url: The server's base URL, e.g. ``http://localhost:5005``.
        timeout: Seconds to wait for one parse.
        token: Optional Rasa auth token (sent as ``?token=``).
    """

    def __init__(self, url: str, timeout: float = 3.0, token: str | None = None) -> None:
        self.url = url.rstrip("/") + "/model/parse"
        self._timeout = timeout
        self._token = token
        self._session: aiohttp.ClientSession | None = None

    async def _client(self) -> aiohttp.ClientSession:
        """Returns the shared HTTP session, opening it on first use."""
        import aiohttp

        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout)
            )
        return self._session

    async def parse_async(self, text: str) -> dict[str, Any]:
        """Parses one message on the Rasa server.

        Args:
            text: The message.

        Returns:
            Rasa's answer; unless Rasa sent a ``language``, one guessed here from the words
            outside its name entities, with its ``language_evidence``; on any failure an
            ``out_of_scope`` parse with confidence 0 and an ``error`` key.
        """
        params = {"token": self._token} if self._token else None
        try:
            session = await self._client()
            async with session.post(self.url, json={"text": text}, params=params) as response:
                response.raise_for_status()
                result = await response.json(content_type=None)
            if not isinstance(result, dict) or "intent" not in result:
                raise ValueError("answer is not a Rasa parse")
        except Exception as error:  # the bot keeps running when Rasa is down or odd
            logger.warning("Rasa parse at %s failed: %s", self.url, error)
            return empty_result(text, confidence=0.0, error=f"rasa unavailable: {error}")
        result.setdefault("text", text)
        result.setdefault("entities", [])
        if "language" not in result:
            guess = _guess_language(text, result["entities"] or ())
            result["language"], result["language_evidence"] = guess
        result.setdefault("intent_ranking", [result["intent"]])
        if not result.get("intent") or not result["intent"].get("name"):
            result["intent"] = {"name": "out_of_scope", "confidence": 0.0}
        return result

    async def close(self) -> None:
        """Closes the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> RasaHttpInterpreter:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def _guess_language(text: str, entities: Any) -> LanguageGuess:
    """Guesses the message's language, the words of Rasa's name entities left out."""
    spans = [
        (entity["start"], entity["end"])
        for entity in entities if isinstance(entity, dict) and entity.get("entity") in _NAMES
        and isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int)
    ]  # fmt: skip
    tokens = expand(tokenize(normalize(text)))
    names = {
        index for index, token in enumerate(tokens)
        if any(start <= token.start and token.end <= end for start, end in spans)
    }  # fmt: skip
    return detect_language(text, tokens, names)

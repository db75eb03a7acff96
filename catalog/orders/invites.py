"""One-time invite codes that link a chat to a producer (only a hash is stored)."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import InviteDTO
from catalog.orders.errors import Refusal, RefusalReason, UnknownProducer
from catalog.orders.inbox_models import ProducerInbox, ProducerInvite
from catalog.orders.policy import OrderPolicy
from catalog.orders.types import changed_one

logger = logging.getLogger(__name__)
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 8  # 25**8: about 1.5e11 codes


def normalise_code(code: str) -> str:
    """Upper-cases a typed code and drops spaces and dashes: "k7m3-qp9t" -> "K7M3QP9T"."""
    return re.sub(r"[^0-9A-Z]", "", code.upper())


def code_hash(code: str) -> str:
    """The SHA-256 (hex) of a normalised code: what the database keeps."""
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


class Invites:
    """Creates and redeems producer invites; the caller owns the transaction."""

    def __init__(self, session: AsyncSession, policy: OrderPolicy) -> None:
        self._session = session
        self._policy = policy

    async def create(self, producer_id: str, now: datetime) -> InviteDTO:
        """Makes a code valid for `policy.invite_ttl`, shown once as "XXXX-XXXX".

        Raises:
            UnknownProducer: no producer has this id.
        """
        if not await Directory(self._session).producer_exists(producer_id):
            raise UnknownProducer(f"no producer {producer_id!r}", producer_id=producer_id)
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        expires = now + self._policy.invite_ttl
        self._session.add(
            ProducerInvite(
                code_hash=code_hash(raw),
                producer_id=producer_id,
                created_at=now,
                expires_at=expires,
            )
        )
        await self._session.flush()
        logger.info("invite created for producer %s, valid until %s", producer_id, expires)
        return InviteDTO(producer_id, f"{raw[:4]}-{raw[4:]}", expires)

    async def link(
        self, code: str, chat_address: str, now: datetime, language: str = "vi"
    ) -> str | Refusal:
        """Redeems `code` for `chat_address`; returns the producer id, or a refusal."""
        if not normalise_code(code):
            return Refusal(RefusalReason.INVITE_UNKNOWN)
        invite = await self._session.scalar(
            select(ProducerInvite).where(ProducerInvite.code_hash == code_hash(code))
        )
        if invite is None:
            return Refusal(RefusalReason.INVITE_UNKNOWN)
        if invite.used_at is not None:
            if invite.used_by == chat_address:  # the same chat sent the code again
                return invite.producer_id
            return Refusal(RefusalReason.INVITE_USED, {"producer_id": invite.producer_id})
        if invite.expires_at <= now:
            return Refusal(RefusalReason.INVITE_EXPIRED, {"producer_id": invite.producer_id})
        result = await self._session.execute(
            update(ProducerInvite)
            .where(ProducerInvite.id == invite.id, ProducerInvite.used_at.is_(None))
            .values(used_at=now, used_by=chat_address)
            .execution_options(synchronize_session=False)
        )
        if not changed_one(result):
            return Refusal(RefusalReason.INVITE_USED, {"producer_id": invite.producer_id})
        linked = await self._session.scalar(
            select(ProducerInbox.id).where(
                ProducerInbox.producer_id == invite.producer_id,
                ProducerInbox.address == chat_address,
            )
        )
        if linked is None:
            self._session.add(
                ProducerInbox(
                    producer_id=invite.producer_id,
                    address=chat_address,
                    language=language,
                    linked_at=now,
                )
            )
            await self._session.flush()
        logger.info("chat %s linked to producer %s", chat_address, invite.producer_id)
        return invite.producer_id

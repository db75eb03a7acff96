"""Two real `python -m bot` processes on one PostgreSQL and one Redis behave as one bot."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest
import pytest_asyncio
from redis import Redis
from redis.exceptions import RedisError

from tests.bot_process import ROOT, WebChat, bot_env, running_bot
from tests.db_servers import REDIS_URL, fresh_postgres, unavailable
from tests.scaleout.web_polls import WakeCounter, take_pushed

pytestmark = pytest.mark.postgres  # and Redis


@dataclass
class TwoBots:
    """Processes A and B behind an imaginary load balancer, and what they share."""

    a: str
    b: str
    env: dict[str, str]
    redis: Redis
    prefix: str

    def cli(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return result.stdout


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_database() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


@pytest.fixture(scope="module")
def two_bots(shared_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoBots]:
    """Starts A, then B (B loads the NLU model A trained), sharing the database and Redis."""
    redis = Redis.from_url(REDIS_URL, socket_timeout=5)
    try:
        redis.ping()
    except (RedisError, OSError) as exc:
        redis.close()
        unavailable(f"Redis at {REDIS_URL}", exc.__class__.__name__)
    prefix = f"ocopbot-test:{uuid.uuid4().hex[:10]}"
    env = bot_env(tmp_path_factory.mktemp("two-bots"))
    env.update(
        OCOPBOT_DATABASE__URL=shared_database,
        OCOPBOT_REDIS__URL=REDIS_URL,
        OCOPBOT_REDIS__PREFIX=prefix,
        OCOPBOT_NLU__MODEL_DIR=str(tmp_path_factory.getbasetemp() / "nlu-model-shared"),
    )
    try:
        with running_bot(env) as (_, a), running_bot(env) as (_, b):
            yield TwoBots(a, b, env, redis, prefix)
    finally:
        keys = list(redis.scan_iter(f"{prefix}:*"))
        if keys:
            redis.delete(*keys)
        redis.close()


def test_a_chat_started_on_one_process_continues_on_the_other(two_bots: TwoBots) -> None:
    tourist = WebChat(two_bots.a)
    assert "Trà hoa vàng Quy Hoa" in tourist.send("trà hoa vàng Quy Hoa là gì?")

    tourist.base = two_bots.b  # the load balancer sends the follow-up elsewhere
    answer = tourist.send("còn giá thì sao?")

    assert "Trà hoa vàng Quy Hoa" in answer and "Giá" in answer, answer
    assert list(two_bots.redis.scan_iter(f"{two_bots.prefix}:state:web:chat:*"))


def test_a_ping_reaches_the_long_poll_on_the_other_process_once(two_bots: TwoBots) -> None:
    code = json.loads(two_bots.cli("producers", "invite", "nuoc-mam-cai-rong-jsc", "--json"))[
        "code"
    ]
    producer = WebChat(two_bots.b)
    assert "Nước mắm Cái Rồng" in producer.send(f"/link {code}")
    wakes = WakeCounter(two_bots.redis, f"{two_bots.prefix}:web:wake")

    customer = WebChat(two_bots.a)
    customer.fish_sauce_to_confirm()
    customer.click("Xác nhận")
    assert "Đặt hàng thành công" in customer.text

    # The dispatcher of A or B sends it; the Redis mailbox hands it to B's poll.
    pings = [m for m in take_pushed(producer, until="Đơn hàng mới") if "Đơn hàng mới" in m["text"]]
    assert len(pings) == 1 and "0912345678" in pings[0]["text"]
    assert take_pushed(producer, wait=2) == []  # and never again
    assert wakes.count() == 1

    producer.base = two_bots.a  # the producer's answer lands on the other process
    producer.replies = pings
    assert "Đã nhận đơn" in producer.click("Nhận đơn")
    customer.base = two_bots.b
    told = take_pushed(customer, until="đã được nhận")
    assert sum("đã được nhận" in m["text"] for m in told) == 1
    wakes.close()

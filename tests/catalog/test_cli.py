"""``python -m catalog`` as the operator runs it: exit status, messages, files."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from catalog.cli import main
from catalog.dburl import resolve_url
from tests.catalog.importing import write_csv

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Runs ``python -m catalog`` in a real process."""
    environment = {k: v for k, v in os.environ.items() if k != "OCOPBOT_DATABASE__URL"}
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """Runs the CLI's main() in-process (in a worker thread: it calls asyncio.run)."""

    def call(*args: str) -> Done:
        with ThreadPoolExecutor(max_workers=1) as pool:
            status = pool.submit(main, list(args)).result()
        out, err = capsys.readouterr()
        return Done(status, out, err)

    return call


def test_export_json_on_a_new_database_lists_the_seed(tmp_path: Path) -> None:
    """No config, no URL: the default SQLite file is created, migrated and seeded."""
    done = run("export", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["products"]) == 106
    assert (tmp_path / "data" / "ocopbot.db").exists()


def test_database_url_comes_from_env_then_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OCOPBOT_DATABASE__URL", raising=False)
    assert resolve_url() == "sqlite+aiosqlite:///./data/ocopbot.db"
    (tmp_path / "config.yaml").write_text("database:\n  url: sqlite+aiosqlite:///c.db\n", "utf-8")
    assert resolve_url() == "sqlite+aiosqlite:///c.db"
    monkeypatch.setenv("OCOPBOT_DATABASE__URL", "sqlite+aiosqlite:///e.db")
    assert resolve_url() == "sqlite+aiosqlite:///e.db"
    assert resolve_url("sqlite+aiosqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    (tmp_path / "config.yaml").write_text("database: [unclosed\n", "utf-8")
    monkeypatch.delenv("OCOPBOT_DATABASE__URL")
    with pytest.raises(ValueError, match=r"config\.yaml: cannot read"):
        resolve_url()


def sqlite(tmp_path: Path) -> str:
    """A fresh SQLite file (the CLI migrates and seeds it); PostgreSQL is covered in-process."""
    return f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"


def test_import_reports_problems_and_exits_1(cli: Callable[..., Done], tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        ["id", "name_vi", "category", "stars"],
        [["tra-a", "Trà A", "tea", "4"], ["tra-b", "Trà B", "tea", "7"], ["", "C", "tea", ""]],
    )
    done = cli("import", str(path), "--database-url", sqlite(tmp_path))
    assert done.returncode == 1
    assert "products.csv:3: stars:" in done.stderr
    assert "products.csv:4: id: required" in done.stderr
    assert "nothing imported: 2 problem(s)" in done.stderr


def test_dry_run_then_import_then_export(cli: Callable[..., Done], tmp_path: Path) -> None:
    path = tmp_path / "tea.yaml"
    tea = {"id": "tra-a", "name_vi": "Trà A", "category": "tea", "stars": 3}
    path.write_text(yaml.safe_dump({"products": [tea]}, allow_unicode=True), "utf-8")
    url = ["--database-url", sqlite(tmp_path)]
    dry = cli("import", str(path), "--dry-run", *url)
    assert dry.returncode == 0 and "products: created 1, updated 0, unchanged 0" in dry.stdout
    assert "dry run: nothing written" in dry.stdout
    real = cli("import", str(path), *url)
    assert real.returncode == 0 and "products: created 1" in real.stdout
    exported = tmp_path / "products.csv"
    done = cli("export", "--format", "csv", "-o", str(exported), *url)
    assert done.returncode == 0
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 107
    assert any(r["id"] == "tra-a" and r["name_vi"] == "Trà A" and r["stars"] == "3" for r in rows)


def test_show_prints_every_field_of_a_product_with_its_research_notes(
    cli: Callable[..., Done], tmp_path: Path
) -> None:
    url = ["--database-url", sqlite(tmp_path)]
    done = cli("show", "ruoc-hau-bavabi", *url)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("product ruoc-hau-bavabi\n")
    assert "  stars: 5\n" in out and "  description_vi: " in out and "  description_en: " in out
    assert "Stars: FIX v2" in out  # the operator's research note, not for customers
    assert "https://thuonghieuquangninh.gov.vn/da-dang-cac-san-pham-thuy-san-2.html" in out
    assert "  places_selling:\n    - ocop-point-bigc-ha-long\n" in out
    assert "  price: null\n" in out  # no source quotes its price
    wine = cli("show", "ruou-ba-kich-ba-che", *url).stdout
    assert "    stated: 300.000 đồng\n    unit: chai 1 lít\n    kind: news\n" in wine


def test_show_a_place_and_an_event(cli: Callable[..., Done], tmp_path: Path) -> None:
    url = ["--database-url", sqlite(tmp_path)]
    shop = cli("show", "ocop-store-dam-ha", *url).stdout
    assert shop.startswith("place ocop-store-dam-ha\n") and "  own_coords: False\n" in shop
    assert "  products_sold:\n" in shop and "    - khau-nhuc-to-nhung\n" in shop
    assert "Sells: products named in the same article" in shop
    fair = cli("show", "hoi-cho-ocop-xuan-2026", *url).stdout
    assert "  date_start: 2026-02-06\n  date_end: 2026-02-11\n" in fair
    assert "  place_id: cung-quy-hoach-hoi-cho\n" in fair and "  facts: ~220 booths" in fair
    venue = cli("show", "cung-quy-hoach-hoi-cho", *url).stdout
    assert "    - hoi-cho-ocop-xuan-2026\n" in venue  # events held there


def test_show_an_unknown_id_says_so(cli: Callable[..., Done], tmp_path: Path) -> None:
    done = cli("show", "ruou-khong-co", "--database-url", sqlite(tmp_path))
    assert done.returncode == 1 and done.stdout == ""
    assert "no product, place or event has the id 'ruou-khong-co'" in done.stderr

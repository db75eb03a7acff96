"""Where the sourced seed facts are: the shared file when present, else the repo's copy."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_FACTS = REPO.parent / "shared" / "ocop" / "catalog-facts.yaml"
VENDORED_FACTS = REPO / "catalog" / "seed" / "facts" / "catalog-facts.yaml"
FACTS = SHARED_FACTS if SHARED_FACTS.exists() else VENDORED_FACTS

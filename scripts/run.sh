#!/usr/bin/env bash
# Installs the runtime on a fresh machine and starts the bot on its embedded default.
# Usage: bash scripts/run.sh [bot args...]   (same as: .venv/bin/python -m bot ...)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
exec .venv/bin/python -m bot "$@"

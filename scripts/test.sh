#!/usr/bin/env bash
# Set up and run the whole test suite: lint, JavaScript tests, Python and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
node --test plugins/vietnamese/tests/ plugins/search_index/tests/ plugins/work_calendar/tests/ plugins/official_documents/tests/ desk/tests/
.venv/bin/pytest "$@"

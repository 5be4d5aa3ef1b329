#!/usr/bin/env bash
# Set up, build the site from content/ and serve it on http://127.0.0.1:8000,
# rebuilding when a file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pelican content
echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
# LIVE_RELOAD: an open page reloads itself when its content changes.
# BUILD_QUICK_PREVIEW: a saved article's page is rewritten before the full rebuild.
exec .venv/bin/pelican content --autoreload --listen --bind 127.0.0.1 --port 8000 \
    -e LIVE_RELOAD=true BUILD_QUICK_PREVIEW=true

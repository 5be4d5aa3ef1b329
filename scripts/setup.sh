#!/usr/bin/env bash
# Install everything the site needs on Debian or Ubuntu: system packages and a
# Python virtual environment in .venv. With --test, also the test tools
# (Debian's Chromium for browser tests, Node.js for the JavaScript tests).
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

missing=()
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3 python3-venv python3-pip)
if $want_tests; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    command -v java >/dev/null || missing+=(default-jre-headless)
    # The module's file, not `command -v nginx`: /usr/sbin is not on a user's PATH.
    [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(nginx libnginx-mod-http-brotli-static)
    command -v rsync >/dev/null || missing+=(rsync)
    # The server's visit statistics (deploy/visit-stats) count with GoAccess.
    command -v goaccess >/dev/null || missing+=(goaccess)
    # pdftotext reads the shipped sample documents back in the tests.
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extras=""
$want_tests && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --editable ".${extras}"
# The test suite's JavaScript tools (axe-core, the Nu HTML checker), from package-lock.json.
if $want_tests; then
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi

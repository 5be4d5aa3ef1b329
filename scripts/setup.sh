#!/usr/bin/env bash
# Install everything the site needs on Debian or Ubuntu: system packages, a
# Python virtual environment in .venv, and the editors' desk from npm (Decap CMS
# and decap-server, in node_modules). With --test, also the test tools
# (Debian's Chromium for browser tests, nginx, axe-core and the Nu HTML checker).
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

missing=()
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3 python3-venv python3-pip)
# The desk: decap-server runs on Node.js and commits with git.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v git >/dev/null || missing+=(git)
if $want_tests; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v java >/dev/null || missing+=(default-jre-headless)
    # The module's file, not `command -v nginx`: /usr/sbin is not on a user's PATH.
    [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(nginx libnginx-mod-http-brotli-static)
    command -v rsync >/dev/null || missing+=(rsync)
    command -v openssl >/dev/null || missing+=(openssl)  # the editing server's TLS and logins
    # The server's visit statistics (deploy/visit-stats) count with GoAccess.
    command -v goaccess >/dev/null || missing+=(goaccess)
    # pdftotext reads the shipped sample documents back in the tests.
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Đang cài các gói hệ thống: ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extras=""
$want_tests && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --editable ".${extras}"
# npm packages from package-lock.json: the desk, and with --test the test tools
# too. npm ci starts from an empty node_modules, so it runs only when the lock
# file changed or the test tools are wanted and missing.
lock="$(sha256sum package-lock.json | cut -c1-64)"
installed="$(cat node_modules/.sokhcn-installed 2>/dev/null || true)"
if [ "$installed" != "$lock all" ] && { $want_tests || [ "$installed" != "$lock desk" ]; }; then
    kind=desk
    npm_options=(--no-audit --no-fund --ignore-scripts --loglevel=error)
    if $want_tests; then kind=all; else npm_options+=(--omit=dev); fi
    echo "Đang cài các gói npm ($kind)"
    npm ci "${npm_options[@]}"
    echo "$lock $kind" > node_modules/.sokhcn-installed
fi

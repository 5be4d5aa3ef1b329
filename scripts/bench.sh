#!/usr/bin/env bash
# Run every benchmark in bench/, one after the other, installing what they need
# (Hugo, Chromium, nginx, Node.js and npm from Debian, the project with its test
# and bench extras in .venv; bench/lighthouse installs Lighthouse from npm).
# Listed in bench/README.md.
#
#   bash scripts/bench.sh           # full sizes; rewrites bench/*/RESULTS.md (hours)
#   bash scripts/bench.sh --quick   # 1k articles each, results in a temporary folder
#                                   # (or in $BENCH_OUTPUT when set)
#
# Run it on a machine doing nothing else: the benchmarks time real builds.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
case "${1:-}" in
    --quick) quick=true ;;
    "") ;;
    *) echo "usage: bash scripts/bench.sh [--quick]" >&2; exit 2 ;;
esac

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
missing=()
command -v hugo >/dev/null || missing+=(hugo)          # bench/build
command -v chromium >/dev/null || missing+=(chromium)  # bench/search
command -v node >/dev/null || missing+=(nodejs)        # bench/search (version only)
command -v npm >/dev/null || missing+=(npm)            # bench/lighthouse
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(nginx libnginx-mod-http-brotli-static)  # bench/lighthouse
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
bash scripts/setup.sh
# Playwright (test extra) drives Chromium for bench/search; Pagefind (bench extra).
.venv/bin/python -m pip install --quiet --disable-pip-version-check --editable ".[test,bench]"

py=.venv/bin/python
if $quick; then
    out="${BENCH_OUTPUT:-$(mktemp -d /tmp/bench-quick.XXXXXX)}"
    mkdir -p "$out"
    echo "Quick run: 1k articles each; results in $out (bench/*/RESULTS.md untouched)"
    $py bench/build/run.py --sizes 1000 --output "$out/build.md"
    $py bench/search/run.py --sizes 1000 --output "$out/search"
    PYTHONPATH=plugins:. $py bench/archives/run.py --count 1000 --output "$out/archives.md"
    $py bench/related/run.py 1000 | tee "$out/related.txt"
    $py bench/lighthouse/run.py --runs 1 --pages "home,article,search results" --output "$out/lighthouse"
    echo "Results: $out"
else
    $py bench/build/run.py                                 # 1k, 2k, 10k, 20k
    $py bench/search/run.py                                # 2k, 20k
    PYTHONPATH=plugins:. $py bench/archives/run.py         # 20k
    $py bench/related/run.py                               # 1k, 5k, 20k
    $py bench/lighthouse/run.py                            # every page type, 3 rounds
    echo "Results: bench/build, bench/search, bench/archives, bench/related, bench/lighthouse (RESULTS.md)"
fi

#!/usr/bin/env bash
# Set up, then serve the preview and the editors' desk (/quan-tri/) on
# http://127.0.0.1:8000, rebuilding when a file changes. Another port:
# PORT=8001 bash scripts/serve.sh. Ctrl+C stops the server and its helpers.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8000}"
if ! [[ "$port" =~ ^[0-9]+$ ]]; then
    echo "Lỗi: PORT phải là một số, ví dụ PORT=8001 bash scripts/serve.sh" >&2
    exit 2
fi
if ! bash scripts/setup.sh; then
    echo "Lỗi: chưa cài đặt xong các phần cần thiết (xem thông báo ở trên). Hãy kiểm tra mạng rồi chạy lại." >&2
    exit 1
fi
# The preview is built into preview/ (the published site goes to output/, with
# sokhcn publish). LIVE_RELOAD and BUILD_QUICK_PREVIEW are set by the server.
exec .venv/bin/sokhcn serve --port "$port"

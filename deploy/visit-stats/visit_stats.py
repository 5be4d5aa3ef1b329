#!/usr/bin/python3
"""Visit statistics of the department website from nginx's access log.

Run by sokhcn-visit-stats.timer every five minutes (see docs/deploy.md):

    python3 visit_stats.py --log /var/log/nginx/sokhcn.access.log.1 \\
        --log /var/log/nginx/sokhcn.access.log --state /var/lib/sokhcn-visits

Page views (GET or HEAD of a page, answered 200 or 304) go to GoAccess, which
drops crawlers and clients it does not know as a browser, counts one visitor
per address, browser and day in Asia/Ho_Chi_Minh, and keeps what it counted
between runs (a line already counted is not counted again, also after the log
is rotated). The days it reports go to a ledger of visitors per day, which
outlives GoAccess's own storage (kept for KEEP_DAYS days). Writes, for the
"Thống kê truy cập" box (site.js), `truy-cap.json` in the state folder:

    {"date": "2026-12-07", "today": 259, "total": 1866336, "updated": "..."}

Python's standard library and Debian's goaccess only: the web server needs
nothing else from the project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ZONE = "Asia/Ho_Chi_Minh"
OUTPUT_NAME = "truy-cap.json"
LEDGER_NAME = "so-nguoi-theo-ngay.json"
KEEP_DAYS = 31
# nginx's "combined" format; the time keeps its offset, GoAccess converts it.
GOACCESS_OPTIONS = [
    "--no-global-config",
    '--log-format=%h %^[%x] "%r" %s %b "%R" "%u"',
    "--datetime-format=%d/%b/%Y:%H:%M:%S %z",
    f"--tz={ZONE}",
    "--ignore-crawlers",
    "--unknowns-as-crawlers",  # curl, scripts, unnamed clients
    f"--keep-last={KEEP_DAYS}",
    "--persist",
    "--restore",
]
# "GET /tin-tuc/2017/bai/?a=1 HTTP/1.1" 200: a page is a folder or an .html file.
PAGE_VIEW = re.compile(
    r'\] "(?:GET|HEAD) (?P<path>/[^ ?"]*)(?:\?[^ "]*)? HTTP/[0-9.]+" (?:200|304) '
)


class StatsError(Exception):
    """A problem the administrator can fix; the message says how, in Vietnamese."""


def page_views(logs: list[Path]) -> bytes:
    """The lines of the logs that are page views, oldest log first."""
    kept = []
    for log in logs:
        with log.open("rb") as lines:
            for line in lines:
                match = PAGE_VIEW.search(line.decode("utf-8", "replace"))
                if match and (
                    match["path"].endswith("/") or match["path"].endswith(".html")
                ):
                    kept.append(line if line.endswith(b"\n") else line + b"\n")
    return b"".join(kept)


def visitors_by_day(lines: bytes, database: Path) -> dict[str, int]:
    """{"2026-12-07": visitors} of every day GoAccess still holds."""
    database.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        command = ["goaccess", "-", *GOACCESS_OPTIONS, f"--db-path={database}/"]
        try:
            done = subprocess.run(
                [*command, "-o", str(report)],
                input=lines,
                capture_output=True,
                env={**os.environ, "LC_ALL": "C", "TZ": ZONE},  # English month names
                timeout=600,
            )
        except FileNotFoundError as error:
            raise StatsError(
                "chưa cài GoAccess: sudo apt-get install goaccess"
            ) from error
        if done.returncode != 0 or not report.is_file():
            message = done.stderr.decode("utf-8", "replace").strip()[-800:]
            raise StatsError(f"GoAccess dừng với mã {done.returncode}: {message}")
        data = json.loads(report.read_text(encoding="utf-8"))
    days = {}
    for day in data.get("visitors", {}).get("data", []):
        key = day["data"]  # "20261207"
        days[f"{key[:4]}-{key[4:6]}-{key[6:]}"] = int(day["visitors"]["count"])
    return days


def read_json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (ValueError, OSError) as error:
        raise StatsError(f"không đọc được {path}: {error}; hãy xoá tệp này") from error


def write_json(path: Path, data, mode: int) -> None:
    """Whole or not at all: nginx may be serving the file at that moment."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(data, file, ensure_ascii=False, sort_keys=True)
    os.chmod(temporary, mode)
    os.replace(temporary, path)


def update(logs: list[Path], state: Path, earlier_visits: int, now: datetime) -> dict:
    """Count the new lines, update the ledger and write the widget's file."""
    present = [log for log in logs if log.is_file()]
    if not present:
        names = ", ".join(str(log) for log in logs)
        raise StatsError(
            f"không có tệp nhật ký nào trong {names}: kiểm tra access_log của nginx"
        )
    if not state.is_dir():
        raise StatsError(f"chưa có thư mục {state}: tạo nó hoặc dùng systemd")
    days = visitors_by_day(page_views(present), state / "goaccess")
    ledger = read_json(state / LEDGER_NAME, {})
    ledger.update(days)
    write_json(state / LEDGER_NAME, ledger, 0o600)
    today = now.astimezone(ZoneInfo(ZONE))
    stats = {
        "date": today.date().isoformat(),
        "today": ledger.get(today.date().isoformat(), 0),
        "total": earlier_visits + sum(ledger.values()),
        "updated": today.isoformat(timespec="seconds"),
    }
    write_json(state / OUTPUT_NAME, stats, 0o644)  # read by nginx
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--log",
        action="append",
        type=Path,
        required=True,
        help="nhật ký truy cập của nginx, tệp cũ trước (lặp lại được)",
    )
    parser.add_argument(
        "--state", type=Path, required=True, help="thư mục lưu số liệu và truy-cap.json"
    )
    parser.add_argument(
        "--earlier-visits",
        type=int,
        default=0,
        help="số lượt đã truy cập trước khi có thống kê này (cổng cũ)",
    )
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=None,
        help="thời điểm tính 'Hôm nay' (mặc định: bây giờ): 2026-12-07T08:00+07:00",
    )
    args = parser.parse_args(argv)
    try:
        stats = update(
            args.log,
            args.state,
            args.earlier_visits,
            args.now or datetime.now(ZoneInfo(ZONE)),
        )
    except StatsError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 1
    print(
        f"Hôm nay ({stats['date']}): {stats['today']}, đã truy cập: {stats['total']}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

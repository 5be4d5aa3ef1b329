"""The server's visit statistics (deploy/visit-stats): Debian's GoAccess over
generated nginx logs; the units checked by systemd's own tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import PROJECT

FOLDER = PROJECT / "deploy" / "visit-stats"
SCRIPT = FOLDER / "visit_stats.py"
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.{n}.0 Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "curl/8.5.0",
    "python-requests/2.31.0",
]
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # 16:00 in Vietnam


def line(when: datetime, ip: str, path: str, agent: str, status: int = 200) -> str:
    """One line of nginx's "combined" log, the time in the server's zone."""
    stamp = when.strftime("%d/%b/%Y:%H:%M:%S %z")
    return f'{ip} - - [{stamp}] "GET {path} HTTP/1.1" {status} 512 "-" "{agent}"\n'


def count(state: Path, *logs: Path, now=NOW, earlier: int = 0) -> dict:
    command = [sys.executable, str(SCRIPT), "--state", str(state)]
    for log in logs:
        command += ["--log", str(log)]
    command += ["--now", now.isoformat(), "--earlier-visits", str(earlier)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    stats = json.loads((state / "truy-cap.json").read_text(encoding="utf-8"))
    assert done.stdout.strip() == (
        f"Hôm nay ({stats['date']}): {stats['today']}, đã truy cập: {stats['total']}."
    )
    return stats


@pytest.fixture
def state(tmp_path):
    folder = tmp_path / "state"
    folder.mkdir()
    return folder


def test_today_starts_at_midnight_in_vietnam(tmp_path, state):
    log = tmp_path / "access.log"
    log.write_text(
        # 23:59:59 on 6 December in Vietnam, written by a server on UTC
        line(datetime(2026, 12, 6, 16, 59, 59, tzinfo=UTC), "10.0.0.1", "/", CHROME)
        # 00:00:00 on 7 December in Vietnam
        + line(datetime(2026, 12, 6, 17, 0, tzinfo=UTC), "10.0.0.2", "/", CHROME)
        # a server on Vietnam's time: 00:10 on 7 December
        + line(
            datetime.fromisoformat("2026-12-07T00:10:00+07:00"),
            "10.0.0.3",
            "/",
            IPHONE,
        ),
        encoding="utf-8",
    )
    stats = count(state, log)
    assert stats == {
        "date": "2026-12-07",
        "today": 2,
        "total": 3,
        "updated": "2026-12-07T16:00:00+07:00",
    }
    # At 23:59 UTC it is already 8 December in Vietnam: nobody yet today.
    late = count(state, log, now=datetime(2026, 12, 7, 17, 1, tzinfo=UTC))
    assert (late["date"], late["today"], late["total"]) == ("2026-12-08", 0, 3)


def test_only_people_opening_pages_count(tmp_path, state):
    at = NOW - timedelta(hours=1)
    lines = [
        line(at, "10.0.0.1", "/", CHROME.format(n=1)),
        line(at, "10.0.0.1", "/tin-tuc/2017/bai/", CHROME.format(n=1)),  # same one
        line(at, "10.0.0.1", "/", IPHONE),  # same address, another browser
        line(at, "10.0.0.2", "/tim-kiem/?q=dau+tu", CHROME.format(n=2)),
        line(at, "10.0.0.3", "/404.html", CHROME.format(n=3), status=404),
        line(at, "10.0.0.4", "/wp-login.php", CHROME.format(n=4), status=404),
        line(at, "10.0.0.5", "/theme/css/site.css", CHROME.format(n=5)),
        line(at, "10.0.0.6", "/thong-ke/truy-cap.json", CHROME.format(n=6)),
        line(at, "10.0.0.7", "/ChiTietTinTuc.aspx?nid=1", CHROME.format(n=7), 301),
        *(line(at, f"10.0.1.{i}", "/", bot) for i, bot in enumerate(BOTS)),
    ]
    log = tmp_path / "access.log"
    log.write_text("".join(lines), encoding="utf-8")
    assert count(state, log)["today"] == 3


def test_runs_and_rotation_count_each_line_once(tmp_path, state):
    log = tmp_path / "access.log"
    start = NOW - timedelta(hours=3)
    visits = [
        line(start + timedelta(minutes=i), f"10.0.0.{i}", "/", IPHONE) for i in range(6)
    ]
    log.write_text("".join(visits[:2]), encoding="utf-8")
    assert count(state, log)["today"] == 2
    assert count(state, log)["today"] == 2  # nothing new
    with log.open("a", encoding="utf-8") as file:
        file.write(visits[2])
    assert count(state, log)["today"] == 3
    # logrotate: the log becomes access.log.1 and a new one starts
    with log.open("a", encoding="utf-8") as file:
        file.write(visits[3])
    log.rename(tmp_path / "access.log.1")
    log.write_text("".join(visits[4:]), encoding="utf-8")
    stats = count(state, tmp_path / "access.log.1", log, earlier=1866336)
    assert (stats["today"], stats["total"]) == (6, 1866342)


def test_the_total_outlives_goaccess_storage(tmp_path, state):
    """GoAccess keeps 31 days; the ledger of visitors per day keeps them all."""
    log = tmp_path / "access.log"
    for first, last in ((45, 30), (29, 10), (9, 0)):  # three logs, 46 days
        days = [NOW - timedelta(days=d) for d in range(first, last - 1, -1)]
        log.write_text(
            "".join(line(day, "10.0.0.1", "/", IPHONE) for day in days),
            encoding="utf-8",
        )
        stats = count(state, log)
    assert (stats["today"], stats["total"]) == (1, 46)
    assert (state / "truy-cap.json").stat().st_mode & 0o777 == 0o644
    assert (state / "goaccess").stat().st_mode & 0o777 == 0o700


def test_problems_are_explained(tmp_path, state):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--state", str(state), "--log", "/khong/co.log"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Lỗi: không có tệp nhật ký nào trong /khong/co.log")
    (state / "so-nguoi-theo-ngay.json").write_text("{hỏng", encoding="utf-8")
    (tmp_path / "a.log").write_text("", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--state",
            str(state),
            "--log",
            str(tmp_path / "a.log"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "hãy xoá tệp này" in done.stderr


def test_systemd_units_are_valid(tmp_path):
    """systemd-analyze checks every key; the script's path as it is here."""
    for name in ("sokhcn-visit-stats.service", "sokhcn-visit-stats.timer"):
        text = (FOLDER / name).read_text(encoding="utf-8")
        text = text.replace("/usr/local/lib/sokhcn/visit_stats.py", str(SCRIPT))
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [
            "systemd-analyze",
            "verify",
            *(str(p) for p in sorted(tmp_path.glob("sokhcn-*"))),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
    service = (FOLDER / "sokhcn-visit-stats.service").read_text(encoding="utf-8")
    assert "--log /var/log/nginx/sokhcn.access.log" in service
    nginx = (PROJECT / "deploy/nginx/sokhcn.conf").read_text(encoding="utf-8")
    assert "access_log /var/log/nginx/sokhcn.access.log combined;" in nginx
    assert "alias /var/lib/sokhcn-visits/truy-cap.json;" in nginx


def test_the_system_user_reads_nginx_logs(tmp_path):
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    for name in ("passwd", "group"):
        shutil.copy(f"/etc/{name}", root / "etc" / name)
    done = subprocess.run(
        ["systemd-sysusers", f"--root={root}", str(FOLDER / "sokhcn-visits.sysusers")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    passwd = (root / "etc/passwd").read_text(encoding="utf-8")
    assert ":/var/lib/sokhcn-visits:/usr/sbin/nologin" in passwd
    groups = (root / "etc/group").read_text(encoding="utf-8").splitlines()
    adm = next(g for g in groups if g.startswith("adm:"))
    assert "sokhcn-visits" in adm.split(":")[3].split(",")

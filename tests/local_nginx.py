"""The documented nginx configuration (deploy/nginx), run on 127.0.0.1.

A publish build of content/ with this server's origin, served by nginx with the
deploy files as written: tests/test_nginx.py checks it, bench/lighthouse scores it.
The site's access log and the visit statistics (deploy/visit-stats) are in the
server's folder, counted once when it starts, as the server's timer would.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
DEPLOY = PROJECT / "deploy" / "nginx"
VISIT_STATS = PROJECT / "deploy" / "visit-stats" / "visit_stats.py"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def publish_build(output: Path, origin: str) -> None:
    extra = {"SITEURL": origin, "SITE_ORIGIN": origin, "FEED_DOMAIN": origin}
    command = [sys.executable, "-m", "pelican", str(PROJECT / "content")]
    command += ["-s", str(PROJECT / "publishconf.py"), "-o", str(output)]
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    run_or_explain(command, cwd=PROJECT)


def run_or_explain(command: list[str], **options) -> None:
    """Run a command; when it fails, the error names it and ends with its output."""
    done = subprocess.run(command, capture_output=True, text=True, **options)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()[-3000:]
        raise RuntimeError(f"{' '.join(command[:4])} … failed:\n{output}")


def nginx_config(root: Path, output: Path, port: int) -> Path:
    """The deploy files as documented, with this folder and port."""
    headers = root / "sokhcn-headers.conf"
    shutil.copy(DEPLOY / "sokhcn-headers.conf", headers)
    site = (DEPLOY / "sokhcn.conf").read_text(encoding="utf-8")
    site = site.replace("/srv/sokhcn/output", str(output))
    site = site.replace("/etc/nginx/snippets/sokhcn-headers.conf", str(headers))
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("/var/log/nginx/sokhcn.access.log", str(root / "access.log"))
    site = site.replace("/var/lib/sokhcn-visits", str(root / "visits"))
    (root / "visits").mkdir(exist_ok=True)
    (root / "sokhcn.conf").write_text(site, encoding="utf-8")
    main = root / "nginx.conf"
    main.write_text(
        f"""
load_module {BROTLI_MODULE};
daemon off;
master_process off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    include {root}/sokhcn.conf;
}}
""",
        encoding="utf-8",
    )
    return main


@contextlib.contextmanager
def serving_publish_build(root: Path) -> Iterator[tuple[str, Path]]:
    """Build content/ for a free port under `root`, serve it; yield (origin, output)."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    output = root / "output"
    publish_build(output, origin)
    config = nginx_config(root, output, port)
    run_or_explain([NGINX, "-t", "-c", str(config)])
    server = subprocess.Popen([NGINX, "-c", str(config)])
    try:
        wait_for_port(server, port, root / "error.log")
        count_visits(root)
        yield origin, output
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def count_visits(root: Path, *options: str) -> None:
    """One run of the server's visit statistics over this server's log."""
    command = [sys.executable, str(VISIT_STATS), "--log", str(root / "access.log")]
    run_or_explain([*command, "--state", str(root / "visits"), *options])


def wait_for_port(server: subprocess.Popen, port: int, error_log: Path) -> None:
    for _ in range(200):
        if server.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    log = error_log.read_text(encoding="utf-8") if error_log.exists() else ""
    raise RuntimeError(f"nginx did not answer on port {port}:\n{log[-3000:]}")

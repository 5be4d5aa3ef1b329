"""The documented nginx configuration (deploy/nginx), run on 127.0.0.1.

A publish build of content/ with this server's origin, served by nginx with the
deploy files as written: tests/test_nginx.py checks it, bench/lighthouse scores it.
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def publish_build(output: Path, origin: str) -> None:
    extra = {"SITEURL": origin, "SITE_ORIGIN": origin, "FEED_DOMAIN": origin}
    command = [sys.executable, "-m", "pelican", str(PROJECT / "content")]
    command += ["-s", str(PROJECT / "publishconf.py"), "-o", str(output)]
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    subprocess.run(command, cwd=PROJECT, check=True, capture_output=True)


def nginx_config(root: Path, output: Path, port: int) -> Path:
    """The deploy files as documented, with this folder and port."""
    headers = root / "sokhcn-headers.conf"
    shutil.copy(DEPLOY / "sokhcn-headers.conf", headers)
    site = (DEPLOY / "sokhcn.conf").read_text(encoding="utf-8")
    site = site.replace("/srv/sokhcn/output", str(output))
    site = site.replace("/etc/nginx/snippets/sokhcn-headers.conf", str(headers))
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
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
    subprocess.run([NGINX, "-t", "-c", str(config)], check=True, capture_output=True)
    server = subprocess.Popen([NGINX, "-c", str(config)])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield origin, output
    finally:
        server.terminate()
        server.wait(timeout=10)

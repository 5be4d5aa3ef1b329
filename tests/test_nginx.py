"""The documented nginx configuration, run for real on 127.0.0.1 on a publish build."""

from __future__ import annotations

import json
import urllib.request

import pytest
from local_nginx import serving_publish_build
from page_types import PAGE_TYPES


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    with serving_publish_build(tmp_path_factory.mktemp("nginx")) as (base, output):
        yield base, output


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(url: str, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, headers=headers))
    except urllib.error.HTTPError as answer:
        response = answer
    with response:
        return response.status, response.headers, response.read()


def test_security_headers_on_pages(nginx_site):
    base, _ = nginx_site
    status, headers, _ = request(f"{base}/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_precompressed_files_are_served(nginx_site):
    base, output = nginx_site
    original = (output / "index.html").read_bytes()
    for encoding in ("br", "gzip"):
        status, headers, body = request(f"{base}/", **{"Accept-Encoding": encoding})
        assert status == 200 and headers["Content-Encoding"] == encoding
        assert len(body) < len(original)


def test_hashed_assets_are_cached_forever(nginx_site):
    base, output = nginx_site
    stylesheet = next((output / "theme/css").glob("site.*.css"))
    url = f"{base}/{stylesheet.relative_to(output).as_posix()}"
    status, headers, body = request(url)
    assert status == 200 and body == stylesheet.read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Security-Policy" in headers


def test_search_index_data_is_cached_forever_but_not_its_manifest(nginx_site):
    base, output = nginx_site
    index = output / "tim-kiem/chi-muc"
    data = next(index.glob("*/s/0.bin"))
    status, headers, body = request(f"{base}/{data.relative_to(output).as_posix()}")
    assert status == 200 and body == data.read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, body = request(f"{base}/tim-kiem/chi-muc/meta.bin")
    assert status == 200 and body == (index / "meta.bin").read_bytes()
    assert headers["Cache-Control"] == "no-cache"


def test_old_portal_addresses_redirect(nginx_site):
    base, output = nginx_site
    mapping = json.loads((output / "redirects/legacy.json").read_text("utf-8"))
    old, new = next(iter(mapping.items()))
    status, headers, _ = request(f"{base}/{old.lstrip('/')}")
    assert status == 301
    assert headers["Location"].endswith(new)
    status, headers, _ = request(f"{base}/{old.lstrip('/').lower()}")
    assert status == 301


def test_missing_page_gets_the_404_page(nginx_site):
    base, _ = nginx_site
    status, headers, body = request(f"{base}/khong-co-trang-nay/")
    assert status == 404
    assert "Không tìm thấy trang" in body.decode("utf-8")
    assert "Content-Security-Policy" in headers


@pytest.mark.browser
@pytest.mark.parametrize("name", [n for n in PAGE_TYPES if n != "content problems"])
def test_every_page_type_works_under_the_policy(browser, nginx_site, name):
    base, _ = nginx_site
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    url = f"{base}/{PAGE_TYPES[name]}"
    page.goto(url, wait_until="networkidle")
    assert page.locator("main h1").first.is_visible()
    if name == "home":
        page.get_by_role("button", name="A+ (tăng cỡ chữ)").click()
        assert page.evaluate("document.documentElement.dataset.textSize") == "1"
    assert problems == [], (name, problems)
    page.close()

"""The documented nginx configuration, run for real on 127.0.0.1 on a publish build."""

from __future__ import annotations

import json
import random
import urllib.request

import pytest
from local_nginx import count_visits, serving_publish_build
from page_types import PAGE_TYPES, SEED_URL
from test_accessibility import ARTIFACTS, axe_violations


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


CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.{n}.0 Safari/537.36"
)


def visit_stats(base: str) -> dict:
    status, headers, body = request(f"{base}/thong-ke/truy-cap.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert headers["Cache-Control"] == "no-cache"
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    return json.loads(body)


@pytest.mark.browser
def test_visit_statistics_from_nginx_log(browser, nginx_site):
    """Requests to the real server land in its log; the server's statistics
    count people opening pages, and the sidebar shows them under the policy."""
    base, output = nginx_site
    count_visits(output.parent)
    before = visit_stats(base)
    # Browsers new today (their own build numbers), a crawler, a script, and a
    # browser that only fetched the stylesheet or a missing page.
    agents = [CHROME.format(n=random.randrange(10**6)) for _ in range(4)]
    request(f"{base}/", **{"User-Agent": agents[0]})
    request(f"{base}/{SEED_URL}", **{"User-Agent": agents[1]})
    request(f"{base}/{SEED_URL}", **{"User-Agent": agents[1]})
    stylesheet = next((output / "theme/css").glob("site.*.css")).name
    request(f"{base}/theme/css/{stylesheet}", **{"User-Agent": agents[2]})
    request(f"{base}/khong-co/", **{"User-Agent": agents[3]})
    request(f"{base}/", **{"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
    request(f"{base}/", **{"User-Agent": "curl/8.5.0"})
    count_visits(output.parent)
    after = visit_stats(base)
    assert after["date"] == before["date"]
    assert after["today"] - before["today"] == 2
    assert after["total"] - before["total"] == 2

    context = browser.new_context(user_agent=agents[0])  # counted already
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.goto(f"{base}/", wait_until="networkidle")
    widget = page.locator(".visit-counter")
    assert widget.locator("h2").inner_text().strip().lower() == "thống kê truy cập"
    today = widget.locator("[data-counter=today]")
    page.wait_for_function("e => e.textContent !== '—'", arg=today.element_handle())
    assert today.inner_text() == f"{after['today']:,}".replace(",", ".")
    total = widget.locator("[data-counter=total]").inner_text()
    assert total == f"{after['total']:,}".replace(",", ".")
    page.goto(f"{base}/en/", wait_until="networkidle")
    english = page.locator(".visit-counter")
    assert english.locator("dt").all_inner_texts() == ["Today:", "Total visits:"]
    assert problems == []
    context.close()
    # axe's script is injected inline, which the policy rightly refuses.
    context = browser.new_context(user_agent=agents[0], bypass_csp=True)
    page = context.new_page()
    page.goto(f"{base}/", wait_until="networkidle")
    page.wait_for_function(
        "() => document.querySelector('[data-counter=total]').textContent !== '—'"
    )
    assert axe_violations(page) == []
    page.locator(".visit-counter").screenshot(path=str(ARTIFACTS / "visit-counter.png"))
    context.close()

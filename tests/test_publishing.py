"""Production extras: NewsArticle JSON-LD, visit statistics, the EMC script."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import serving

ARTICLE = {
    "articles/2020/hoi-nghi.md": """
        Title: Hội nghị </script><script>alert(1)</script> tổng kết
        Date: 16/11/2020 10:00
        Category: Tin hoạt động
        Tags: hội nghị, tổng kết
        Author: Trương Thế Bình - Văn phòng
        Summary: Lời dẫn của bài.
        Image: images/a.svg
        ImageAlt: Ảnh hội nghị

        Nội dung.
        """,
    "images/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
}


def test_news_article_structured_data(make_site):
    site = make_site(ARTICLE, LINKED_WEBSITES_FILE="", SITE_ORIGIN="https://x.gov.vn")
    page = site.soup("tin-tuc/2020/hoi-nghi/")
    (block,) = page.select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Hội nghị </script><script>alert(1)</script> tổng kết"
    assert data["datePublished"] == "2020-11-16T10:00:00+07:00"
    assert data["author"] == {"@type": "Person", "name": "Trương Thế Bình"}
    assert data["mainEntityOfPage"] == "https://x.gov.vn/tin-tuc/2020/hoi-nghi/"
    assert data["image"] == ["https://x.gov.vn/images/a.svg"]
    assert data["keywords"] == "hội nghị, tổng kết"
    assert "</script><script>" not in site.text("tin-tuc/2020/hoi-nghi/")
    assert not site.soup("").select('script[type="application/ld+json"]')


def test_emc_script_is_external_and_only_when_configured(make_site):
    url = "https://emc.example.gov.vn/giam-sat.js"
    site = make_site(ARTICLE, LINKED_WEBSITES_FILE="", EMC_SCRIPT_URL=url)
    (script,) = site.soup("").select(f'script[src="{url}"]')
    assert script.has_attr("async") and not script.string
    plain = make_site(ARTICLE, LINKED_WEBSITES_FILE="")
    assert not plain.soup("").select('script[src*="emc"]')


class FakeGoatCounter(BaseHTTPRequestHandler):
    """A stand-in for GoatCounter's public API on 127.0.0.1 (no network here)."""

    counted: list[dict] = []
    cookies: list[str] = []

    def do_GET(self):
        url = urlparse(self.path)
        if self.headers.get("Cookie"):
            self.cookies.append(self.headers["Cookie"])
        if url.path == "/count":
            self.counted.append(parse_qs(url.query))
            self.answer(b"", "image/gif")
        elif url.path == "/counter/TOTAL.json":
            today = "start" in parse_qs(url.query)
            count = "259" if today else "18,663,365"
            self.answer(json.dumps({"count": count}).encode(), "application/json")
        else:
            self.send_error(404)

    def answer(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def goatcounter():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGoatCounter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_visit_counter_counts_and_shows_numbers(browser, make_site):
    with goatcounter() as counter_url:
        # GoatCounter, when set, replaces the server's own statistics.
        site = make_site(
            ARTICLE,
            LINKED_WEBSITES_FILE="",
            GOATCOUNTER_URL=counter_url,
            VISIT_STATS_PATH="thong-ke/truy-cap.json",
        )
        with serving(site.output) as base:
            page = browser.new_page()
            page.goto(f"{base}/tin-tuc/2020/hoi-nghi/", wait_until="networkidle")
            widget = page.locator(".visit-counter")
            assert widget.get_attribute("data-visit-stats") is None
            assert widget.locator('[data-counter="total"]').inner_text() == "18.663.365"
            assert widget.locator('[data-counter="today"]').inner_text() == "259"
            page.close()
    (visit,) = FakeGoatCounter.counted
    assert visit["p"] == ["/tin-tuc/2020/hoi-nghi/"]
    assert FakeGoatCounter.cookies == []


@pytest.mark.browser
def test_visit_counter_shows_a_dash_when_unreachable(browser, make_site):
    with goatcounter() as counter_url:
        pass  # the server is gone: its address now refuses connections
    site = make_site(ARTICLE, LINKED_WEBSITES_FILE="", GOATCOUNTER_URL=counter_url)
    with serving(site.output) as base:
        page = browser.new_page()
        page.goto(f"{base}/", wait_until="networkidle")
        numbers = page.locator(".visit-counter dd").all_inner_texts()
        assert numbers == ["—", "—"]
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("date", "today"), [("2027-01-05", "259"), ("2027-01-04", "0")]
)
def test_server_statistics_of_another_day_show_none_today(
    browser, make_site, date, today
):
    site = make_site(
        ARTICLE, LINKED_WEBSITES_FILE="", VISIT_STATS_PATH="thong-ke/truy-cap.json"
    )
    stats = {"date": date, "today": 259, "total": 1866336, "updated": "…"}
    (site.output / "thong-ke").mkdir()
    (site.output / "thong-ke/truy-cap.json").write_text(json.dumps(stats), "utf-8")
    with serving(site.output) as base:
        page = browser.new_page()
        page.clock.set_fixed_time("2027-01-04T18:30:00Z")  # 5 January in Vietnam
        page.goto(f"{base}/", wait_until="networkidle")
        numbers = page.locator(".visit-counter dd").all_inner_texts()
        assert numbers == [today, "1.866.336"]
        page.close()

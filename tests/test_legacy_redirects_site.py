"""The old portal's ChiTietTinTuc.aspx page in the project's theme
(plugins/legacy_redirects/tests builds with the plugin alone)."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from conftest import PROJECT
from legacy_redirects.tests.test_legacy_redirects_build import FILES

PLUGINS = [
    *read_settings(str(PROJECT / "pelicanconf.py"))["PLUGINS"],
    "legacy_redirects",
]
ORIGIN = "https://sokhcn.example.gov.vn"


def build(make_site, files=FILES, **overrides):
    return make_site(
        files,
        PLUGINS=PLUGINS,
        LINKED_WEBSITES_FILE="",
        SITE_ORIGIN=ORIGIN,
        **overrides,
    )


@pytest.fixture
def site(make_site):
    return build(make_site)


def test_one_script_page_for_query_addresses(site):
    page = site.soup("ChiTietTinTuc.aspx")
    box = page.select_one("[data-legacy-redirect]")
    assert box["data-legacy-path"] == "/ChiTietTinTuc.aspx"
    assert box["data-legacy-map"] == "/redirects/legacy.json"
    scripts = page.find_all("script")
    assert all(script.get("src") for script in scripts)  # strict CSP: no inline code
    assert "/theme/js/legacy-redirect.js" in [script["src"] for script in scripts]
    assert (site.output / "theme/js/legacy-redirect.js").is_file()
    message = box.select_one('[data-legacy-state="nojs"]')
    assert "cổng thông tin cũ" in message.get_text() and not message.has_attr("hidden")
    assert box.find("a", href="/").get_text() == "Trang chủ"
    assert box.find("a", href="/so-do-cong/").get_text() == "Sơ đồ cổng"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # No page per nid: a static host cannot tell them apart.
    assert not list(site.output.glob("ChiTietTinTuc.aspx?*"))
    assert not (site.output / "ChiTietTinTuc.aspx/index.html").exists()

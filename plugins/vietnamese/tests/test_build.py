"""A real Pelican build with the plugin alone, loaded through PLUGIN_PATHS, and
the plugins' minimal theme (tests/minimal_theme) with a template of filters."""

import logging
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from .helpers import PLUGINS_DIR

MINIMAL_THEME = PLUGINS_DIR.parent / "tests" / "minimal_theme"

ARTICLES = {
    # Stored decomposed (NFD): its category must merge with the NFC one below.
    "a-thong-bao-nfd.md": (
        "Title: Thông báo lịch tiếp công dân\nDate: 2024-01-02 09:00\n"
        "Category: Thông báo\nTags: Đồng Nai, An Giang\n\nNội dung **Hoà Bình**.\n"
    ),
    "b-ke-hoach.md": (
        "Title: Kế hoạch ứng dụng KH&CN\nDate: 2024-01-03\n"
        "Category: Thông báo\nTags: Gia Lai, Bình Dương\n\nKế hoạch.\n"
    ),
    # Titles that differ only in diacritics: same slug, two files.
    "c-bao-tang.md": (
        "Title: Bảo tàng tỉnh\nDate: 2024-01-04\nCategory: Tin tức\n\nCó dấu.\n"
    ),
    "d-bao-tang-khong-dau.md": (
        "Title: Bao tang tinh\nDate: 2024-01-05\nCategory: Tin tức\n\nKhông dấu.\n"
    ),
    "e-nghi-dinh.md": (
        "Title: Hướng dẫn Nghị định 42/2022/NĐ-CP\nDate: 2024-01-06\n"
        "Category: Văn bản\nTags: Nghị định 42/2022/NĐ-CP, Dương Kinh\n\nVăn bản.\n"
    ),
}

ARTICLE_TEMPLATE = """<html><body>
<h1 id="title">{{ article.title }}</h1>
<p id="weekday">{{ article.date|vn_date("weekday") }}</p>
<p id="long">{{ article.date|vn_date("long") }}</p>
<p id="number">{{ 18663365|vn_number }}</p>
<p id="slug">{{ article.title|vn_slug }}</p>
<p id="fold">{{ article.title|vn_fold }}</p>
<ul id="tags">{% for tag, _ in tags|vn_sort %}<li>{{ tag }}</li>{% endfor %}</ul>
<ul id="categories">
{% for category, _ in categories|vn_sort %}<li>{{ category }}</li>{% endfor %}
</ul>
</body></html>
"""


def write_site(root: Path) -> dict:
    content = root / "content"
    content.mkdir()
    for name, text in ARTICLES.items():
        form = "NFD" if "nfd" in name else "NFC"
        (content / name).write_bytes(unicodedata.normalize(form, text).encode())
    templates = root / "templates"
    templates.mkdir()
    (templates / "article.html").write_text(ARTICLE_TEMPLATE, encoding="utf-8")
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(root / "output"),
        "CACHE_PATH": str(root / "cache"),
        "PLUGIN_PATHS": [str(PLUGINS_DIR)],
        "PLUGINS": ["vietnamese"],
        "THEME": str(MINIMAL_THEME),
        "THEME_TEMPLATES_OVERRIDES": [str(templates)],
        "ARTICLE_TRANSLATION_ID": None,
        "PAGE_TRANSLATION_ID": None,
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEFAULT_LANG": "vi",
        "SITEURL": "",
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }


@pytest.fixture
def site(tmp_path, caplog, monkeypatch):
    # Pelican drops a warning already logged in this process; each build needs its own.
    monkeypatch.setattr(LimitFilter, "_raised_messages", set())
    settings = read_settings(override=write_site(tmp_path))
    with caplog.at_level(logging.WARNING, logger="vietnamese"):
        Pelican(settings).run()
    return tmp_path / "output", caplog.records


def page(output: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")


def text_of(soup: BeautifulSoup, element_id: str) -> str:
    return soup.find(id=element_id).get_text(strip=True)


def test_vietnamese_slugs(site):
    output, _ = site
    assert (output / "thong-bao-lich-tiep-cong-dan.html").is_file()
    assert (output / "ke-hoach-ung-dung-kh-cn.html").is_file()
    assert (output / "huong-dan-nghi-dinh-42-2022-nd-cp.html").is_file()
    assert (output / "tag" / "nghi-dinh-42-2022-nd-cp.html").is_file()
    assert (output / "tag" / "dong-nai.html").is_file()


def test_diacritic_only_collision_writes_two_files(site):
    output, _ = site
    first = page(output, "bao-tang-tinh.html")
    second = page(output, "bao-tang-tinh-2.html")
    assert text_of(first, "title") == "Bảo tàng tỉnh"
    assert text_of(second, "title") == "Bao tang tinh"


def test_collision_warning_names_both_sources_and_new_url(site):
    _, records = site
    messages = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    [message] = [m for m in messages if "Trùng đường dẫn" in m]
    assert "c-bao-tang.md" in message
    assert "d-bao-tang-khong-dau.md" in message
    assert "bao-tang-tinh-2.html" in message


def test_nfd_article_is_nfc_and_merges_category(site):
    output, _ = site
    categories = sorted(p.name for p in (output / "category").iterdir())
    assert categories == ["thong-bao.html", "tin-tuc.html", "van-ban.html"]
    listing = page(output, "category/thong-bao.html").get_text()
    assert "Thông báo lịch tiếp công dân" in listing
    assert "Kế hoạch ứng dụng KH&CN" in listing
    article = page(output, "thong-bao-lich-tiep-cong-dan.html")
    assert text_of(article, "title") == "Thông báo lịch tiếp công dân"
    assert unicodedata.is_normalized("NFC", str(article))
    names = [li.get_text() for li in article.find(id="categories").find_all("li")]
    assert names == ["Thông báo", "Tin tức", "Văn bản"]


def test_filters_in_templates(site):
    output, _ = site
    article = page(output, "thong-bao-lich-tiep-cong-dan.html")
    assert text_of(article, "weekday") == "Thứ Ba, 02/01/2024"
    assert text_of(article, "long") == "ngày 02 tháng 01 năm 2024"
    assert text_of(article, "number") == "18.663.365"
    assert text_of(article, "slug") == "thong-bao-lich-tiep-cong-dan"
    assert text_of(article, "fold") == "thong bao lich tiep cong dan"
    tags = [li.get_text() for li in article.find(id="tags").find_all("li")]
    assert tags == [
        "An Giang",
        "Bình Dương",
        "Dương Kinh",
        "Đồng Nai",
        "Gia Lai",
        "Nghị định 42/2022/NĐ-CP",
    ]


def test_without_the_plugin_pelican_aborts_on_the_collision(tmp_path):
    # Fresh process: signal handlers connected by other tests would hide the crash.
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from vietnamese.tests.test_build import write_site;"
        "from pelican import Pelican; from pelican.settings import read_settings;"
        "o = write_site(Path(sys.argv[2])); o['PLUGINS'] = [];"
        "o['THEME_TEMPLATES_OVERRIDES'] = []; Pelican(read_settings(override=o)).run()"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(PLUGINS_DIR), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    assert "FileOverwriteFailedError" in run.stderr
    assert "bao-tang-tinh.html" in run.stderr

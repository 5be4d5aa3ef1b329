"""Real builds with the plugin and the text stage: Tin liên quan on a corpus
with known clusters, Các tin khác, previous/next, `Related:` overrides and their
errors (the project's theme showing them: tests/test_related_site.py)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import blinker
import pytest
from pelican.plugins import signals

from conftest import Site, plugin_build

FIXTURE = Path(__file__).parent / "fixtures" / "corpus"
SETTINGS = {"SLUGIFY_SOURCE": "basename"}

# Three clusters: a research project, a conference and an OCOP product. Each
# has members in several categories, and each has a look-alike outside it in
# one member's category (another acceptance meeting, another workshop, another
# product's intellectual property).
CLUSTERS = {
    "lúa chịu mặn": [
        "2021/giao-thuc-hien-de-tai-lua-chiu-man-quang-yen",
        "2022/kiem-tra-tien-do-de-tai-lua-chiu-man",
        "2023/nghiem-thu-de-tai-lua-chiu-man",
        "2024/chuyen-giao-giong-lua-chiu-man-qn-m1",
    ],
    "hội thảo kinh tế biển xanh": [
        "2024/thong-bao-hoi-thao-kinh-te-bien-xanh",
        "2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh",
        "2024/khai-mac-hoi-thao-kinh-te-bien-xanh",
        "2024/kien-nghi-tu-hoi-thao-kinh-te-bien-xanh",
    ],
    "miến dong Bình Liêu": [
        "2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu",
        "2021/tieu-chuan-co-so-mien-dong-binh-lieu",
        "2022/du-an-say-mien-dong-binh-lieu",
        "2023/mien-dong-binh-lieu-dat-5-sao-ocop",
    ],
}
MEMBERS = [(name, member) for name, members in CLUSTERS.items() for member in members]


def url(stem: str) -> str:
    """articles/2024/x.md is published at x.html."""
    return f"{stem.rsplit('/', 1)[-1]}.html"


def article(site: Site, stem: str):
    (found,) = [a for a in site.context["articles"] if a.url == url(stem)]
    return found


def clear_signals() -> None:
    """What conftest's autouse fixture does, for a build shared by a module."""
    for signal in vars(signals).values():
        if isinstance(signal, blinker.Signal):
            signal._clear_state()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    clear_signals()
    root = tmp_path_factory.mktemp("related")
    shutil.copytree(FIXTURE, root / "content")
    return plugin_build("related", root / "content", root / "output", **SETTINGS)


def related_links(site: Site, stem: str) -> list[str]:
    return [other.url for other in article(site, stem).related_articles]


# ---------- Tin liên quan ----------


@pytest.mark.parametrize(("cluster", "member"), MEMBERS)
def test_cluster_members_come_first(site, cluster, member):
    others = {url(stem) for stem in CLUSTERS[cluster] if stem != member}
    links = related_links(site, member)
    assert set(links[: len(others)]) == others, cluster
    assert url(member) not in links
    assert len(links) <= 5


def test_fallback_is_the_newest_of_the_category(site):
    # "Thư ngỏ gửi bạn đọc" shares no words, tags or subject with anything.
    assert related_links(site, "2020/thu-ngo-gui-ban-doc") == [
        url("2024/thong-bao-hoi-thao-kinh-te-bien-xanh"),
        url("2022/tuyen-dung-vien-chuc-nam-2022"),
    ]


def test_related_overrides_come_first_in_their_order(site):
    links = related_links(site, "2025/tong-ket-cong-tac-nam-2024")
    assert links[:2] == [
        url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"),
        url("2021/giao-thuc-hien-de-tai-lua-chiu-man-quang-yen"),
    ]
    assert len(links) == len(set(links)) <= 5


def test_every_article_lists_existing_articles(site):
    for one in site.context["articles"]:
        pager = (one.previous_article, one.next_article)
        for other in [*one.related_articles, *one.other_news, *filter(None, pager)]:
            assert site.exists(other.save_as), (one.url, other.url)


# ---------- Các tin khác ----------


def test_other_news_are_the_next_older_of_the_category(site):
    newest = article(site, "2025/ngay-hoi-khoi-nghiep-doi-moi-sang-tao")
    assert [other.url for other in newest.other_news] == [
        url("2025/tong-ket-cong-tac-nam-2024"),
        url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"),
        url("2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh"),
        url("2023/mien-dong-binh-lieu-dat-5-sao-ocop"),
        url("2023/hoi-cho-ocop-quang-ninh-2023"),
        url("2022/kiem-tra-tien-do-de-tai-lua-chiu-man"),
    ]  # OTHER_NEWS_COUNT = 6
    oldest = article(site, "2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu")
    assert oldest.other_news == []


# ---------- previous / next ----------


def pager_links(site: Site, stem: str) -> dict[str, str]:
    one = article(site, stem)
    pager = {"prev": one.previous_article, "next": one.next_article}
    return {rel: other.url for rel, other in pager.items() if other}


def test_previous_and_next_by_date_over_the_whole_site(site):
    assert pager_links(site, "2024/khai-mac-hoi-thao-kinh-te-bien-xanh") == {
        "prev": url("2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh"),
        "next": url("2024/hoi-thao-chuyen-doi-so-doanh-nghiep"),
    }
    assert pager_links(site, "2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu") == {
        "next": url("2020/thu-ngo-gui-ban-doc")
    }
    assert pager_links(site, "2025/ngay-hoi-khoi-nghiep-doi-moi-sang-tao") == {
        "prev": url("2025/tong-ket-cong-tac-nam-2024")
    }


def test_previous_and_next_within_the_category(plugin_site):
    files = {
        "articles/a.md": "Title: A\nDate: 2024-01-01\nCategory: Thông báo\n\nA.\n",
        "articles/b.md": "Title: B\nDate: 2024-01-02\nCategory: Tin hoạt động\n\nB.\n",
        "articles/c.md": "Title: C\nDate: 2024-01-03\nCategory: Thông báo\n\nC.\n",
    }
    site = plugin_site("related", files, PREVIOUS_NEXT_SCOPE="category", **SETTINGS)
    assert pager_links(site, "c") == {"prev": "a.html"}
    assert pager_links(site, "b") == {}


# ---------- broken Related: ----------

BROKEN = {
    "articles/2024/dich.md": """
        Title: Bài có tham chiếu hỏng
        Date: 2024-03-01 09:00
        Category: Tin hoạt động
        Tags: thử
        Related: articles/2024/khong-co.md, articles/2024/dung.md,
            pages/gioi-thieu.md, articles/2024/nhap.md, articles/2024/dich.md

        Nội dung.
        """,
    "articles/2024/dung.md": """
        Title: Bài đúng
        Date: 2024-03-02 09:00
        Category: Thông báo

        Nội dung khác hẳn.
        """,
    "articles/2024/nhap.md": """
        Title: Bản nháp
        Date: 2024-03-03 09:00
        Category: Thông báo
        Status: draft

        Chưa đăng.
        """,
    "articles/2024/khong.md": """
        Title: Bài gần giống tên
        Date: 2024-03-04 09:00
        Category: Thông báo

        Nội dung.
        """,
    "pages/gioi-thieu.md": "Title: Giới thiệu\n\nTrang.\n",
}


def test_broken_related_is_an_error_naming_file_and_line(plugin_site, caplog):
    with caplog.at_level(logging.WARNING, logger="related"):
        site = plugin_site("related", BROKEN, **SETTINGS)
    ours = [r for r in caplog.records if r.name.startswith("related")]
    errors = [r.getMessage() for r in ours if r.levelno == logging.ERROR]
    warnings = [r.getMessage() for r in ours if r.levelno == logging.WARNING]
    where = "articles/2024/dich.md:5: Related: "
    assert len(errors) == 2, errors
    missing, page = errors
    assert where in missing and '"articles/2024/khong-co.md"' in missing
    assert "có phải articles/2024/khong.md?" in missing
    assert "ghi đường dẫn tệp tính từ thư mục content" in missing
    assert where in page and "là trang tĩnh, không phải bài viết" in page
    assert any(where in w and "chưa được đăng" in w for w in warnings)
    assert any(where in w and "chính nó" in w for w in warnings)
    # The good reference is still shown, first.
    assert related_links(site, "dich")[0] == "dung.html"


def test_broken_related_in_a_draft_is_reported_too(plugin_site, caplog):
    files = {
        "articles/a.md": "Title: A\nDate: 2024-01-01\nCategory: Thông báo\n\nA.\n",
        "articles/b.md": (
            "Title: B\nDate: 2024-01-02\nCategory: Thông báo\nStatus: draft\n"
            "Related: articles/x.md\n\nB.\n"
        ),
    }
    with caplog.at_level(logging.ERROR, logger="related"):
        plugin_site("related", files, **SETTINGS)
    assert any("articles/b.md:5: Related:" in m for m in caplog.messages)

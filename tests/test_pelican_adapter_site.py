"""Pages whose recorded inputs did not change are not rendered again, and a
page is never reused when anything it reads may have changed.
(tests/test_incremental.py compares rebuilds with clean builds after every
kind of change, preview and publish.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import PROJECT, pelican_alone, write_files
from pelican_adapter.tests.test_reading import ARTICLES as READ_AHEAD
from pelican_adapter.tests.test_reading import FILES, PAGES, reading_of

ARTICLES = {
    f"articles/2024/tin-{number:02d}.md": f"""
        Title: Họp giao ban tuần {number}
        Date: {number + 1:02d}/03/2024 08:00
        Category: Tin hoạt động
        Tags: giao ban, tuần {number}
        Author: Trương Thế Bình - Văn phòng

        Sở Khoa học và Công nghệ họp giao ban tuần {number}, bàn về đầu tư.
        """
    for number in range(12)
}
SETTINGS = {"LINKED_WEBSITES_FILE": "", "BUILD_PARALLEL_FROM": 1, "BUILD_PROCESSES": 2}
EPOCH = 1709514000  # 04/03/2024 08:00 in Vietnam
RENDERED = re.compile(r"Dựng ([\d.]+) trang từ mẫu")
REUSED = re.compile(r"dùng lại ([\d.]+) trang không đổi")


def number(pattern, printed: str) -> int:
    found = pattern.search(printed)
    return int(found.group(1).replace(".", "")) if found else 0


def build(tmp_path, seed: str = "0", day: float = 0, **settings) -> str:
    """``day``: the build runs that many days after 04/03/2024 08:00 (UTC+7)."""
    epoch = str(int(EPOCH + day * 86400))
    return pelican_alone(
        tmp_path / "content",
        tmp_path / "output",
        {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache"), **settings},
        env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": epoch},
    )


def test_a_build_later_the_same_day_reuses_every_page(tmp_path):
    """Pages show the day of the build (the date line's fallback, the work
    calendar's box), never its time: a build later that day renders nothing
    again. The first build of a day renders every page: a nightly publish
    (docs/deploy.md) takes that cost before the office starts."""
    write_files(tmp_path / "content", ARTICLES)
    pages = number(RENDERED, build(tmp_path, day=0))
    later = build(tmp_path, day=0.4)
    assert (number(RENDERED, later), number(REUSED, later)) == (0, pages)
    next_day = build(tmp_path, day=1)
    assert number(RENDERED, next_day) == pages


def test_a_body_edit_renders_the_pages_that_show_it_not_every_page(tmp_path):
    """The body of an article with a written Summary is shown on its own page
    only; the edit changes related lists, which only each article's own page
    shows. The archive pages of its dates render too: their month calendars
    come from a method of the period holding it, and what a method reads is
    counted whole (Recorder: WHOLE_DEPTH). Listings keep their pages."""
    own = "articles/2024/thu-nghiem.md"
    lines = [
        "Title: Thử nghiệm giống lúa chịu mặn",
        "Date: 20/03/2024 08:00",
        "Category: Tin hoạt động",
        "Summary: Kết quả thử nghiệm giống lúa.",
        "",
        "Giống lúa chịu mặn cho năng suất cao.",
    ]
    write_files(tmp_path / "content", {**ARTICLES, own: "\n".join(lines) + "\n"})
    pages = number(RENDERED, build(tmp_path))
    listings = [
        "index.html",
        "chuyen-muc/tin-hoat-dong/index.html",
        "the/tuan-3/index.html",
    ]
    before = {name: (tmp_path / "output" / name).stat().st_ino for name in listings}
    edited = tmp_path / "content" / own
    with edited.open("a", encoding="utf-8") as file:
        file.write("\nSở Khoa học và Công nghệ họp giao ban tuần 3, bàn về đầu tư.\n")
    printed = build(tmp_path)
    rendered = number(RENDERED, printed)
    archives = len(list((tmp_path / "output/luu-tru").rglob("*.html")))
    assert 1 <= rendered < pages / 10 + archives, printed
    assert number(REUSED, printed) == pages - rendered
    after = {name: (tmp_path / "output" / name).stat().st_ino for name in listings}
    assert after == before
    clean = pelican_alone(
        tmp_path / "content",
        tmp_path / "clean",
        {**SETTINGS, "CACHE_PATH": str(tmp_path / "clean-cache")},
        env={"SOURCE_DATE_EPOCH": str(EPOCH)},
    )
    assert number(RENDERED, clean) == pages
    for page in (tmp_path / "clean").rglob("*.html"):
        served = tmp_path / "output" / page.relative_to(tmp_path / "clean")
        assert served.read_bytes() == page.read_bytes(), served


def test_a_publish_build_reuses_pages_and_leaves_the_published_ones_alone(tmp_path):
    write_files(tmp_path / "content", ARTICLES)
    publish = {
        "SAFE_PUBLISH": True,
        "CONTENT_PROBLEMS_SAVE_AS": "",
        "PRECOMPRESS": True,
    }
    first = build(tmp_path, **publish)
    pages = number(RENDERED, first)
    page = tmp_path / "output/tin-tuc/2024/tin-03/index.html"
    before = (page.stat().st_ino, page.read_bytes())
    second = build(tmp_path, **publish)
    assert (number(RENDERED, second), number(REUSED, second)) == (0, pages)
    assert (page.stat().st_ino, page.read_bytes()) == before
    assert page.with_name("index.html.gz").is_file()
    # A template edit that changes no page: every page renders, the served
    # copies with the same bytes stay, and the next build reuses them all.
    theme = tmp_path / "theme"
    shutil.copytree(PROJECT / "theme", theme)
    base = theme / "templates/base.html"
    base.write_text("{# một ghi chú #}" + base.read_text("utf-8"), "utf-8")
    edited = build(tmp_path, THEME=str(theme), **publish)
    assert number(RENDERED, edited) == pages
    assert page.stat().st_ino == before[0]
    again = build(tmp_path, THEME=str(theme), **publish)
    assert (number(RENDERED, again), number(REUSED, again)) == (0, pages)


def test_a_template_that_starts_showing_a_field_is_noticed(tmp_path):
    """Listings show nothing of an article's related list; a theme whose
    listings show the first related title renders them again when that
    title changes, with no list of fields to keep up to date."""
    theme = tmp_path / "theme"
    shutil.copytree(PROJECT / "theme", theme)
    component = theme / "templates/components/article_list.html"
    component.write_text(
        component.read_text("utf-8").replace(
            '<div class="teaser__lead">',
            "{% for other in article.related_articles[:1] %}"
            '<p class="teaser__related">{{ other.title }}</p>{% endfor %}'
            '<div class="teaser__lead">',
        ),
        "utf-8",
    )
    write_files(tmp_path / "content", ARTICLES)
    build(tmp_path, THEME=str(theme))
    tag_page = tmp_path / "output/the/tuan-5/index.html"
    [related] = [p.get_text() for p in soup(tag_page).select(".teaser__related")]
    number = related.rsplit(" ", 1)[1]
    renamed = tmp_path / "content" / f"articles/2024/tin-{int(number):02d}.md"
    renamed.write_text(
        renamed.read_text("utf-8").replace(related, f"{related} (đã sửa)"), "utf-8"
    )
    build(tmp_path, THEME=str(theme))
    now = [p.get_text() for p in soup(tag_page).select(".teaser__related")]
    assert now == [f"{related} (đã sửa)"]
    pelican_alone(
        tmp_path / "content", tmp_path / "clean",
        {**SETTINGS, "THEME": str(theme), "CACHE_PATH": str(tmp_path / "c2")},
        env={"SOURCE_DATE_EPOCH": str(EPOCH)},
    )  # fmt: skip
    assert (
        tag_page.read_bytes() == (tmp_path / "clean/the/tuan-5/index.html").read_bytes()
    )


def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_the_theme_shows_the_build_day_never_its_time():
    """The memo counts BUILD_TIME by its day (Recorder.name_digest): a page
    showing the time of the build would otherwise keep an old time."""
    uses = []
    for template in Path(PROJECT / "theme/templates").rglob("*.html"):
        uses += re.findall(r"BUILD_TIME[^}]*", template.read_text(encoding="utf-8"))
    assert uses
    for use in uses:
        assert re.fullmatch(r"BUILD_TIME\|vn_date\('(iso_date|weekday|date)'\) ", use)


def test_the_project_sidebar_is_the_same_on_every_kind_of_page(project_site):
    pages = ["", "chuyen-muc/tin-hoat-dong/", "luu-tru/", "lich-cong-tac/"]
    article = next(project_site.output.glob("tin-tuc/*/*/index.html"))
    pages.append(article.relative_to(project_site.output).as_posix())
    sidebars = {
        str(project_site.soup(url).find("aside", class_="sidebar")) for url in pages
    }
    assert len(sidebars) == 1
    (sidebar,) = sidebars
    assert "Tin nóng" in sidebar and "Website liên kết" in sidebar


def test_a_file_with_an_error_is_reported_by_the_build_itself(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**READ_AHEAD, **PAGES})
    write_files(
        content,
        {
            "articles/2024/sai-ngay.md": """
                Title: Tin sai ngày
                Date: 31/02/2024
                Category: Tin hoạt động

                Nội dung.
                """
        },
    )
    printed = pelican_alone(
        content,
        tmp_path / "out",
        {**SETTINGS, "CACHE_PATH": str(tmp_path / "c")},
        env={"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "250"},
    )
    # The workers leave the bad file to the build, whose check reports it.
    assert reading_of(printed) == (0, FILES)
    assert printed.count('sai-ngay.md:2: lỗi: Date: Ngày "31/02/2024"') == 1

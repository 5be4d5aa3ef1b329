"""An incremental build (the same output folder and build cache, after a
change) writes byte for byte what a clean build of the same content writes:
across edits, renames, deletions, category, tag and title changes, hot and
featured flags, work-calendar weeks, template edits and setting changes; for
the preview (pelicanconf.py) and for publishing (publishconf.py: absolute
addresses, hashed assets, gzip and brotli copies)."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT, pelican_alone, write_files

# Reproducible: the build time shown on every page comes from here.
ENV = {"SOURCE_DATE_EPOCH": "1735689600", "PYTHONHASHSEED": "0"}
REUSED = re.compile(r"dùng lại ([\d.]+) trang không đổi")


def article(title: str, day: int, category: str, extra: str = "") -> str:
    return (
        f"Title: {title}\nDate: {day:02d}/03/2024 08:00\nCategory: {category}\n"
        f"Tags: giao ban, đầu tư\nAuthor: Trương Thế Bình - Văn phòng\n{extra}\n"
        f"Sở Khoa học và Công nghệ: {title.lower()}, bàn về đầu tư và đổi mới. "
        # Longer than a summary (50 words), so a paragraph added at the end
        # changes no listing.
        + "Các đơn vị báo cáo kết quả thực hiện nhiệm vụ khoa học và công nghệ. " * 6
        + "\n"
    )


ARTICLES = {
    "articles/2024/giao-ban.md": article("Họp giao ban tháng Ba", 1, "Tin hoạt động"),
    "articles/2024/de-tai.md": article("Nghiệm thu đề tài", 2, "Đề tài - dự án"),
    "articles/2024/thong-bao.md": article("Thông báo tuyển dụng", 3, "Thông báo"),
    "articles/2024/chuyen-doi-so.md": article("Chuyển đổi số", 4, "Chuyển đổi số"),
    "articles/2024/do-luong.md": article(
        "Kiểm định đo lường", 5, "Tiêu chuẩn - Đo lường - Chất lượng"
    ),
    "articles/2024/so-huu-tri-tue.md": article("Sở hữu trí tuệ", 6, "Sở hữu trí tuệ"),
}
PAGES = {"pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở Khoa học và Công nghệ.\n"}
WEEK = "schedule/2024/2024-W10.md"
SCHEDULE = {
    WEEK: (
        "# Lịch công tác tuần 10 năm 2024\n\n## Thứ Hai, 04/03/2024\n"
        "- Sáng 8h00: Giao ban Lãnh đạo Sở đầu tuần\n"
        "  - Chủ trì: Giám đốc Sở\n  - Địa điểm: Phòng họp tầng 5\n"
    )
}


def differences(left: Path, right: Path) -> list[str]:
    found, stack = [], [filecmp.dircmp(left, right)]
    while stack:
        node = stack.pop()
        found += [f"only in incremental: {node.left}/{n}" for n in node.left_only]
        found += [f"only in clean: {node.right}/{n}" for n in node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        found += [f"differs: {node.left}/{n}" for n in mismatch + errors]
        stack += node.subdirs.values()
    return found


class Sites:
    """One content folder, built again and again into the same output (the
    incremental build) and each time afresh into a new folder (clean)."""

    def __init__(self, root: Path, settings_file: str):
        self.root = root
        self.settings_file = settings_file
        self.content = root / "content"
        self.theme = root / "theme"
        shutil.copytree(PROJECT / "theme", self.theme)
        write_files(self.content, {**ARTICLES, **PAGES, **SCHEDULE})
        self.settings = {
            "LINKED_WEBSITES_FILE": "",
            "THEME": str(self.theme),
            # Small site, but read and written by two worker processes.
            "BUILD_PARALLEL_FROM": 1,
            "BUILD_PROCESSES": 2,
        }
        self.builds = 0

    def build(self, output: Path, cache: Path) -> str:
        settings = {**self.settings, "CACHE_PATH": str(cache)}
        return pelican_alone(
            self.content, output, settings, ENV, settings_file=self.settings_file
        )

    def assert_incremental_is_clean(self) -> int:
        """Returns how many pages the incremental build did not render again."""
        self.builds += 1
        incremental = self.root / "incremental"
        printed = self.build(incremental, self.root / "incremental-cache")
        clean = self.root / f"clean-{self.builds}"
        self.build(clean, self.root / f"clean-cache-{self.builds}")
        assert differences(incremental, clean) == []
        shutil.rmtree(clean)
        reused = REUSED.search(printed)
        return int(reused.group(1).replace(".", "")) if reused else 0

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module", params=["pelicanconf.py", "publishconf.py"])
def sites(request, tmp_path_factory) -> Sites:
    sites = Sites(tmp_path_factory.mktemp("incremental"), request.param)
    sites.assert_incremental_is_clean()  # the first build fills output and cache
    return sites


CHANGES = {
    "an edited article": lambda s: s.edit(
        "articles/2024/giao-ban.md", "bàn về đầu tư", "bàn về đầu tư công nghệ cao"
    ),
    "a paragraph added at the end": lambda s: s.edit(
        "articles/2024/giao-ban.md",
        "công nghệ. \n",
        "công nghệ.\n\nĐoạn cuối mới thêm.\n",
    ),
    "an edited title": lambda s: s.edit(
        "articles/2024/de-tai.md", "Title: Nghiệm thu đề tài", "Title: Nghiệm thu dự án"
    ),
    "edited tags": lambda s: s.edit(
        "articles/2024/giao-ban.md", "Tags: giao ban, đầu tư", "Tags: giao ban, họp"
    ),
    "a work-calendar week": lambda s: s.edit(
        WEEK, "Phòng họp tầng 5", "Hội trường tầng 2"
    ),
    "a new article": lambda s: write_files(
        s.content,
        {"articles/2024/moi.md": article("Hội thảo khoa học", 7, "Tin hoạt động")},
    ),
    "an edited page": lambda s: s.edit(
        "pages/gioi-thieu.md", "Sở Khoa học", "Giới thiệu Sở Khoa học"
    ),
    "a renamed article": lambda s: (s.content / "articles/2024/de-tai.md").rename(
        s.content / "articles/2024/nghiem-thu-de-tai.md"
    ),
    "a deleted article": lambda s: (s.content / "articles/2024/thong-bao.md").unlink(),
    "a category change": lambda s: s.edit(
        "articles/2024/chuyen-doi-so.md", "Chuyển đổi số\nTags", "Thông báo\nTags"
    ),
    "a hot article": lambda s: s.edit(
        "articles/2024/do-luong.md", "Tags:", "Hot: yes\nTags:"
    ),
    "a featured article": lambda s: s.edit(
        "articles/2024/so-huu-tri-tue.md", "Tags:", "Featured: yes\nTags:"
    ),
    "a template edit": lambda s: (s.theme / "templates/article.html").write_text(
        (s.theme / "templates/article.html")
        .read_text(encoding="utf-8")
        .replace("</article>", "<p>Mẫu trang đã sửa.</p></article>", 1),
        encoding="utf-8",
    ),
    "a setting change": lambda s: s.settings.update(RELATED_COUNT=2),
}


# In order: each change builds on the site the earlier ones left.
@pytest.mark.parametrize("change", list(CHANGES))
def test_incremental_build_equals_a_clean_build(sites, change):
    CHANGES[change](sites)
    reused = sites.assert_incremental_is_clean()
    if change == "a paragraph added at the end":
        # In no summary: the other articles' pages and the static pages are
        # reused (listings that show the article render again).
        assert reused >= 15
    if change in ("a template edit", "a setting change"):
        assert reused == 0

"""Legacy-font text: the tables against the standard, round trips over the
generated corpus, and no false alarm on any real text of the project."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vietnamese import convert_lines, legacy_lines, nfc
from vietnamese.legacy import TCVN3_TABLE

from .helpers import PLUGINS_DIR
from .legacy_fonts import to_tcvn3, to_vni

ROOT = PLUGINS_DIR.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

# Files that hold legacy text on purpose (tables, vectors, tests of them).
LEGACY_ON_PURPOSE = {
    "docs/editors.md",
    "plugins/content_check/legacy_font.py",
    "plugins/vietnamese/legacy.py",
    "plugins/vietnamese/vectors.json",
    "theme/static/js/vnlegacy.js",
}
TEXT_SUFFIXES = {".md", ".py", ".js", ".html", ".css", ".json", ".toml", ".sh", ".conf"}
SKIPPED_FOLDERS = {".venv", "node_modules", ".git", "output", "cache", "__pycache__"}


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc's iconv is missing")
def test_tcvn3_table_is_the_vn3_part_of_tcvn_5712():
    for code, letter in TCVN3_TABLE.items():
        decoded = subprocess.run(
            ["iconv", "-f", "TCVN5712-1:1993", "-t", "UTF-8"],
            input=code.encode("latin-1"),
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        assert decoded == letter, (hex(ord(code)), decoded, letter)
    # Every small letter with a tone and the seven letters with marks.
    assert len(TCVN3_TABLE) == 14 + 12 * 5


@pytest.fixture(scope="module")
def corpus_files() -> list[list[str]]:
    """The generated department news, as editors' Markdown files, in NFC."""
    articles = corpus.site_articles(150) + corpus.generate(250)
    return [nfc(article.markdown()).splitlines() for article in articles]


def test_generated_news_converts_back_from_both_fonts(corpus_files):
    for lines in corpus_files:
        assert convert_lines([to_vni(line) for line in lines]) == lines
        # TCVN3 has no capitals with tones ("Ủy" is stored as "ủy").
        tcvn3 = convert_lines([to_tcvn3(line) for line in lines])
        assert [line.lower() for line in tcvn3] == [line.lower() for line in lines]


def test_no_alarm_on_the_generated_news(corpus_files):
    flagged = [lines[0] for lines in corpus_files if legacy_lines(lines)]
    assert flagged == []


def project_text_files() -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if SKIPPED_FOLDERS & set(relative.parts) or path.suffix not in TEXT_SUFFIXES:
            continue
        if relative.as_posix() in LEGACY_ON_PURPOSE or "tests" in relative.parts:
            continue
        if path.is_file():
            found.append(path)
    return found


def test_no_alarm_on_any_file_of_the_project():
    """The sample content (Vietnamese and English pages, data, the schedule),
    the docs and the code: every text file the project has."""
    files = project_text_files()
    assert len([path for path in files if "content" in path.parts]) >= 60
    flagged = {}
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        if hits := legacy_lines(lines):
            flagged[str(path)] = [lines[index] for index, _ in hits]
    assert flagged == {}


def test_one_legacy_word_needs_a_legacy_line_beside_it():
    assert legacy_lines(["Tin tøc"]) == []
    assert legacy_lines(["Tin tøc", "Së Khoa häc vµ C«ng nghÖ"]) == [
        (0, "tcvn3"),
        (1, "tcvn3"),
    ]
    # A VNI line does not make a lone TCVN3-looking word legacy.
    assert legacy_lines(["Tin tøc", "Sôû Khoa hoïc vaø Coâng ngheä"]) == [(1, "vni")]


def test_conversion_keeps_header_keys_and_codes():
    lines = ["Title: Q§ sè 215/Q§-UBND vÒ KH&C¤NG NGHÖ", "", "NghÞ ®Þnh 42/N§-CP", "N§"]
    assert convert_lines(lines) == [
        "Title: QĐ số 215/QĐ-UBND về KH&CÔNG NGHỆ",
        "",
        "Nghị định 42/NĐ-CP",
        "N§",  # a code alone is no sign of a legacy font
    ]

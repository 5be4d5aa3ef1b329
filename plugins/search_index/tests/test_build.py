"""Real Pelican builds with the plugin and those it requires: the index files
(the search page and documents in the index: tests/test_search_site.py)."""

from __future__ import annotations

import gzip
import math
from dataclasses import replace
from datetime import date, datetime

import markdown
import pytest

from article_text import make_text
from build_runtime import BuildCache
from conftest import PROJECT, write_files
from search_index import Document, IndexOptions, build_index, builder
from search_index.index_format import read_keyed_file, read_varint

from .fixture_site import (
    ARTICLES,
    INDEX,
    build_site,
    data_folder,
    meta_of,
    records_of,
    url,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("search-build"))


def test_meta_describes_the_index(site):
    meta = meta_of(site)
    assert meta["version"] == builder.FORMAT_VERSION and meta["count"] == len(ARTICLES)
    assert len(meta["build"]) == 12
    assert meta["categories"][:3] == [
        ["tin-hoat-dong", "Tin hoạt động", 3],
        ["chi-dao-dieu-hanh", "Chỉ đạo điều hành", 3],
        ["khoa-hoc-va-cong-nghe", "Khoa học và công nghệ", 3],
    ]
    for shard in range(meta["shards"]):
        assert (data_folder(site) / "s" / f"{shard:x}.bin").exists()


def test_documents_are_numbered_newest_first(site):
    records = records_of(site)
    days = [record[2] for record in records]
    assert days == sorted(days, reverse=True)
    assert records[0][1] == url("ban-giao-thiet-bi")
    assert records[-1][1] == url("nuoi-trong-thuy-san")


def test_records_come_from_the_text_stage(site):
    by_url = {record[1]: record for record in records_of(site)}
    title, _, _, category, excerpt = by_url[url("canh-bao-lua-dao")]
    # The title is text: markup in it stays text, unescaped.
    assert title == 'Cảnh báo <script>alert("x")</script> & <b>lừa đảo</b> qua mạng'
    assert meta_of(site)["categories"][category][0] == "thong-bao"
    assert excerpt == "Người dân cần cảnh giác với các thủ đoạn lừa đảo qua mạng."
    lead = by_url[url("thu-hut-dau-tu")][4]
    assert lead == "Nguồn vốn đầu tư được phân bổ cho các dự án trọng điểm."


def test_data_files_are_named_by_their_content(site, tmp_path):
    """The folder name changes with any byte, so hosts may cache it forever."""
    names = {path.name for path in (site.output / INDEX).iterdir()}
    assert names == {"meta.bin", meta_of(site)["build"]}
    document = Document("tin-tuc/a/", 1, 0, make_text("A", "<p>Đầu tư</p>", "", {}))
    builds = []
    for name, day in (("first", 1), ("again", 1), ("changed", 2)):
        build_index([replace(document, day=day)], [("tin", "Tin")], tmp_path / name)
        builds.append({path.name for path in (tmp_path / name).iterdir()})
    assert builds[0] == builds[1] != builds[2]
    assert all(len(names) == 2 and "meta.bin" in names for names in builds)


def test_accented_forms_are_kept_for_the_exact_boost(site):
    forms = {}
    for path in [
        *data_folder(site).glob("f/*.bin"),
        *data_folder(site).glob("kf/*.bin"),
    ]:
        forms.update(read_keyed_file(gzip.decompress(path.read_bytes())))
    assert "hoà".encode() in forms["hoa"]  # both tone placements: one form
    assert "hòa".encode() not in forms["hoa"]
    assert "đông".encode() in forms["dong"] and "đồng".encode() in forms["dong"]


def test_the_same_content_gives_the_same_files(site, tmp_path):
    again = build_site(tmp_path)
    first = sorted(p.relative_to(site.output) for p in (site.output / INDEX).rglob("*"))
    second = sorted(
        p.relative_to(again.output) for p in (again.output / INDEX).rglob("*")
    )
    assert first == second
    for relative in first:
        path = site.output / relative
        if path.is_file():
            assert path.read_bytes() == (again.output / relative).read_bytes(), relative


def test_index_folder_setting(tmp_path):
    site = build_site(tmp_path, SEARCH_INDEX_PATH="du-lieu/tim-kiem")
    assert (site.output / "du-lieu/tim-kiem/meta.bin").exists()
    assert not (site.output / "tim-kiem").exists()


def test_site_without_articles(tmp_path):
    site = build_site(tmp_path, {"pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở.\n"})
    assert meta_of(site)["count"] == 0


def test_the_index_does_not_depend_on_the_theme(tmp_path):
    """The text comes from the text stage: a theme without the project's
    article markup (nor the minimal theme's) indexes the same words."""
    templates = tmp_path / "theme" / "templates"
    stub = "<html><body><h2>{{ article.title if article }}</h2></body></html>"
    names = [path.name for path in (PROJECT / "theme/templates").glob("*.html")]
    write_files(templates, dict.fromkeys(names, stub))
    site = build_site(
        tmp_path / "site",
        {"articles/2017/a.md": ARTICLES["gom-su-dong-trieu"]},
        THEME=str(tmp_path / "theme"),
        THEME_TEMPLATES_OVERRIDES=[],
        DIRECT_TEMPLATES=[],
        PAGINATED_TEMPLATES={},
    )
    [record] = records_of(site)
    assert record[0] == "Phát triển nhãn hiệu gốm sứ Đông Triều"
    assert "gốm" in record[4]


def fixture_documents() -> list[Document]:
    """The fixture's articles as the build hands them to the index, newest first."""
    documents = []
    for slug, source in ARTICLES.items():
        header, _, body = source.partition("\n\n")
        fields = dict(line.split(": ", 1) for line in header.splitlines())
        when = datetime.strptime(fields["Date"], "%Y-%m-%d %H:%M").date()
        lead = markdown.markdown(fields.get("Summary", ""))
        text = make_text(fields["Title"], markdown.markdown(body), lead, {})
        day = (when - date(1970, 1, 1)).days
        documents.append(Document(url(slug), day, 0, text, fields.get("Tags", "")))
    return sorted(documents, key=lambda document: (-document.day, document.url))


def test_several_processes_give_the_same_index(tmp_path):
    documents = fixture_documents()
    categories = [("tin", "Tin")]
    one = build_index(
        documents, categories, tmp_path / "one", IndexOptions(processes=1)
    )
    two = build_index(
        documents, categories, tmp_path / "two",
        IndexOptions(processes=2, run_documents=1),
    )  # fmt: skip
    assert one.keys == two.keys and one.bytes == two.bytes
    assert index_bytes(tmp_path / "one") == index_bytes(tmp_path / "two")


def index_bytes(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.bin")}


@pytest.fixture
def indexed(monkeypatch) -> list[int]:
    """The size of each run indexed (in this process: processes=1)."""
    sizes, original = [], builder.index_run

    def index_run(run):
        sizes.append(len(run))
        return original(run)

    monkeypatch.setattr(builder, "index_run", index_run)
    return sizes


def test_a_rebuild_indexes_again_only_the_month_that_changed(tmp_path, indexed):
    documents = fixture_documents()
    settings = {"CACHE_PATH": str(tmp_path / "cache")}

    def build(name, documents, cached=True):
        folder = tmp_path / name
        options = IndexOptions(run_documents=1, processes=1)  # a run a month
        cache = BuildCache(settings, "search-index") if cached else None
        build_index(documents, [("tin", "Tin")], folder, options, cache)
        if cache:
            cache.save()
        return index_bytes(folder)

    first = build("first", documents)
    months = len(indexed)
    assert months > 3
    indexed.clear()
    assert build("again", documents) == first
    assert indexed == []  # nothing indexed again

    text = documents[0].text
    edited = make_text(text.title, "<p>Kiểm định bơm xăng</p>", "", {})
    documents[0] = replace(documents[0], text=edited)
    after_edit = build("edited", documents)
    assert len(indexed) == 1  # the edited article's month
    assert after_edit == build("clean", documents, cached=False)
    assert after_edit != first


def test_worker_processes_give_what_one_process_gives(tmp_path):
    documents = fixture_documents()
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    options = IndexOptions(run_documents=1, processes=2)
    for name in ("first", "again"):
        cache = BuildCache(settings, "search-index")
        build_index(documents, [("tin", "Tin")], tmp_path / name, options, cache)
        cache.save()
    build_index(documents, [("tin", "Tin")], tmp_path / "alone", IndexOptions())
    alone = index_bytes(tmp_path / "alone")
    assert index_bytes(tmp_path / "first") == index_bytes(tmp_path / "again") == alone


def test_a_rebuild_on_two_cores_merges_cached_and_new_runs_in_order(tmp_path):
    documents = fixture_documents()
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    options = IndexOptions(run_documents=1, processes=2)
    cache = BuildCache(settings, "search-index")
    build_index(documents, [("tin", "Tin")], tmp_path / "first", options, cache)
    cache.save()
    edited = make_text("Kiểm định bơm xăng", "<p>Đo lường chất lượng</p>", "", {})
    documents[-1] = replace(documents[-1], text=edited)  # the oldest month
    cache = BuildCache(settings, "search-index")
    build_index(documents, [("tin", "Tin")], tmp_path / "again", options, cache)
    build_index(documents, [("tin", "Tin")], tmp_path / "clean", IndexOptions())
    assert index_bytes(tmp_path / "again") == index_bytes(tmp_path / "clean")


def test_shares_are_consecutive_and_about_equal_in_weight():
    assert builder.consecutive_shares([], 2) == []
    assert builder.consecutive_shares([5], 2) == [range(0, 1)]
    assert builder.consecutive_shares([1] * 4, 2) == [range(0, 2), range(2, 4)]
    assert builder.consecutive_shares([10, 1, 1, 10], 2) == [range(0, 2), range(2, 4)]
    assert builder.consecutive_shares([30, 1, 1, 1], 2) == [range(0, 1), range(1, 4)]
    shares = builder.consecutive_shares([3, 1, 4, 1, 5, 9, 2, 6], 3)
    assert len(shares) == 3 and [i for share in shares for i in share] == list(range(8))


def test_records_written_by_a_second_process_give_the_same_files(tmp_path, monkeypatch):
    documents = fixture_documents()
    monkeypatch.setattr(builder, "SHARE_FROM", 10**9)  # one process writes
    build_index(documents, [("tin", "Tin")], tmp_path / "one", IndexOptions())
    monkeypatch.setattr(builder, "SHARE_FROM", 1)  # records in a forked child
    summary = build_index(documents, [("tin", "Tin")], tmp_path / "two", IndexOptions())
    assert index_bytes(tmp_path / "two") == index_bytes(tmp_path / "one")
    assert summary.bytes == sum(
        p.stat().st_size for p in (tmp_path / "two").rglob("*.bin")
    )


def test_a_key_whose_postings_share_one_score_stores_no_level_bytes():
    documents = [
        Document(
            f"tin-tuc/{n}/", 10 - n, 0, make_text(title, "<p>Họp giao ban</p>", "", {})
        )
        for n, title in enumerate(["Đầu tư", "Đầu tư", "Đầu tư đầu tư đầu tư"])
    ]
    writer = builder.IndexWriter(
        builder.index_run(documents), [("tin", "Tin")], IndexOptions()
    )
    shared = writer.postings_payload("hop", writer.index.postings["hop"])
    _, tail = writer.postings_payload("dau", writer.index.postings["dau"])
    assert shared[1] == b"" and len(tail) == 3  # "dau": two scores, a byte each
    # One level of twice the top level's score: the top score, (L - 0.5) steps.
    item = writer.index.postings["hop"]
    idf = math.log(1 + (3 - 3 + 0.5) / 3.5)
    best = idf * writer.table[item[1][0]]
    levels = math.ceil(best / IndexOptions().precision)
    top = (levels - 0.5) * round(best / levels * 1000) / 1000
    count, at = read_varint(shared[0], 0)
    milli, at = read_varint(shared[0], at)
    assert (count, read_varint(shared[0], at)[0]) == (3, 1)
    assert 0.5 * milli / 1000 == pytest.approx(top, abs=1e-12)

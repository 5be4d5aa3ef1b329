"""Real Pelican builds: the index files, the search page and the errors."""

from __future__ import annotations

import gzip
import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import PROJECT
from search_index import Document, IndexOptions, build_index, builder
from search_index.index_format import read_keyed_file

from .fixture_site import ARTICLES, INDEX, build_site, url


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("search-build"))


def meta_of(site):
    return json.loads(gzip.decompress((site.output / INDEX / "meta.bin").read_bytes()))


def data_folder(site):
    return site.output / INDEX / meta_of(site)["build"]


def records_of(site):
    folder = data_folder(site) / "d"
    meta = meta_of(site)
    records = []
    for block in range(-(-meta["count"] // meta["docsPerFile"])):
        records += json.loads(gzip.decompress((folder / f"{block}.bin").read_bytes()))
    return records


def test_meta_describes_the_index(site):
    meta = meta_of(site)
    assert meta["version"] == 1 and meta["count"] == len(ARTICLES)
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


def test_records_come_from_the_rendered_page(site):
    by_url = {record[1]: record for record in records_of(site)}
    title, _, _, category, excerpt = by_url[url("canh-bao-lua-dao")]
    # The page shows the markup as text; the record keeps that text, unescaped.
    assert title == 'Cảnh báo <script>alert("x")</script> & <b>lừa đảo</b> qua mạng'
    assert meta_of(site)["categories"][category][0] == "thong-bao"
    assert excerpt == "Người dân cần cảnh giác với các thủ đoạn lừa đảo qua mạng."
    lead = by_url[url("thu-hut-dau-tu")][4]
    assert lead == "Nguồn vốn đầu tư được phân bổ cho các dự án trọng điểm."


def test_data_files_are_named_by_their_content(site, tmp_path):
    """The folder name changes with any byte, so hosts may cache it forever."""
    names = {path.name for path in (site.output / INDEX).iterdir()}
    assert names == {"meta.bin", meta_of(site)["build"]}
    page = str(site.output / url("thu-hut-dau-tu") / "index.html")
    document = Document("tin-tuc/a/", page, 1, 0, "A")
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


def test_search_page_form_and_scripts(site):
    soup = site.soup("tim-kiem/")
    scripts = [s.get("src") for s in soup.head.find_all("script")]
    assert "/theme/js/vntext.js" in scripts and "/theme/js/search.js" in scripts
    assert scripts.index("/theme/js/vntext.js") < scripts.index("/theme/js/search.js")
    assert all(s.has_attr("defer") and s.get("src") for s in soup.find_all("script"))
    assert not soup.find_all(style=True) and not soup.find_all("style")
    root = soup.find(attrs={"data-search": True})
    assert root["data-search-index"] == "/tim-kiem/chi-muc/"
    form = root.find("form", attrs={"data-search-form": True})
    assert form["action"] == "/tim-kiem/" and form["method"] == "get"
    names = {field.get("name") for field in form.find_all(["input", "select"])}
    assert names == {"q", "chuyen-muc", "tu-ngay", "den-ngay", "sap-xep"}
    for field in form.find_all(["input", "select"]):
        if field.get("type") != "checkbox":
            assert form.find("label", attrs={"for": field["id"]}), field["id"]
    boxes = form.find_all("input", attrs={"name": "chuyen-muc"})
    assert {box["value"] for box in boxes} >= {"tin-hoat-dong", "thong-bao"}
    assert root.find(attrs={"aria-live": "polite"})


def test_search_page_without_javascript_offers_archives(site):
    soup = site.soup("tim-kiem/")
    assert "cần JavaScript" in soup.find(attrs={"data-search-nojs": True}).text
    browse = soup.find(attrs={"data-search-browse": True})
    links = [a["href"] for a in browse.find_all("a")]
    assert "/chuyen-muc/thong-bao/" in links
    assert any(link.startswith("/luu-tru/2021/") for link in links)


def test_the_sidebar_box_sends_what_the_page_reads(site):
    box = site.soup("").find("form", class_="search-box__form")
    assert box["action"] == "/tim-kiem/"
    names = {field.get("name") for field in box.find_all(["input", "select"])}
    assert names <= {"q", "chuyen-muc", "tu-ngay", "den-ngay", "sap-xep", "trang"}


def test_index_folder_setting(tmp_path):
    site = build_site(tmp_path, SEARCH_INDEX_PATH="du-lieu/tim-kiem")
    assert (site.output / "du-lieu/tim-kiem/meta.bin").exists()
    root = site.soup("tim-kiem/").find(attrs={"data-search": True})
    assert root["data-search-index"] == "/du-lieu/tim-kiem/"


def test_site_without_articles(tmp_path):
    site = build_site(tmp_path, {"pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở.\n"})
    assert meta_of(site)["count"] == 0


def test_a_page_without_the_title_element_is_an_error(tmp_path, caplog):
    theme = tmp_path / "theme"
    shutil.copytree(PROJECT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(
        article.read_text("utf-8").replace("article__title", "article__heading"),
        "utf-8",
    )
    with caplog.at_level(logging.ERROR):
        site = build_site(
            tmp_path,
            {"articles/2017/a.md": ARTICLES["gom-su-dong-trieu"]},
            THEME=str(theme),
        )
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("a.md:1:" in e and ".article__title" in e for e in errors), errors
    # The article is still indexed, with its metadata title.
    assert records_of(site)[0][0] == "Phát triển nhãn hiệu gốm sứ Đông Triều"


def test_an_unreadable_page_is_reported_not_dropped_silently(tmp_path):
    documents = [
        Document("tin-tuc/a/", str(tmp_path / "missing.html"), 1, 0, "A", source="a.md")
    ]
    summary = build_index(
        documents, [("tin", "Tin")], tmp_path / "index", IndexOptions()
    )
    assert summary.unreadable == ["a.md"] and summary.documents == 0
    meta = gzip.decompress((tmp_path / "index" / "meta.bin").read_bytes())
    assert json.loads(meta)["count"] == 0


def test_an_index_built_in_a_fresh_process_is_the_same(site, tmp_path):
    again = build_site(tmp_path, SEARCH_INDEX_FRESH_PROCESS_FROM=0)
    assert index_bytes(again.output / INDEX) == index_bytes(site.output / INDEX)
    assert index_bytes(site.output / INDEX)


def test_several_processes_give_the_same_index(site, tmp_path):
    records = records_of(site)
    documents = [
        Document(
            url=record[1],
            html_path=str(site.output / record[1] / "index.html"),
            day=record[2],
            category=record[3],
            title=record[0],
        )
        for record in records
    ]
    categories = [(slug, name) for slug, name, _ in meta_of(site)["categories"]]
    one = build_index(
        documents, categories, tmp_path / "one", IndexOptions(processes=1)
    )
    two = build_index(
        documents, categories, tmp_path / "two", IndexOptions(processes=2)
    )
    assert one.keys == two.keys and one.bytes == two.bytes
    for path in (tmp_path / "one").rglob("*.bin"):
        assert (
            path.read_bytes()
            == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
        )


def documents_of(site, folder) -> list[Document]:
    """The site's documents, with pages copied to ``folder`` to be edited."""
    documents = []
    for record in records_of(site):
        page = folder / record[1] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site.output / record[1] / "index.html", page)
        documents.append(
            Document(record[1], str(page), record[2], record[3], record[0])
        )
    return documents


def index_bytes(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.bin")}


@pytest.fixture
def indexed(monkeypatch) -> list[int]:
    """The size of each run indexed (a small site is indexed in this process)."""
    sizes, original = [], builder.index_run

    def index_run(run):
        sizes.append(len(run))
        return original(run)

    monkeypatch.setattr(builder, "index_run", index_run)
    return sizes


def test_a_rebuild_indexes_again_only_the_month_that_changed(site, tmp_path, indexed):
    documents = documents_of(site, tmp_path / "pages")
    categories = [(slug, name) for slug, name, _ in meta_of(site)["categories"]]
    cache = tmp_path / "cache"

    def build(name, cached=True):
        folder = tmp_path / name
        options = IndexOptions(run_documents=1)  # a run for each month
        build_index(documents, categories, folder, options, cached and cache)
        return index_bytes(folder)

    first = build("first")
    months = sorted(cache.glob("*.pickle"))
    assert len(months) > 3 and len(indexed) == len(months)
    indexed.clear()
    assert build("again") == first
    assert indexed == []  # nothing indexed again

    edited = documents[0]
    page = Path(edited.html_path)
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            'class="article__body">', 'class="article__body"><p>Kiểm định bơm xăng</p>'
        ),
        encoding="utf-8",
    )
    after_edit = build("edited")
    assert len(indexed) == 1  # the edited article's month
    assert after_edit == build("clean", cached=False)
    assert after_edit != first
    added = set(cache.glob("*.pickle")) - set(months)
    assert len(added) == 1  # the edited article's month


def test_a_damaged_cached_month_is_indexed_again(site, tmp_path, indexed):
    documents = documents_of(site, tmp_path / "pages")
    categories = [(slug, name) for slug, name, _ in meta_of(site)["categories"]]
    options, cache = IndexOptions(run_documents=1), tmp_path / "cache"
    build_index(documents, categories, tmp_path / "first", options, cache)
    damaged = sorted(cache.glob("*.pickle"))[1]
    damaged.write_bytes(b"not a pickle")
    indexed.clear()
    build_index(documents, categories, tmp_path / "again", options, cache)
    assert len(indexed) == 1
    assert index_bytes(tmp_path / "again") == index_bytes(tmp_path / "first")
    assert damaged.read_bytes() != b"not a pickle"  # kept again, sound


def test_worker_processes_keep_and_reuse_the_cached_months(site, tmp_path):
    documents = documents_of(site, tmp_path / "pages")
    categories = [(slug, name) for slug, name, _ in meta_of(site)["categories"]]
    cache = tmp_path / "cache"
    options = IndexOptions(run_documents=1, processes=2)
    build_index(documents, categories, tmp_path / "first", options, cache)
    kept = {path: path.stat().st_mtime_ns for path in cache.glob("*.pickle")}
    assert len(kept) > 3  # one per month, saved by the workers
    build_index(documents, categories, tmp_path / "again", options, cache)
    assert {path: path.stat().st_mtime_ns for path in cache.glob("*.pickle")} == kept
    build_index(documents, categories, tmp_path / "alone", IndexOptions(processes=1))
    alone = index_bytes(tmp_path / "alone")
    assert index_bytes(tmp_path / "first") == index_bytes(tmp_path / "again") == alone


def test_a_month_with_an_unreadable_page_is_never_kept(tmp_path):
    documents = [
        Document("tin-tuc/a/", str(tmp_path / "missing.html"), 1, 0, "A", source="a.md")
    ]
    for attempt in range(2):
        summary = build_index(
            documents, [("tin", "Tin")], tmp_path / f"index{attempt}",
            cache_folder=tmp_path / "cache",
        )  # fmt: skip
        assert summary.unreadable == ["a.md"]
    assert list((tmp_path / "cache").glob("*.pickle")) == []

"""The search page of the project's theme over the search fixture site, and
documents (Văn bản) in the index with official_documents: their records, kinds
and numbers, and the client's answers (plugins/search_index/tests builds the
index with the plugin and those it requires)."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from search_site import build_site

from search_index import builder
from search_index.index_format import (
    postings_tail_size,
    read_gaps,
    read_keyed_file,
    read_varint,
)
from search_index.terms import identifier_key
from search_index.tests.fixture_site import (
    ARTICLES,
    DOCUMENT_FILES,
    DOCUMENTS,
    FILES,
    NODE,
    NUMBER_ARTICLE,
    data_folder,
    document_url,
    meta_of,
    query,
    records_of,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("search-site"))


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


@pytest.fixture(scope="module")
def documents_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-documents")
    return build_site(root, {**FILES, **DOCUMENT_FILES})


def id_file(site, path) -> list[int]:
    data = gzip.decompress((data_folder(site) / path).read_bytes())
    count, offset = read_varint(data, 0)
    return read_gaps(data, offset, count)[0]


def test_documents_are_indexed_with_their_kind_and_no_category(documents_site):
    meta = meta_of(documents_site)
    assert meta["version"] == builder.FORMAT_VERSION == 3
    news = len(ARTICLES) + 1
    assert meta["kinds"] == [["tin-bai", "Tin bài", news], ["van-ban", "Văn bản", 3]]
    records = records_of(documents_site)
    days = [record[2] for record in records]
    assert days == sorted(days, reverse=True)  # one numbering, newest first
    ids = {record[1]: i for i, record in enumerate(records)}
    title, _, day, category, excerpt, kind = records[ids[document_url("2024/qd-215")]]
    assert title == (
        "215/QĐ-UBND Công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ"
    )
    assert day == (date(2024, 1, 22) - date(1970, 1, 1)).days
    assert (category, kind) == (-1, 1)
    # Each field a sentence, then the body.
    assert excerpt.startswith(
        "Quyết định số 215/QĐ-UBND. Ủy ban nhân dân tỉnh Quảng Ninh. "
        "Hoàng Minh Đức - Chủ tịch. Cải cách hành chính. Công bố danh mục"
    )
    documents = sorted(ids[document_url(name)] for name in DOCUMENTS)
    assert id_file(documents_site, "t/1.bin") == documents
    assert set(id_file(documents_site, "t/0.bin")) == set(range(len(records))) - set(
        documents
    )
    assert all(len(records[i]) == 5 for i in id_file(documents_site, "t/0.bin"))
    for number in range(len(meta["categories"])):
        assert not set(id_file(documents_site, f"c/{number}.bin")) & set(documents)


def test_each_document_number_is_a_key_of_its_own(documents_site):
    keys = {}
    for path in data_folder(documents_site).glob("s/*.bin"):
        data = gzip.decompress(path.read_bytes())
        keys.update(read_keyed_file(data, postings_tail_size))
    assert identifier_key("215/QĐ-UBND") == "#215qdubnd"
    assert identifier_key("Số 5") == "#so5"
    assert identifier_key("215") == identifier_key("QĐ-UBND") == ""
    numbers = {key: read_varint(keys[key], 0)[0] for key in keys if key[0] == "#"}
    # 412/QĐ-SKHCN names 98/QĐ-SKHCN: only a document's own number is its key.
    assert numbers == {"#215qdubnd": 1, "#98qdskhcn": 1, "#412qdskhcn": 1}


def test_the_search_page_offers_news_or_documents(documents_site, site):
    soup = documents_site.soup("tim-kiem/")
    assert soup.h1.get_text(strip=True) == "Tìm kiếm"
    form = soup.find("form", attrs={"data-search-form": True})
    kinds = form.find("input", attrs={"name": "loai"}).find_parent("fieldset")
    assert kinds.legend.get_text(strip=True) == "Tìm trong"
    radios = kinds.find_all("input", attrs={"type": "radio", "name": "loai"})
    assert [(r["value"], r.parent.get_text(strip=True)) for r in radios] == [
        ("", "Tất cả"),
        ("tin-bai", "Tin bài"),
        ("van-ban", "Văn bản"),
    ]
    assert radios[0].has_attr("checked")
    assert [r.has_attr("data-search-no-categories") for r in radios] == [
        False,
        False,
        True,
    ]
    categories = form.find(attrs={"data-search-categories": True})
    hint = soup.find(id=categories["aria-describedby"])
    assert "Chỉ tin bài có chuyên mục" in hint.get_text()
    browse = soup.find(attrs={"data-search-browse": True})
    assert "/van-ban/" in [a["href"] for a in browse.find_all("a")]
    # A site without documents offers no choice.
    plain = site.soup("tim-kiem/")
    assert plain.h1.get_text(strip=True) == "Tìm kiếm"
    assert not plain.find("input", attrs={"name": "loai"})
    assert not plain.find(attrs={"data-search-categories": True}).has_attr(
        "aria-describedby"
    )


# ---------- the client (search.js in node) over documents ----------

needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


def urls_for(site, text, **request):
    return query(site, {"text": text, **request})[0]["urls"]


@needs_node
@pytest.mark.parametrize(
    "text", ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd", "215/qđ-ubnd"]
)
@pytest.mark.parametrize("typing", [False, True])
def test_a_document_number_finds_its_document_first(documents_site, text, typing):
    # The news article names the number three times in its body and once in
    # its title; by the words alone it would come first.
    found = query(documents_site, {"text": text, "typing": typing})[0]
    assert found["urls"][:2] == [
        document_url("2024/qd-215"),
        f"tin-tuc/2024/{NUMBER_ARTICLE}/",
    ]
    assert found["kinds"][:2] == ["van-ban", "tin-bai"]


@needs_node
def test_a_number_named_in_another_documents_title_finds_its_own_first(
    documents_site,
):
    # 412/QĐ-SKHCN amends 98/QĐ-SKHCN and names it in its title and body.
    for text in ("98/QĐ-SKHCN", "98 qd skhcn"):
        found = urls_for(documents_site, text)
        assert found == [document_url("2023/qd-98"), document_url("2025/qd-412")]


@needs_node
def test_a_number_among_other_words_is_searched_as_words(documents_site):
    # Not the number alone: both hold every word, ranked by BM25 as usual.
    found = urls_for(documents_site, "thủ tục 215/QĐ-UBND")
    assert set(found) == {
        f"tin-tuc/2024/{NUMBER_ARTICLE}/",
        document_url("2024/qd-215"),
    }


@needs_node
def test_the_kind_narrows_the_results(documents_site):
    every, documents, news = query(
        documents_site,
        {"text": "quyet dinh"},
        {"text": "quyet dinh", "kind": "van-ban"},
        {"text": "quyet dinh", "kind": "tin-bai"},
    )
    assert set(every["kinds"]) == {"tin-bai", "van-ban"}
    assert set(documents["urls"]) == {document_url(name) for name in DOCUMENTS}
    assert news["urls"] == [f"tin-tuc/2024/{NUMBER_ARTICLE}/"]
    assert set(every["urls"]) == set(documents["urls"]) | set(news["urls"])


@needs_node
def test_categories_leave_documents_out_and_do_not_apply_to_them(documents_site):
    chosen = {"text": "quyet dinh", "categories": ["chi-dao-dieu-hanh"]}
    assert query(documents_site, chosen)[0]["kinds"] == ["tin-bai"]
    # "Văn bản" with categories (an address typed by hand): documents, all.
    found = query(documents_site, {**chosen, "kind": "van-ban"})[0]
    assert set(found["urls"]) == {document_url(name) for name in DOCUMENTS}


@needs_node
def test_the_kind_alone_lists_newest_first(documents_site):
    found = query(documents_site, {"text": "", "kind": "van-ban"})[0]
    assert found["urls"] == [
        document_url("2025/qd-412"),
        document_url("2024/qd-215"),
        document_url("2023/qd-98"),
    ]
    assert found["sort"] == "moi-nhat"
    # A date range applies to documents by their issue date.
    dated = urls_for(documents_site, "", kind="van-ban", to="31/12/2024")
    assert dated == [document_url("2024/qd-215"), document_url("2023/qd-98")]

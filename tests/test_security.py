"""Autoescape, no inline scripts, nothing fetched from another host."""

from __future__ import annotations

import json
from urllib.parse import urlparse

from sanitizer.tests.test_sanitizer import PAYLOADS

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_metadata_is_text_not_html(make_site):
    site = make_site(
        {
            "articles/x.md": f"""
                Title: Tiêu đề {PAYLOAD}
                Date: 01/02/2020
                Category: Thông báo
                Tags: thẻ {PAYLOAD.replace(",", "")}

                Nội dung.
                """
        },
        LINKED_WEBSITES_FILE="",
    )
    for page_path in site.html_pages():
        page = page_path.read_text(encoding="utf-8")
        assert "<script>alert" not in page, page_path
        # The payload may appear only as escaped text: &lt;…&gt; in HTML, or
        # \u003c…\u003e inside the JSON-LD data block.
        for safe in ("onerror=alert(1)&gt;", "onerror=alert(1)\\u003e"):
            page = page.replace(safe, "")
        assert "onerror=alert" not in page, page_path
    article = next(site.output.glob("tin-tuc/2020/*/index.html"))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in article.read_text(
        "utf-8"
    )


def test_no_inline_scripts_or_handlers(project_site):
    for path in project_site.html_pages():
        soup = project_site.soup(str(path.relative_to(project_site.output)))
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # a data block, never run
                continue
            assert script.get("src") and not script.string, f"inline script in {path}"
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (path, tag.name, handlers)
            assert "style" not in tag.attrs, (path, tag.name)


def test_no_resource_from_another_host(project_site):
    for path in project_site.html_pages():
        soup = project_site.soup(str(path.relative_to(project_site.output)))
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and element.get("rel") in (
                    ["canonical"],
                    ["alternate"],
                ):
                    continue
                host = urlparse(element.get(attribute, "")).netloc
                assert host in ("",), (path, tag, element.get(attribute))


# Every field of every page (plugins/sanitizer/tests: bodies and leads alone).
def test_payloads_everywhere_in_a_real_build(make_site):
    files = {}
    for number, payload in enumerate(PAYLOADS):
        one_line = payload.replace("\n", " ")
        files[f"articles/2020/bai-{number}.md"] = (
            f"Title: Tiêu đề {one_line}\n"
            f"Date: 01/02/2020 08:{number:02d}\n"
            "Category: Thông báo\n"
            f"Tags: thẻ {one_line.replace(',', ' ')}\n"
            f"Summary: Lời dẫn {one_line}\n\n"
            f"Nội dung {payload}\n\n<div>{payload}</div>\n"
        )
    files['articles/2020/"><script>alert(1)<"script>.md'] = (
        "Title: Tên tệp lạ\nDate: 02/02/2020\nCategory: Thông báo\n\nNội dung.\n"
    )
    site = make_site(files, LINKED_WEBSITES_FILE="")
    pages = site.html_pages()
    assert len(list(site.output.glob("tin-tuc/2020/*/index.html"))) == len(files)
    for page in pages:
        soup = site.soup(str(page.relative_to(site.output)))
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue  # structured data, checked in tests/test_publishing.py
            assert script.get("src", "").endswith(".js"), page
        for tag in soup.find_all(True):
            for attribute in tag.attrs:
                assert not attribute.lower().startswith("on"), (page, tag)
            for attribute in ("href", "src", "action"):
                assert "javascript:" not in tag.get(attribute, "").lower(), (page, tag)
            assert tag.name not in ("iframe", "object", "embed", "base"), page
            if tag.name == "form":  # only the theme's own search form
                assert tag["action"] == "/tim-kiem/", page
        for body in soup.select(".article__body, .article__lead"):
            assert body.find(["input", "form", "style", "svg", "math"]) is None, page
    for feed in site.output.glob("feeds/*.xml"):
        assert "<script" not in feed.read_text("utf-8").lower().replace(
            "&lt;script", ""
        )

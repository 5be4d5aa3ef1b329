"""Autoescape, no inline scripts, nothing fetched from another host."""

from __future__ import annotations

import json
from urllib.parse import urlparse

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

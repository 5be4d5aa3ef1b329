"""The JSON export of the whole site: authors and units from the newsroom
model, hot and featured flags (plugins/machine_readable/tests builds with the
plugin and the text stage alone)."""

from __future__ import annotations

import json

import pytest

from machine_readable.tests.test_machine_readable import FILES, ORIGIN


@pytest.fixture
def site(make_site):
    return make_site(FILES, LINKED_WEBSITES_FILE="", SITE_ORIGIN=ORIGIN)


def test_json_export_has_every_article(site):
    data = json.loads((site.output / "du-lieu/bai-viet.json").read_text("utf-8"))
    first, second = data["articles"]
    assert first["title"] == "Hội nghị <tổng kết> & khen thưởng"
    assert first["url"] == f"{ORIGIN}/tin-tuc/2020/hoi-nghi/"
    assert first["date"] == "2020-11-16T10:00:00+07:00"
    assert first["author"] == "Trương Thế Bình" and first["unit"] == "Văn phòng"
    assert first["tags"] == ["hội nghị", "khen thưởng"]
    assert first["summary"] == "Lời dẫn ngắn."
    assert first["hot"] is True and first["featured"] is False
    assert second["category"] == "Thông báo" and second["author"] is None

"""The project's theme names its CSS and JavaScript with the asset filter: a
fingerprinting build links every page to the hashed names (plugins/static_host/tests
builds with the plugin alone and a theme of two files)."""

from __future__ import annotations

import pytest

from static_host.tests.checks import (
    assert_no_page_uses_plain_names,
    assert_points_to_hashed_assets,
)
from static_host.tests.test_static_host import FILES


@pytest.fixture
def site(make_site):
    from pelicanconf import PLUGINS

    return make_site(
        FILES,
        LINKED_WEBSITES_FILE="",
        PLUGINS=[*PLUGINS, "static_host"],
        FINGERPRINT_ASSETS=True,
        PRECOMPRESS=True,
    )


def test_pages_point_to_content_hashed_assets(site):
    assert_points_to_hashed_assets(site, "tin-tuc/2020/a/")


def test_every_page_uses_the_hashed_names(site):
    assert_no_page_uses_plain_names(site)

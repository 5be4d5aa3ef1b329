"""BuildCache: kept between builds, never stale."""

from __future__ import annotations

from build_runtime import BuildCache
from build_runtime.cache import KEPT_KEYS, _code_digest, code_digest


def settings(tmp_path, **more) -> dict:
    return {"CACHE_PATH": str(tmp_path), "SITENAME": "Sở", **more}


def test_entries_come_back_in_the_next_build(tmp_path):
    first = BuildCache(settings(tmp_path), "reading")
    first.put(("a.md", "sha1"), {"title": "A"})
    first.save()
    again = BuildCache(settings(tmp_path), "reading")
    assert again.get(("a.md", "sha1")) == {"title": "A"}
    assert again.get(("a.md", "other")) is None


def test_entries_a_build_did_not_use_are_dropped(tmp_path):
    first = BuildCache(settings(tmp_path), "reading")
    first.put("kept", 1)
    first.put("gone", 2)
    first.save()
    second = BuildCache(settings(tmp_path), "reading")
    assert second.get("kept") == 1
    second.save()
    assert BuildCache(settings(tmp_path), "reading").get("gone") is None


def test_a_changed_setting_or_template_starts_empty(tmp_path):
    first = BuildCache(settings(tmp_path), "pages", templates="t1")
    first.put("page", 1)
    first.save()
    assert (
        BuildCache(settings(tmp_path, SITENAME="X"), "pages", "t1").get("page") is None
    )
    assert BuildCache(settings(tmp_path), "pages", templates="t2").get("page") is None
    # Where the build writes is not a setting that changes what it makes.
    elsewhere = settings(tmp_path, OUTPUT_PATH="/tmp/elsewhere")
    assert BuildCache(elsewhere, "pages", templates="t1").get("page") == 1


def test_the_code_counts_every_plugin_source(tmp_path):
    plugins = tmp_path / "plugins"
    (plugins / "demo").mkdir(parents=True)
    (plugins / "demo/__init__.py").write_text("A = 1\n")
    (plugins / "demo/tests").mkdir()
    before = _code_digest.__wrapped__((str(plugins),))
    (plugins / "demo/tests/test_demo.py").write_text("B = 1\n")
    assert _code_digest.__wrapped__((str(plugins),)) == before  # tests do not count
    (plugins / "demo/__init__.py").write_text("A = 2\n")
    assert _code_digest.__wrapped__((str(plugins),)) != before
    # Once a process: the preview server runs the code it loaded.
    assert code_digest([str(plugins)]) == code_digest([str(plugins)])


def test_a_damaged_cache_is_empty_and_written_again(tmp_path):
    cache = BuildCache(settings(tmp_path), "reading")
    cache.put("a", 1)
    cache.save()
    cache.path.write_bytes(b"not a pickle")
    again = BuildCache(settings(tmp_path), "reading")
    assert again.get("a") is None
    again.put("a", 2)
    again.save()
    assert BuildCache(settings(tmp_path), "reading").get("a") == 2


def test_the_last_few_keys_are_kept(tmp_path):
    for number in range(KEPT_KEYS + 2):
        cache = BuildCache(settings(tmp_path, SITENAME=str(number)), "pages")
        cache.put("a", number)
        cache.save()
    assert len(list((tmp_path / "build").glob("pages-*.pickle"))) == KEPT_KEYS
    assert BuildCache(settings(tmp_path, SITENAME="0"), "pages").get("a") is None
    last = str(KEPT_KEYS + 1)
    assert BuildCache(settings(tmp_path, SITENAME=last), "pages").get("a") == int(last)


def test_switched_off_it_keeps_nothing(tmp_path):
    cache = BuildCache(settings(tmp_path, BUILD_CACHE=False), "reading")
    cache.put("a", 1)
    cache.save()
    assert not (tmp_path / "build").exists()


def test_a_cache_saved_later_is_written_by_save_pending(tmp_path):
    from build_runtime import save_pending

    cache = BuildCache(settings(tmp_path), "reading")
    cache.put("a", 1)
    cache.save_later()
    assert not cache.path.exists()  # not before the new site is in place
    save_pending()
    assert BuildCache(settings(tmp_path), "reading").get("a") == 1

"""Ranking, date order and `Related:` parsing, without a Pelican build."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from article_text import make_text
from related import Document, Options, other_news, previous_next, rank_related
from related.overrides import header_line, references
from related.ranking import build_index
from related.terms import tag_key

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = datetime(2024, 3, 1, 9, 0, tzinfo=ZONE)
PLUGINS = Path(__file__).resolve().parents[2]


def doc(path, days=0, category="Tin hoạt động", title="", body="", tags=()):
    return Document(
        path=path,
        date=DAY + timedelta(days=days),
        category=category,
        text=make_text(title, f"<p>{body}</p>", "", {}),
        tags=tuple(tags),
    )


def paths(documents, indices):
    return [documents[i].path for i in indices]


# ---------- terms ----------


def test_tags_match_folded():
    assert tag_key("Chè  hoa vàng") == tag_key("che hoa vang") == "che hoa vang"


# ---------- ranking ----------

OYSTER = "Nghiên cứu nuôi hàu Thái Bình Dương bằng giàn bè cải tiến tại Vân Đồn."
TEA = "Chè hoa vàng Ba Chẽ đạt OCOP bốn sao, sấy lạnh giữ màu vàng."
FUEL = "Kiểm tra chất lượng xăng dầu tại các cửa hàng trên địa bàn."


def small_site():
    return [
        doc("articles/a.md", 0, title="Nuôi hàu tại Vân Đồn", body=OYSTER * 3),
        doc("articles/b.md", 5, title="Hàu Vân Đồn cho thu hoạch", body=OYSTER * 2),
        doc("articles/c.md", 9, "Đề tài - dự án", "Nghiệm thu đề tài hàu", OYSTER),
        doc("articles/d.md", 2, title="Chè hoa vàng Ba Chẽ", body=TEA * 3),
        doc("articles/e.md", 7, title="Trà hoa vàng sấy lạnh", body=TEA * 2),
        doc("articles/f.md", 1, "Thông báo", "Kiểm tra xăng dầu", FUEL),
        doc("articles/g.md", 3, "Thông báo", "Lịch nghỉ", "Nghỉ Tết."),
        doc("articles/h.md", 4, "Thông báo", "Tuyển dụng", "Tuyển viên chức."),
    ]


def test_similar_articles_first_and_never_itself():
    documents = small_site()
    related = rank_related(documents)
    for index, found in enumerate(related):
        assert index not in found
    assert set(paths(documents, related[0][:2])) == {"articles/b.md", "articles/c.md"}
    assert paths(documents, related[3][:1]) == ["articles/e.md"]


def test_older_and_newer_articles_both_count():
    documents = small_site()
    related = rank_related(documents)
    assert "articles/c.md" in paths(documents, related[1])  # newer than b
    assert "articles/a.md" in paths(documents, related[1])  # older than b


def test_at_most_count_articles():
    documents = small_site()
    related = rank_related(documents, Options(count=1))
    assert all(len(found) <= 1 for found in related)


def test_fallback_is_the_newest_of_the_category():
    documents = small_site()
    related = rank_related(documents)
    # "Lịch nghỉ" shares nothing: the newest other Thông báo articles.
    assert paths(documents, related[6]) == ["articles/h.md", "articles/f.md"]


def test_shared_tag_and_category_join_the_score():
    documents = [
        doc("articles/a.md", 0, title="Hàu Vân Đồn", body=OYSTER, tags=["hàu"]),
        doc("articles/b.md", 1, "Thông báo", "Hàu Vân Đồn", OYSTER),
        doc("articles/c.md", 2, "Thông báo", "Hàu Vân Đồn", OYSTER, tags=["Hàu"]),
        doc("articles/d.md", 3, title="Hàu Vân Đồn", body=OYSTER),
        doc("articles/e.md", 4, "Thông báo", "Chè", TEA, tags=["hàu"]),
    ]
    options = Options(min_document_limit=20, tag_weight=0.1, category_weight=0.02)
    related = rank_related(documents, options)
    # Same text: c also shares the tag (+0.03), d the category (+0.02), b nothing.
    assert paths(documents, related[0])[:3] == [
        "articles/c.md",
        "articles/d.md",
        "articles/b.md",
    ]


def test_ties_go_to_the_newer_article_then_the_smaller_path():
    documents = [
        doc("articles/x.md", 0, body=OYSTER),
        doc("articles/b.md", 3, body=OYSTER),
        doc("articles/a.md", 3, body=OYSTER),
        doc("articles/c.md", 1, body=OYSTER),
        doc("articles/z.md", 0, body=FUEL),
        doc("articles/y.md", 0, body=TEA),
    ]
    related = rank_related(documents)
    assert paths(documents, related[0]) == [
        "articles/a.md",
        "articles/b.md",
        "articles/c.md",
    ]


def test_input_order_changes_nothing():
    documents = small_site()
    expected = {
        documents[i].path: paths(documents, found)
        for i, found in enumerate(rank_related(documents))
    }
    shuffled = documents[:]
    random.Random(7).shuffle(shuffled)
    got = {
        shuffled[i].path: paths(shuffled, found)
        for i, found in enumerate(rank_related(shuffled))
    }
    assert got == expected


def test_same_result_in_processes_with_different_hash_seeds():
    script = (
        "import json, sys\n"
        "sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        "from test_related_ranking import small_site\n"
        "from related import rank_related\n"
        "print(json.dumps(rank_related(small_site())))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(PLUGINS), str(Path(__file__).parent)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())


def bigger_site(count=400):
    """Enough articles for the ranking to share its reading out among processes."""
    rng = random.Random(3)
    words = "chè hoa vàng|Đầm Hà|nghiệm thu|đề tài|thủy sản|chuyển đổi số|Đông Triều"
    words = [*words.split("|"), "hội đồng", "khoa học", "sở hữu trí tuệ"]
    return [
        doc(
            f"articles/{n:04d}.md",
            days=n % 50,
            category=rng.choice(["Tin hoạt động", "Đề tài - dự án"]),
            title=" ".join(rng.sample(words, 3)),
            body=". ".join(" ".join(rng.sample(words, 4)) for _ in range(8)),
            tags=rng.sample(words, 2),
        )
        for n in range(count)
    ]


def test_reading_shared_among_processes_ranks_as_one_process():
    script = (
        "import json, os, sys, threading\n"
        "sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        "from test_related_ranking import bigger_site\n"
        "from related import rank_related\n"
        "forks = []\n"
        "os.register_at_fork(after_in_parent=lambda: forks.append(1))\n"
        "if sys.argv[3] == 'one':\n"
        "    threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
        "related = rank_related(bigger_site())\n"
        "from build_runtime import worker_count\n"
        "print(json.dumps([len(forks), related, worker_count() - 1]))\n"
    )
    found = {}
    for how in ("shared", "one"):
        output = subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                str(PLUGINS),
                str(Path(__file__).parent),
                how,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found[how] = json.loads(output)
    # One child per other core (this machine has two).
    assert found["shared"][0] == found["shared"][2] and found["one"][0] == 0
    assert found["shared"][1] == found["one"][1]
    assert sum(map(len, found["one"][1])) > 400


def test_pinned_articles_come_first_in_their_order():
    documents = small_site()
    related = rank_related(documents, pinned={0: [7, 5]})
    found = paths(documents, related[0])
    assert found[:2] == ["articles/h.md", "articles/f.md"]
    assert sorted(found[2:]) == ["articles/b.md", "articles/c.md"]  # then ranked


def test_pinned_articles_beyond_count_are_all_kept():
    documents = small_site()
    related = rank_related(documents, Options(count=2), pinned={0: [7, 6, 5]})
    assert paths(documents, related[0]) == [
        "articles/h.md",
        "articles/g.md",
        "articles/f.md",
    ]


def test_common_terms_are_dropped_and_index_entries_are_bounded():
    documents = [
        doc(f"articles/{n:03d}.md", n, body=f"Sở khoa học. Mã {n % 7} mục {n % 3}.")
        for n in range(60)
    ]
    options = Options(max_document_share=0.5, posting_limit=4)
    index = build_index(documents, options)  # terms in over 30 articles go
    assert "so" not in index.postings and "khoa hoc" not in index.postings
    assert "ma 3" in index.postings and "muc 1" in index.postings
    assert max(len(entries) for entries in index.postings.values()) == 4


def test_settings_override_the_options():
    options = Options.from_settings({"RELATED_COUNT": "3", "RELATED_TAG_WEIGHT": 0})
    assert options.count == 3 and options.tag_weight == 0.0


# ---------- date order ----------


def test_other_news_are_the_next_older_of_the_category():
    documents = small_site()
    older = other_news(documents, 2)
    assert paths(documents, older[2]) == []  # the only Đề tài - dự án article
    assert paths(documents, older[1]) == ["articles/d.md", "articles/a.md"]
    assert paths(documents, older[7]) == ["articles/g.md", "articles/f.md"]
    assert paths(documents, older[5]) == []


def test_previous_and_next_over_the_whole_site():
    documents = small_site()
    pairs = previous_next(documents)
    named = {
        documents[i].path: tuple(None if j is None else documents[j].path for j in pair)
        for i, pair in enumerate(pairs)
    }
    assert named["articles/a.md"] == (None, "articles/f.md")
    assert named["articles/d.md"] == ("articles/f.md", "articles/g.md")
    assert named["articles/c.md"] == ("articles/e.md", None)


def test_previous_and_next_within_the_category():
    documents = small_site()
    pairs = previous_next(documents, "category")
    assert pairs[3] == (0, 1)  # d: a before it, b after it (Tin hoạt động)
    assert pairs[2] == (None, None)


def test_same_date_is_ordered_by_path():
    documents = [doc("articles/b.md"), doc("articles/a.md"), doc("articles/c.md")]
    assert previous_next(documents) == [(1, 2), (None, 0), (0, None)]


def test_unknown_scope_is_refused():
    with pytest.raises(ValueError, match="PREVIOUS_NEXT_SCOPE"):
        previous_next(small_site(), "tag")


# ---------- Related: header ----------


def test_references_are_paths_relative_to_content():
    found = references(
        "articles/2019/x.md, {filename}/articles/2020/y.md,/articles/a/../z.md,"
    )
    assert [reference.path for reference in found] == [
        "articles/2019/x.md",
        "articles/2020/y.md",
        "articles/z.md",
    ]
    assert references(["articles/a.md,", "articles/b.md"])[1].path == "articles/b.md"
    assert references(None) == []


def test_header_line_of_related(tmp_path):
    source = tmp_path / "bai.md"
    source.write_text(
        "Title: A\nDate: 01/01/2024\nrelated : articles/x.md\n\nRelated: no\n",
        encoding="utf-8",
    )
    assert header_line(str(source)) == 3
    assert header_line(str(tmp_path / "missing.md")) == 1

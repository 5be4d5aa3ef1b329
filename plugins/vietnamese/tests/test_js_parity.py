"""Python and JavaScript agree beyond the vectors: random strings, run in node."""

import json
import random
import shutil
import subprocess
import unicodedata

import pytest

from vietnamese import (
    convert_lines,
    from_legacy,
    is_syllable,
    legacy_lines,
    read_typed,
    text,
)
from vietnamese.legacy import TCVN3_TABLE as TCVN3_CODES

from .helpers import VNTEXT_JS

NODE = shutil.which("node")

VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
POOL = (
    VIETNAMESE
    + VIETNAMESE.upper()
    + "bcdghklmnpqrstvxfjwz  0123456789/-&.,“”–…\u00a0"
    + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # loose combining marks
    + "ðÐ🎉²ℌßİΣσ中กि_"
)
FUNCTIONS = {
    "nfc": text.nfc,
    "canonical": text.canonical,
    "fold": text.fold,
    "tokenize": text.tokenize,
    "foldTokens": text.fold_tokens,
    "slugify": text.slugify,
}


def random_strings(count: int) -> list[str]:
    rng = random.Random(20240101)
    words = ["hòa", "thủy", "khỏe", "qúy", "gịa", "người", "Ủy", "NĐ-CP", "KH&CN"]
    strings = []
    for _ in range(count):
        chars = [rng.choice(POOL) for _ in range(rng.randint(0, 12))]
        chars.insert(rng.randint(0, len(chars)), rng.choice(words) + " ")
        raw = "".join(chars)
        strings.append(unicodedata.normalize(rng.choice(["NFC", "NFD"]), raw))
    return strings


def run_node(strings: list[str]) -> dict[str, list]:
    script = (
        "const V = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const names = " + json.dumps(list(FUNCTIONS)) + ";"
        "const out = {};"
        "for (const n of names) out[n] = input.map((s) => V[n](s));"
        "process.stdout.write(JSON.stringify(out));"
    )
    result = subprocess.run(
        [NODE, "-e", script, str(VNTEXT_JS)],
        input=json.dumps(strings),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_python_and_javascript_agree_on_random_strings():
    strings = random_strings(3000)
    js = run_node(strings)
    for name, function in FUNCTIONS.items():
        mismatches = [
            (s, function(s), got)
            for s, got in zip(strings, js[name], strict=True)
            if function(s) != got
        ]
        assert not mismatches, (name, mismatches[:5])


def reference_tokenize(s: str) -> list[str]:
    # The definition, without the run-by-run speed-ups.
    canon = text.canonical(s)
    tokens, current = [], ""
    for ch in canon:
        if "0" <= ch <= "9" or unicodedata.category(ch)[0] in "LM":
            current += ch
        elif current:
            tokens.append(current.lower())
            current = ""
    return [*tokens, current.lower()] if current else tokens


def reference_fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.canonical(s).lower())
    kept = "".join(
        "d" if ch in "đĐðÐ" else ch
        for ch in decomposed
        if unicodedata.category(ch)[0] != "M"
    )
    return unicodedata.normalize("NFC", kept.lower())


def test_fast_paths_match_the_definitions():
    for s in random_strings(3000):
        assert text.tokenize(s) == reference_tokenize(s), s
        assert text.fold(s) == reference_fold(s), s
        assert text.fold_tokens(s) == [reference_fold(t) for t in text.tokenize(s)]


LEGACY_POOL = "".join(TCVN3_CODES) + "ùøûõïâáàåãäêéèúüëñôöîíìæóòÑÔÖÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË"
TELEX_WORDS = [
    "ddoong", "trieeuf", "hojp", "nguoiwf", "d9o6ng", "trie62u", "offer", "seen",
    "thuowr", "muaw", "hoawjc", "co2", "a4", "ISO", "UBND", "tu7o72ng", "xoong",
]  # fmt: skip


def legacy_strings(count: int) -> list[str]:
    rng = random.Random(20171116)
    words = ["Së", "häc", "vµ", "C«ng", "Sôû", "hoïc", "vaø", "Coâng", "Q§-UBND", "µm"]
    pool = LEGACY_POOL + "abcdeghiklmnopqrstuvxyADGHKNTU  ,.-0123456789" + VIETNAMESE
    strings = []
    for _ in range(count):
        chars = [rng.choice(pool) for _ in range(rng.randint(0, 10))]
        for _ in range(rng.randint(0, 4)):
            chars.insert(rng.randint(0, len(chars)), " " + rng.choice(words) + " ")
        strings.append("".join(chars))
    return strings


def typed_strings(count: int) -> list[str]:
    rng = random.Random(20240601)
    keys = "aeiouydwsfrxjz0123456789"
    strings = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 3)):
            word = rng.choice(TELEX_WORDS + ["th", "ngh", "tr", "qu", "gi", "b"])
            tail = range(rng.randint(0, 4))
            word += "".join(rng.choice(keys + "nghct") for _ in tail)
            words.append(word.upper() if rng.random() < 0.1 else word)
        strings.append(" ".join(words))
    return strings


def run_node_calls(calls: dict[str, str], strings: list[str]) -> dict[str, list]:
    script = (
        "const V = require(process.argv[1]);"
        "const L = require(process.argv[2]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const calls = {"
        + ",".join(f"{json.dumps(name)}: (s) => {body}" for name, body in calls.items())
        + "};"
        "const out = {};"
        "for (const n in calls) out[n] = input.map(calls[n]);"
        "process.stdout.write(JSON.stringify(out));"
    )
    result = subprocess.run(
        [NODE, "-e", script, str(VNTEXT_JS), str(VNTEXT_JS.with_name("vnlegacy.js"))],
        input=json.dumps(strings),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_python_and_javascript_agree_on_legacy_and_typed_text():
    strings = legacy_strings(1500) + typed_strings(1500)
    lines = [s.split(" , ") for s in strings]
    python = {
        "isSyllable": [[is_syllable(w) for w in s.split()] for s in strings],
        "tcvn3": [from_legacy(s, "tcvn3") for s in strings],
        "vni": [from_legacy(s, "vni") for s in strings],
        "lines": [[list(hit) for hit in legacy_lines(group)] for group in lines],
        "convert": [convert_lines(group) for group in lines],
        "typed": [read_typed(s) for s in strings],
    }
    js = run_node_calls(
        {
            "isSyllable": "s.split(/\\s+/).filter(Boolean).map(V.isSyllable)",
            "tcvn3": "L.fromLegacy(s, 'tcvn3')",
            "vni": "L.fromLegacy(s, 'vni')",
            "lines": "L.legacyLines(s.split(' , '))",
            "convert": "L.convertLines(s.split(' , '))",
            "typed": "V.readTyped(s)",
        },
        strings,
    )
    for name, expected in python.items():
        mismatches = [
            (s, want, got)
            for s, want, got in zip(strings, expected, js[name], strict=True)
            if want != got
        ]
        assert not mismatches, (name, len(mismatches), mismatches[:3])
    assert any(python["lines"]) and any(python["typed"])

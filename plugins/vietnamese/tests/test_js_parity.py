"""Python and JavaScript agree beyond the vectors: random strings, run in node."""

import json
import random
import shutil
import subprocess
import unicodedata

import pytest

from vietnamese import text

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

/*
 * vntext.js: Vietnamese text rules for the browser and node (window.VnText,
 * module.exports). Plain ES2017, no dependencies, no build step.
 *
 * Twin of plugins/vietnamese/text.py: both are held to the cases in
 * plugins/vietnamese/vectors.json, so change the two together.
 *
 * Token character: a Unicode letter (\p{L}), a combining mark (\p{M}) or an
 * ASCII digit 0-9. Engines without Unicode property escapes (pre-2018) use a
 * close approximation that covers Latin, Vietnamese, Greek, Cyrillic and CJK.
 */
(function (root, factory) {
  "use strict";
  var api = factory(false);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.VnText = api;
  }
})(typeof self !== "undefined" ? self : this, function factory(forceFallback) {
  "use strict";

  // Combining tone marks and their rank: huyền, hỏi, ngã, sắc, nặng.
  var TONE_MARKS = { "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5 };
  // Breve, circumflex and horn make letters (ă â ê ô ơ ư); they are not tones.
  var LETTER_MARKS = new Set(["\u0306", "\u0302", "\u031b"]);
  var VOWELS = new Set(Array.from("aăâeêioôơuưy"));
  var MODIFIED_VOWELS = new Set(Array.from("ăâêôơư"));
  var CONSONANTS = new Set(Array.from("bcdđghklmnpqrstvx"));
  var ONSETS = new Set(
    ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"].concat(
      Array.from("bcdđghklmnprstvx")
    )
  );
  var NUCLEI = new Set(
    Array.from("aăâeêioôơuưy").concat(
      ("ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy " +
        "ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu").split(" ")
    )
  );
  var CODAS = new Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
  // Open syllables whose tone goes on the second vowel (new style): hoà thuỷ khoẻ.
  var NEW_STYLE_CLUSTERS = new Set(["oa", "oe", "uy"]);

  function propertyRegex(source) {
    if (forceFallback) return null;
    try {
      return new RegExp(source, "u");
    } catch (e) {
      return null; // engine without \p{…}
    }
  }

  var TOKEN_RE = propertyRegex("^[\\p{L}\\p{M}0-9]$");
  var MARK_RE = propertyRegex("^\\p{M}$");
  var FALLBACK_MARK_RE =
    /^[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20f0\u3099\u309a\ufe20-\ufe2f]$/;
  var FALLBACK_UNCASED_LETTER_RE =
    /^[\u00aa\u00ba\u01bb\u01c0-\u01c3\u0294\u02b0-\u02c1\u05d0-\u05ea\u0620-\u064a\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]$/;

  function isMark(ch) {
    return MARK_RE ? MARK_RE.test(ch) : FALLBACK_MARK_RE.test(ch);
  }

  function isTokenChar(ch) {
    if (TOKEN_RE) return TOKEN_RE.test(ch);
    return (
      (ch >= "0" && ch <= "9") ||
      isMark(ch) ||
      ch.toLowerCase() !== ch.toUpperCase() ||
      FALLBACK_UNCASED_LETTER_RE.test(ch)
    );
  }

  /** Split text into maximal runs: [{token: bool, text: string}]. */
  function runs(text) {
    var parts = [];
    var current = null;
    for (var ch of text) {
      var token = isTokenChar(ch);
      if (current && current.token === token) {
        current.text += ch;
      } else {
        current = { token: token, text: ch };
        parts.push(current);
      }
    }
    return parts;
  }

  function nfc(s) {
    return String(s).normalize("NFC");
  }

  /** [lower-case Vietnamese letter, tone rank] of one NFC character, or null. */
  function splitLetter(ch) {
    var chars = Array.from(ch.normalize("NFD"));
    var tone = 0;
    var modifiers = "";
    for (var i = 1; i < chars.length; i++) {
      var mark = chars[i];
      if (TONE_MARKS.hasOwnProperty(mark) && !tone) {
        tone = TONE_MARKS[mark];
      } else if (LETTER_MARKS.has(mark)) {
        modifiers += mark;
      } else {
        return null;
      }
    }
    var letter = (chars[0].toLowerCase() + modifiers).normalize("NFC");
    return VOWELS.has(letter) || CONSONANTS.has(letter) ? [letter, tone] : null;
  }

  /** Initial consonant(s); the u of "qu" and i of "gi" belong to it. */
  function onset(letters) {
    for (var size = 3; size >= 1; size--) {
      var head = letters.slice(0, size);
      if (!ONSETS.has(head)) continue;
      if ((head === "gi" || head === "qu") && !VOWELS.has(letters.charAt(size))) {
        continue; // "gìn" is g + i + n; a lone "qu" is no syllable
      }
      return head;
    }
    return "";
  }

  function nucleusToneIndex(nucleus, hasCoda) {
    var modified = -1;
    for (var i = 0; i < nucleus.length; i++) {
      if (MODIFIED_VOWELS.has(nucleus[i])) modified = i;
    }
    if (modified >= 0) return modified; // ươ → ơ; ưa → ư; uyê → ê
    if (nucleus.length === 1) return 0;
    if (hasCoda) return nucleus.length - 1; // hoàng, huỳnh, khoẻn
    if (NEW_STYLE_CLUSTERS.has(nucleus) || nucleus.length === 3) return 1;
    return 0; // mùa, kìa, hài
  }

  /** Index in letters (tone-less, lower-case) where the tone belongs, or -1. */
  function tonePosition(letters) {
    var head = onset(letters);
    var rest = letters.slice(head.length);
    var size = 0;
    while (size < rest.length && VOWELS.has(rest[size])) size++;
    var nucleus = rest.slice(0, size);
    var coda = rest.slice(size);
    if (!NUCLEI.has(nucleus) || !CODAS.has(coda)) return -1;
    return head.length + nucleusToneIndex(nucleus, coda !== "");
  }

  function recase(letter, like) {
    return like !== like.toLowerCase() ? letter.toUpperCase() : letter;
  }

  function canonicalSyllable(word) {
    var chars = Array.from(word);
    var parsed = chars.map(splitLetter);
    if (parsed.indexOf(null) >= 0) return word;
    var letters = parsed.map(function (p) { return p[0]; }).join("");
    var toned = [];
    parsed.forEach(function (p, i) { if (p[1]) toned.push(i); });
    if (toned.length !== 1) return word;
    var source = toned[0];
    var target = tonePosition(letters);
    if (target < 0 || target === source) return word;
    var mark = Object.keys(TONE_MARKS).filter(function (m) {
      return TONE_MARKS[m] === parsed[source][1];
    })[0];
    chars[source] = recase(letters[source], chars[source]);
    chars[target] = recase((letters[target] + mark).normalize("NFC"), chars[target]);
    return chars.join("");
  }

  /** NFC plus new-style tone placement per syllable: "hòa" → "hoà", "qúy" → "quý". */
  function canonical(s) {
    var text = nfc(s);
    if (/^[\x00-\x7f]*$/.test(text)) return text;
    return runs(text)
      .map(function (part) { return part.token ? canonicalSyllable(part.text) : part.text; })
      .join("");
  }

  /** Canonical, lower-cased, no tones or letter marks, đ → d: "Đồng" → "dong". */
  function fold(s) {
    var text = canonical(s)
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0111\u00f0]/g, "d") // đ ð: NFKD does not decompose them
      .replace(/[\u0110\u00d0]/g, "D");
    return Array.from(text)
      .filter(function (ch) { return !isMark(ch); })
      .join("")
      .toLowerCase() // again: NFKD can yield capitals ("ℌ" → "H")
      .normalize("NFC");
  }

  /** Lower-case canonical syllables: runs of letters, marks and ASCII digits. */
  function tokenize(s) {
    return runs(canonical(s))
      .filter(function (part) { return part.token; })
      .map(function (part) { return part.text.toLowerCase(); });
  }

  /** Folded syllables; foldTokens(s)[i] === fold(tokenize(s)[i]). */
  function foldTokens(s) {
    return tokenize(s).map(fold);
  }

  /** URL slug: "Nghị định 42/2022/NĐ-CP" → "nghi-dinh-42-2022-nd-cp". */
  function slugify(s) {
    return fold(s).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /** "1.5e-7" → "0.00000015": plain positional notation of a decimal string. */
  function expandExponent(text) {
    var match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!match) return text;
    var digits = match[1] + (match[2] || "");
    var point = match[1].length + parseInt(match[3], 10);
    if (point <= 0) return "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return digits + "0".repeat(point - digits.length);
    return digits.slice(0, point) + "." + digits.slice(point);
  }

  function plainDecimal(n) {
    if (typeof n === "number") {
      if (!isFinite(n)) throw new RangeError("Không định dạng được số " + n);
      return (n < 0 ? "-" : "") + expandExponent(String(Math.abs(n)));
    }
    if (typeof n === "string" && /^[+-]?[0-9]+(\.[0-9]+)?$/.test(n.trim())) {
      return n.trim();
    }
    throw new TypeError("Không định dạng được giá trị " + n + ": cần một số");
  }

  /** Vietnamese number format: 18663365 → "18.663.365", 3.5 → "3,5". */
  function formatNumber(n) {
    var text = plainDecimal(n);
    var digits = text.replace(/^[+-]/, "");
    var dot = digits.indexOf(".");
    var whole = dot >= 0 ? digits.slice(0, dot) : digits;
    var fraction = dot >= 0 ? digits.slice(dot + 1) : "";
    var grouped = whole.replace(/\B(?=(\d{3})+$)/g, ".");
    var result = grouped + (fraction ? "," + fraction : "");
    var isZero = /^[0.]*$/.test(digits);
    return text.charAt(0) === "-" && !isZero ? "-" + result : result;
  }

  // ---------- Search terms (twin: plugins/search_index/terms.py) ----------
  var MAX_QUERY_LENGTH = 200;
  var MAX_QUERY_TERMS = 10;
  var PREFIX_MIN_LENGTH = 3;

  /**
   * What a reader typed, as search terms: {terms: [[exact, folded]], prefix, pairs}.
   * Cut to 200 characters and 10 syllables. The last syllable is a prefix only
   * when nothing follows it and it folds to 3 characters or more: "tin" may be
   * "tinh", "tin " is a finished word.
   */
  function searchQuery(text) {
    var chars = Array.from(nfc(text == null ? "" : text)).slice(0, MAX_QUERY_LENGTH);
    var exact = tokenize(chars.join(""));
    var terms = exact.slice(0, MAX_QUERY_TERMS).map(function (t) { return [t, fold(t)]; });
    var last = terms.length ? terms[terms.length - 1][1] : "";
    var prefix =
      terms.length > 0 &&
      exact.length <= MAX_QUERY_TERMS &&
      isTokenChar(chars[chars.length - 1]) &&
      Array.from(last).length >= PREFIX_MIN_LENGTH;
    var pairs = [];
    for (var i = 1; i < terms.length; i++) pairs.push(terms[i - 1][1] + " " + terms[i][1]);
    return { terms: terms, prefix: prefix, pairs: pairs };
  }

  // ---------- Spelling: is a word one Vietnamese syllable? (twin: is_syllable) ----------
  var NEEDS_CODA = new Set(["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"]);
  var TAKES_CODA = new Set(
    Array.from(NEEDS_CODA).concat(["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"])
  );
  var STOP_CODAS = new Set(["c", "ch", "p", "t"]);
  var FRONT_VOWELS = new Set(Array.from("ieêy"));
  var FRONT_ONSETS = new Set(["k", "gh", "ngh"]);
  var BACK_ONSETS = new Set(["c", "ng"]);
  var CODA_AFTER = { ch: new Set(Array.from("aêi")), nh: new Set(Array.from("aêiy")) };

  /** True when word is spelt as one Vietnamese syllable (see text.py is_syllable). */
  function isSyllable(word) {
    var parsed = Array.from(nfc(word)).map(splitLetter);
    if (parsed.indexOf(null) >= 0) return false;
    var letters = parsed.map(function (p) { return p[0]; }).join("");
    var toned = [];
    parsed.forEach(function (p, i) { if (p[1]) toned.push(i); });
    if (toned.length > 1 || (toned.length && !VOWELS.has(letters[toned[0]]))) return false;
    var head = onset(letters), rest = letters.slice(head.length), size = 0;
    while (size < rest.length && VOWELS.has(rest[size])) size++;
    var nucleus = rest.slice(0, size), coda = rest.slice(size);
    if (!NUCLEI.has(nucleus) || !CODAS.has(coda)) return false;
    if ((NEEDS_CODA.has(nucleus) && !coda) || (coda && !TAKES_CODA.has(nucleus))) return false;
    var tone = toned.length ? parsed[toned[0]][1] : 0;
    if (STOP_CODAS.has(coda) && tone !== 4 && tone !== 5) return false;
    if (CODA_AFTER[coda] && !CODA_AFTER[coda].has(nucleus[nucleus.length - 1])) return false;
    var first = nucleus[0];
    if (FRONT_ONSETS.has(head) && !FRONT_VOWELS.has(first)) return false;
    return !((BACK_ONSETS.has(head) && FRONT_VOWELS.has(first)) || (head === "g" && (first === "e" || first === "ê")));
  }

  // ---------- Telex and VNI typed with the input method off (twin: input_methods.py) ----------
  var TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // sắc huyền hỏi ngã nặng
  var TELEX_TONES = zip("sfrxj", TONES);
  var VNI_TONES = zip("12345", TONES);
  var HAT = { a: "â", e: "ê", o: "ô" };
  var HORN = { u: "ư", o: "ơ" };
  var MIN_VNI_LETTERS = 2;
  var NOT_TYPED = {}; // thrown: the word uses input-method keys but gives no syllable

  function zip(keys, values) {
    var map = Object.create(null), list = Array.from(values);
    Array.from(keys).forEach(function (key, i) { map[key] = list[i]; });
    return map;
  }
  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }
  function isAscii(text) { return /^[\x00-\x7f]*$/.test(text); }
  function isUpper(ch) { return ch !== ch.toLowerCase(); }
  function lastIndex(letters, value) { return letters.lastIndexOf(value); }
  function anyVowel(letters) { return letters.some(function (l) { return VOWELS.has(l); }); }
  function replaced(letters, at, values) {
    return letters.slice(0, at).concat(values, letters.slice(at + values.length));
  }

  function hornChoices(letters, breve) {
    var text = letters.join(""), choices = [], at = text.indexOf("uo");
    if (at >= 0) {
      choices.push(replaced(letters, at, ["ư", "ơ"]));
      choices.push(replaced(letters, at, ["u", "ơ"])); // thuở
    }
    ["u", "o"].forEach(function (vowel) {
      var i = lastIndex(letters, vowel);
      if (i >= 0) choices.push(replaced(letters, i, [HORN[vowel]]));
    });
    at = lastIndex(letters, "a");
    if (breve && at >= 0) choices.push(replaced(letters, at, ["ă"]));
    return choices;
  }

  function withTone(letters, tone) {
    var word = letters.join("");
    if (tone) {
      var at = tonePosition(word);
      if (at < 0) return null;
      word = word.slice(0, at) + nfc(word[at] + tone) + word.slice(at + 1);
    }
    return isSyllable(word) ? word : null;
  }

  function finish(letters, tone, horn, breve) {
    var choices = horn ? hornChoices(letters, breve) : [letters];
    for (var i = 0; i < choices.length; i++) {
      var word = withTone(choices[i], tone);
      if (word) return word;
    }
    throw NOT_TYPED;
  }

  function hatTarget(letters, vowel) {
    var at = lastIndex(letters, vowel);
    if (at < 0 || anyVowel(letters.slice(at + 1))) return -1;
    return at;
  }

  function readTelex(word) {
    var w = word.toLowerCase();
    if (!/^[a-z]+$/.test(w)) return null;
    var start = w.lastIndexOf("dd", 0) === 0 ? 2 : 0;
    var letters = start ? ["đ"] : [], tone = "", horn = false, used = !!start;
    for (var i = start; i < w.length; i++) {
      var ch = w[i], previous = letters.length ? letters[letters.length - 1] : "";
      var afterVowel = anyVowel(letters);
      if (afterVowel && (ch === "z" || (has(TELEX_TONES, ch) && tone))) throw NOT_TYPED;
      if (has(TELEX_TONES, ch) && afterVowel) {
        tone = TELEX_TONES[ch];
        used = true;
      } else if (ch === "w" && previous === "u") {
        letters[letters.length - 1] = "ư";
        used = true;
      } else if (ch === "w" && !afterVowel) {
        letters.push("ư");
        used = true;
      } else if (ch === "w") {
        if (horn) throw NOT_TYPED;
        horn = used = true;
      } else if (has(HAT, ch) && hatTarget(letters, ch) >= 0) {
        letters[hatTarget(letters, ch)] = HAT[ch];
        used = true;
      } else {
        letters.push(ch);
      }
    }
    return used ? finish(letters, tone, horn, true) : null;
  }

  function readVni(word) {
    var w = word.toLowerCase();
    if (!/^[a-z][a-z0-9]*$/.test(w) || /^[a-z]+$/.test(w)) return null;
    if ((w.match(/[a-z]/g) || []).length < MIN_VNI_LETTERS) return null;
    var letters = [], tone = "", horn = false;
    for (var ch of w) {
      var afterVowel = anyVowel(letters);
      var hats = [];
      letters.forEach(function (l, i) { if (has(HAT, l)) hats.push(i); });
      if (ch >= "a" && ch <= "z") letters.push(ch);
      else if (has(VNI_TONES, ch) && afterVowel && !tone) tone = VNI_TONES[ch];
      else if (ch === "6" && hats.length) letters[hats[hats.length - 1]] = HAT[letters[hats[hats.length - 1]]];
      else if (ch === "7" && letters[letters.length - 1] === "u") letters[letters.length - 1] = "ư";
      else if (ch === "7" && afterVowel && !horn) horn = true;
      else if (ch === "8" && letters.indexOf("a") >= 0) letters[lastIndex(letters, "a")] = "ă";
      else if (ch === "9" && letters[0] === "d") letters[0] = "đ";
      else return null;
    }
    try {
      return finish(letters, tone, horn, false);
    } catch (e) {
      if (e === NOT_TYPED) return null;
      throw e;
    }
  }

  function recaseReading(reading, typed) {
    if (Array.from(typed).length > 1 && typed === typed.toUpperCase()) return reading.toUpperCase();
    return isUpper(typed.charAt(0)) ? reading.charAt(0).toUpperCase() + reading.slice(1) : reading;
  }

  /**
   * How a query typed in Telex or VNI reads, or null when it reads as typed:
   * {text, words: [[typed word, reading]]} (words in lower case). A word is read
   * only when it is no syllable as typed and its reading is one; a word that uses
   * Telex keys but gives no syllable ("offer") leaves the whole query as typed.
   * With `only` (typed words in lower case), other words stay as typed.
   */
  function readTyped(text, only) {
    var parts = runs(nfc(text == null ? "" : text)), words = [];
    try {
      var out = parts.map(function (part) {
        var plain = isAscii(part.text) && /[A-Za-z]/.test(part.text);
        if (!part.token || !plain || isSyllable(part.text)) return part.text;
        var reading = readTelex(part.text);
        if (reading === null) reading = readVni(part.text);
        if (reading === null || (only && only.indexOf(part.text.toLowerCase()) < 0)) return part.text;
        words.push([part.text.toLowerCase(), reading]);
        return recaseReading(reading, part.text);
      });
    } catch (e) {
      if (e === NOT_TYPED) return null;
      throw e;
    }
    return words.length ? { text: nfc(out.join("")), words: words } : null;
  }

  return {
    nfc: nfc,
    canonical: canonical,
    fold: fold,
    tokenize: tokenize,
    foldTokens: foldTokens,
    slugify: slugify,
    formatNumber: formatNumber,
    searchQuery: searchQuery,
    isSyllable: isSyllable,
    readTyped: readTyped,
    isTokenChar: isTokenChar,
    // Text as runs [{token: bool, text}], for highlighting matched syllables.
    runs: runs,
    // For tests: an instance that ignores \p{…} support, as old engines do.
    _create: factory,
  };
});

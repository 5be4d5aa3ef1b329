/*
 * vnlegacy.js: Vietnamese typed in the old fonts, TCVN3 (ABC, .VnTime) and
 * VNI-Windows, found and converted inside Unicode text (window.VnLegacy,
 * module.exports). Needs vntext.js. Plain ES2017, no dependencies.
 *
 * Twin of plugins/vietnamese/legacy.py (read its docstring for the rules): both
 * are held to the "from_tcvn3", "from_vni" and "legacy_lines" sections of
 * plugins/vietnamese/vectors.json, so change the two together. The search page
 * does not load it; an editor's screen that takes pasted text would.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vntext.js"));
  } else {
    root.VnLegacy = factory(root.VnText);
  }
})(typeof self !== "undefined" ? self : this, function factory(VnText) {
  "use strict";

  var nfc = VnText.nfc, isSyllable = VnText.isSyllable, isTokenChar = VnText.isTokenChar;
  function zip(keys, values) {
    var map = Object.create(null), list = Array.from(values);
    Array.from(keys).forEach(function (key, i) { map[key] = list[i]; });
    return map;
  }
  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }
  function isUpper(ch) { return ch !== ch.toLowerCase(); }
  function isAscii(text) { return /^[\x00-\x7f]*$/.test(text); }

  var TCVN3 = "tcvn3", VNI = "vni";
  var TCVN3_TABLE = zip(
    "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
    "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
  );
  var TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // sắc huyền hỏi ngã nặng
  var VNI_TONE_MARKS = zip("ùøûõï", TONES);
  var VNI_HAT_MARKS = zip("âáàåãä", [""].concat(TONES));
  var VNI_BREVE_MARKS = zip("êéèúüë", [""].concat(TONES));
  var VNI_LETTERS = zip("ôöñîíìæóò", Array.from("ơưđỵíìỉĩị"));
  var VNI_VOWELS = new Set(Array.from("aeouyôö"));
  var MIN_LEGACY_WORD = 2;
  var HEADER_RE = /^([ ]{0,3}[A-Za-z0-9_-]+:[ \t]*)([\s\S]*)$/;
  // Codes with Đ converted too: "Q§-UBND" is "QĐ-UBND", "N§-CP" is "NĐ-CP".
  var D_CODE_RE = /^[A-Za-z0-9]*[đĐ][A-Za-z0-9đĐ]*$/;

  function isLatin1(ch) { return ch >= "\x80" && ch <= "\xff"; }
  function caseLike(text, like) { return isUpper(like) ? text.toUpperCase() : text; }

  function fromTcvn3Word(word) {
    var out = "";
    for (var ch of word) {
      if (has(TCVN3_TABLE, ch)) out += TCVN3_TABLE[ch];
      else if (isLatin1(ch)) return null;
      else out += ch;
    }
    return out;
  }

  function fromVniWord(word) {
    var chars = Array.from(word), out = "", i = 0;
    while (i < chars.length) {
      var ch = chars[i], low = ch.toLowerCase();
      var mark = i + 1 < chars.length ? chars[i + 1].toLowerCase() : "";
      if (VNI_VOWELS.has(low)) {
        var base = caseLike(has(VNI_LETTERS, low) ? VNI_LETTERS[low] : low, ch);
        if (has(VNI_TONE_MARKS, mark)) out += nfc(base + VNI_TONE_MARKS[mark]);
        else if (has(VNI_HAT_MARKS, mark) && "aeo".indexOf(low) >= 0) out += nfc(base + "\u0302" + VNI_HAT_MARKS[mark]);
        else if (has(VNI_BREVE_MARKS, mark) && low === "a") out += nfc(base + "\u0306" + VNI_BREVE_MARKS[mark]);
        else {
          out += base;
          i += 1;
          continue;
        }
        i += 2;
      } else if (has(VNI_LETTERS, low)) {
        out += caseLike(VNI_LETTERS[low], ch);
        i += 1;
      } else if (isLatin1(ch)) {
        return null;
      } else {
        out += ch;
        i += 1;
      }
    }
    return out;
  }

  var CONVERTERS = { tcvn3: fromTcvn3Word, vni: fromVniWord };

  /** Runs of letters, digits and TCVN3 characters: [{word: bool, text}]. */
  function legacyRuns(text) {
    var parts = [], current = null;
    for (var ch of text) {
      var word = has(TCVN3_TABLE, ch) || isTokenChar(ch);
      if (current && current.word === word) current.text += ch;
      else parts.push((current = { word: word, text: ch }));
    }
    return parts;
  }

  var wordKinds = new Map();
  /** "legacy", "unicode" or "" for one word in one encoding. */
  function wordKind(word, encoding) {
    var key = encoding + " " + word, kind = wordKinds.get(key);
    if (kind !== undefined) return kind;
    kind = "";
    if (!isAscii(word)) {
      var asIs = isSyllable(word), converted = CONVERTERS[encoding](word);
      if (converted === null) {
        kind = asIs ? "unicode" : "";
      } else if (converted !== word) {
        var asConverted = isSyllable(converted);
        if (asConverted && !asIs) {
          var evidence = Array.from(converted).length >= MIN_LEGACY_WORD && word.charAt(0) !== "µ";
          kind = evidence ? "legacy" : "";
        } else {
          kind = asIs && !asConverted ? "unicode" : "";
        }
      }
    }
    if (wordKinds.size > 65536) wordKinds.clear();
    wordKinds.set(key, kind);
    return kind;
  }

  function lineEncoding(line) {
    if (isAscii(line)) return null;
    var best = null;
    [TCVN3, VNI].forEach(function (encoding) {
      var legacy = 0, unicode = 0;
      legacyRuns(line).forEach(function (part) {
        if (!part.word) return;
        var kind = wordKind(part.text, encoding);
        if (kind === "legacy") legacy++;
        if (kind === "unicode") unicode++;
      });
      var found = null;
      if (legacy >= 2 && legacy > unicode) found = [encoding, true, legacy];
      else if (legacy === 1 && unicode === 0) found = [encoding, false, legacy];
      if (found && (!best || (found[1] && !best[1]) || (found[1] === best[1] && found[2] > best[2]))) best = found;
    });
    return best;
  }

  /** [index, encoding] of every line of a text in a legacy encoding. */
  function legacyLines(lines) {
    var found = lines.map(function (line) { return lineEncoding(nfc(line)); });
    var strong = new Set();
    found.forEach(function (hit) { if (hit && hit[1]) strong.add(hit[0]); });
    var result = [];
    found.forEach(function (hit, i) { if (hit && (hit[1] || strong.has(hit[0]))) result.push([i, hit[0]]); });
    return result;
  }

  /** ASCII capitals in a word; -1 if it has an ASCII small letter. */
  function capitals(word) {
    var letters = word.match(/[A-Za-z]/g) || [];
    return letters.some(function (ch) { return ch >= "a"; }) ? -1 : letters.length;
  }

  /** Text with every word that converts to a Vietnamese syllable (or a code with Đ) converted. */
  function fromLegacy(text, encoding) {
    var parts = legacyRuns(nfc(text));
    var counts = parts
      .filter(function (part) { return part.word && Array.from(part.text).length > 1; })
      .map(function (part) { return capitals(part.text); });
    var allCapitals = counts.length > 0 && Math.min.apply(null, counts) >= 0 && Math.max.apply(null, counts) >= 2;
    return parts.map(function (part) {
      if (!part.word) return part.text;
      var converted = CONVERTERS[encoding](part.text);
      if (converted === null || !(isSyllable(converted) || D_CODE_RE.test(converted))) return part.text;
      var upper = capitals(part.text);
      if (encoding === TCVN3 && (upper >= 2 || (allCapitals && upper >= 0))) converted = converted.toUpperCase();
      return converted;
    }).join("");
  }

  /** One line converted; a Markdown "Key: value" header line keeps its key. */
  function convertLine(line, encoding) {
    var header = HEADER_RE.exec(nfc(line));
    return header ? header[1] + fromLegacy(header[2], encoding) : fromLegacy(line, encoding);
  }

  /** Every legacy line of a text converted (legacyLines), all in NFC. */
  function convertLines(lines) {
    var converted = lines.map(nfc);
    legacyLines(lines).forEach(function (hit) {
      converted[hit[0]] = convertLine(converted[hit[0]], hit[1]);
    });
    return converted;
  }

  return {
    TCVN3: TCVN3,
    VNI: VNI,
    legacyLines: legacyLines,
    fromLegacy: fromLegacy,
    convertLine: convertLine,
    convertLines: convertLines,
    // For tests: the same functions over another VnText (old engines' regexes).
    _create: factory
  };
});

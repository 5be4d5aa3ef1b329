// Every case of vectors.json that vntext.js covers, run with `node --test`.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const VnText = require("../../../theme/static/js/vntext.js");
const VnLegacy = require("../../../theme/static/js/vnlegacy.js");

const vectors = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "vectors.json"), "utf8")
);
const SECTIONS = {
  nfc: "nfc",
  canonical: "canonical",
  fold: "fold",
  tokenize: "tokenize",
  fold_tokens: "foldTokens",
  slugify: "slugify",
  format_number: "formatNumber",
};
// Sections whose cases call a function with more than the input; legacy fonts
// are vnlegacy.js, over the same VnText.
const WRAPPED = {
  is_syllable: (api, input) => api.isSyllable(input),
  from_tcvn3: (api, input) => VnLegacy._create(api).fromLegacy(input, "tcvn3"),
  from_vni: (api, input) => VnLegacy._create(api).fromLegacy(input, "vni"),
  legacy_lines: (api, input) => VnLegacy._create(api).legacyLines(input),
  read_typed: (api, input) => api.readTyped(input),
};

function runAllSections(api, label) {
  for (const [section, name] of Object.entries(SECTIONS)) {
    test(`${label}: ${section} (${vectors[section].length} cases)`, async (t) => {
      assert.ok(vectors[section].length >= 15, `${section} has at least 15 cases`);
      for (const [i, c] of vectors[section].entries()) {
        await t.test(`${section}-${i} ${JSON.stringify(c.input)}`, () => {
          assert.deepStrictEqual(api[name](c.input), c.output);
        });
      }
    });
  }
}

function runWrappedSections(api, label) {
  for (const [section, call] of Object.entries(WRAPPED)) {
    test(`${label}: ${section} (${vectors[section].length} cases)`, async (t) => {
      assert.ok(vectors[section].length >= 15, `${section} has at least 15 cases`);
      for (const [i, c] of vectors[section].entries()) {
        await t.test(`${section}-${i} ${JSON.stringify(c.input)}`, () => {
          assert.deepStrictEqual(call(api, c.input), c.output);
        });
      }
    });
  }
}

runAllSections(VnText, "unicode regex");
runWrappedSections(VnText, "unicode regex");
// Engines without \p{…} take the fallback classes; the vectors must still pass.
runAllSections(VnText._create(true), "fallback regex");
runWrappedSections(VnText._create(true), "fallback regex");

test("exports the public API", () => {
  for (const name of Object.values(SECTIONS)) {
    assert.equal(typeof VnText[name], "function", name);
  }
});

test("formatNumber rejects non-numbers", () => {
  assert.throws(() => VnText.formatNumber("abc"), TypeError);
  assert.throws(() => VnText.formatNumber(null), TypeError);
  assert.throws(() => VnText.formatNumber(NaN), RangeError);
});

test("attaches to window.VnText without module.exports", () => {
  const vm = require("node:vm");
  const source = fs.readFileSync(require.resolve("../../../theme/static/js/vntext.js"), "utf8");
  const window = {};
  window.self = window;
  vm.runInNewContext(source, window);
  assert.equal(window.VnText.slugify("Sở Khoa học và Công nghệ"), "so-khoa-hoc-va-cong-nghe");
});

test("vnlegacy.js attaches to window.VnLegacy beside window.VnText", () => {
  const vm = require("node:vm");
  const js = path.join(__dirname, "..", "..", "..", "theme", "static", "js");
  const window = {};
  window.self = window;
  vm.runInNewContext(fs.readFileSync(path.join(js, "vntext.js"), "utf8"), window);
  vm.runInNewContext(fs.readFileSync(path.join(js, "vnlegacy.js"), "utf8"), window);
  assert.deepEqual(window.VnLegacy.convertLines(["Së Khoa häc vµ C«ng nghÖ"]), [
    "Sở Khoa học và Công nghệ",
  ]);
});

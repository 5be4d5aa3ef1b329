// Every string Decap CMS can show has its Vietnamese in desk/static/locale.js.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vi = require("../static/locale.js");

const LOCALES = path.join(__dirname, "..", "..", "node_modules", "decap-cms-locales", "dist", "esm");
// Strings that are only placeholders or a name: the same in both languages.
const SAME = new Set(["%{details}", "%{date}", "＋ %{collectionLabel}", "%{author}"]);

function flat(object, prefix = "") {
  return Object.entries(object).reduce((all, [key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === "object" ? { ...all, ...flat(value, name) } : { ...all, [name]: value };
  }, {});
}

test("every English string of Decap CMS has a Vietnamese one", async () => {
  const english = flat((await import(pathToFileURL(path.join(LOCALES, "en", "index.js")))).default);
  const ours = flat(vi);
  const missing = Object.keys(english).filter((key) => !(key in ours));
  assert.deepEqual(missing, []);
  const untranslated = Object.keys(english).filter(
    (key) => ours[key] === english[key] && !SAME.has(english[key]),
  );
  assert.deepEqual(untranslated, []);
  const placeholders = (text) => (text.match(/%\{\w+\}/g) || []).sort().join(" ");
  for (const key of Object.keys(english)) {
    assert.equal(placeholders(ours[key]), placeholders(english[key]), key);
  }
});

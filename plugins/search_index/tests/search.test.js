// The search sections of vectors.json and the parts of search.js that need no page.
// Run: node --test plugins/search_index/tests/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const VnText = require("../../../theme/static/js/vntext.js");
const VnSearch = require("../../../theme/static/js/search.js");

const vectors = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "vietnamese", "vectors.json"), "utf8")
);

test(`search_query vectors (${vectors.search_query.length} cases)`, async (t) => {
  assert.ok(vectors.search_query.length >= 15);
  for (const [i, c] of vectors.search_query.entries()) {
    await t.test(`search_query-${i} ${JSON.stringify(c.input).slice(0, 60)}`, () => {
      assert.deepStrictEqual(VnText.searchQuery(c.input), c.output);
    });
  }
});

test("search_query vectors with the fallback regex (old engines)", () => {
  const old = VnText._create(true);
  for (const c of vectors.search_query) {
    assert.deepStrictEqual(old.searchQuery(c.input), c.output, JSON.stringify(c.input));
  }
});

test(`search_keys vectors (${vectors.search_keys.length} cases)`, () => {
  assert.ok(vectors.search_keys.length >= 15);
  for (const c of vectors.search_keys) {
    assert.equal(VnSearch.groupOf(c.input), c.group, c.input);
    assert.equal(VnSearch.hashKey(c.input), c.hash, c.input);
  }
});

test("gunzip matches zlib on text, binary and empty data", () => {
  const samples = [
    Buffer.alloc(0),
    Buffer.from("Sở Khoa học và Công nghệ ".repeat(500)),
    Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 2654435761) >>> 24)),
    Buffer.from(Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? i & 255 : 0))),
  ];
  for (const sample of samples) {
    for (const level of [0, 1, 6, 9]) {
      const packed = zlib.gzipSync(sample, { level });
      assert.deepStrictEqual(Buffer.from(VnSearch.gunzip(new Uint8Array(packed))), sample);
    }
  }
  // The index's binary files use the filtered strategy (index_format.compress).
  for (const sample of samples) {
    const filtered = zlib.gzipSync(sample, { level: 6, strategy: zlib.constants.Z_FILTERED });
    assert.deepStrictEqual(Buffer.from(VnSearch.gunzip(new Uint8Array(filtered))), sample);
  }
  // Fixed Huffman blocks (small inputs) and a stored block inside a stream.
  const small = Buffer.from("abcabcabc");
  const fixed = zlib.gzipSync(small, { strategy: zlib.constants.Z_FIXED });
  assert.deepStrictEqual(Buffer.from(VnSearch.gunzip(new Uint8Array(fixed))), small);
});

test("gunzip reads a stream cut into blocks, as the index's keyed files are", async () => {
  const parts = [Buffer.from("dau tu giao ban ".repeat(40)), Buffer.from([1, 2, 3, 200, 7]), Buffer.alloc(300, 2)];
  const gzip = zlib.createGzip({ level: 9 });
  const chunks = [];
  gzip.on("data", (chunk) => chunks.push(chunk));
  for (const part of parts) {
    gzip.write(part);
    await new Promise((done) => gzip.flush(zlib.constants.Z_BLOCK, done));
  }
  const ended = new Promise((done) => gzip.on("end", done));
  gzip.end();
  await ended;
  const whole = Buffer.concat(parts);
  assert.deepStrictEqual(Buffer.from(VnSearch.gunzip(new Uint8Array(Buffer.concat(chunks)))), whole);
});

test("gunzip passes through data a server already decompressed", () => {
  const plain = new Uint8Array([3, 1, 2]);
  assert.equal(VnSearch.gunzip(plain), plain);
});

test("parseDay reads day first and rejects impossible dates", () => {
  const day = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
  assert.equal(VnSearch.parseDay("05/02/2020"), day(2020, 2, 5));
  assert.equal(VnSearch.parseDay("5/2/2020"), day(2020, 2, 5));
  assert.equal(VnSearch.parseDay(" 16.11.2017 "), day(2017, 11, 16));
  assert.equal(VnSearch.parseDay("2017-11-16"), day(2017, 11, 16));
  assert.equal(VnSearch.parseDay("29/02/2024"), day(2024, 2, 29));
  assert.equal(VnSearch.parseDay(""), null);
  for (const bad of ["31/02/2020", "29/02/2023", "00/01/2020", "1/13/2020", "abc", "16/11/17"]) {
    assert.ok(Number.isNaN(VnSearch.parseDay(bad)), bad);
  }
  assert.equal(VnSearch.formatDay(day(2017, 11, 16)), "16/11/2017");
  assert.equal(VnSearch.formatDay(day(2017, 11, 16), true), "2017-11-16");
});

test("the URL keeps the query, filters and page", () => {
  const state = {
    q: "hop giao ban ",
    categories: ["tin-hoat-dong", "thong-bao"],
    from: "01/01/2016",
    to: "31/12/2016",
    sort: "moi-nhat",
    page: 3,
  };
  const search = VnSearch.stateQuery(state);
  assert.equal(
    search,
    "?q=hop+giao+ban+&chuyen-muc=tin-hoat-dong&chuyen-muc=thong-bao" +
      "&tu-ngay=01%2F01%2F2016&den-ngay=31%2F12%2F2016&sap-xep=moi-nhat&trang=3"
  );
  assert.deepStrictEqual(VnSearch.readState(search), state);
  // The sidebar box sends an empty category for "all"; defaults stay out of the URL.
  const sidebar = VnSearch.readState("?chuyen-muc=&q=dau+tu&tu-ngay=&den-ngay=");
  assert.deepStrictEqual(sidebar, {
    q: "dau tu", categories: [], from: "", to: "", sort: "lien-quan", page: 1,
  });
  assert.equal(VnSearch.stateQuery(sidebar), "?q=dau+tu");
  assert.equal(VnSearch.readState("?trang=-4&sap-xep=x").page, 1);
});

test("the URL keeps the kind: tin bài or văn bản; all when absent", () => {
  const state = { q: "215/QĐ-UBND", kind: "van-ban", categories: [], from: "", to: "", sort: "lien-quan", page: 1 };
  const search = VnSearch.stateQuery(state);
  assert.equal(search, "?q=215%2FQ%C4%90-UBND&loai=van-ban");
  assert.deepStrictEqual(VnSearch.readState(search), state);
  assert.equal(VnSearch.readState("?q=a&loai=").kind, undefined);
  assert.equal(VnSearch.stateQuery(VnSearch.readState("?loai=tin-bai")), "?loai=tin-bai");
});

test("a query of every syllable of a document's number looks up its identifier key", () => {
  for (const text of ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd", " 215 / qđ - UBND "]) {
    assert.equal(VnSearch.identifierKey(VnText.searchQuery(text)), "#215qdubnd", text);
  }
  assert.equal(VnSearch.identifierKey(VnText.searchQuery("DT-01/2026/SKHCN")), "#dt012026skhcn");
  // Words without a digit, or one syllable, are no number: nothing to look up.
  for (const text of ["hop giao ban", "215", "qd ubnd"]) {
    assert.equal(VnSearch.identifierKey(VnText.searchQuery(text)), null, text);
  }
});

// 15 KB (13.6 KB used) until the Telex and VNI reading of queries (issue 22)
// brought it to 16.6 KB, and documents (issue 21: kinds, numbers) to 18.2 KB.
test("client and vntext fit in 19 KB gzip", () => {
  const js = path.join(__dirname, "..", "..", "..", "theme", "static", "js");
  const source = Buffer.concat(["vntext.js", "search.js"].map((f) => fs.readFileSync(path.join(js, f))));
  assert.ok(zlib.gzipSync(source, { level: 9 }).length <= 19 * 1024);
});

test("gunzip refuses data cut short instead of reading on", () => {
  const packed = zlib.gzipSync(Buffer.from("Sở Khoa học và Công nghệ ".repeat(50)));
  assert.throws(() => VnSearch.gunzip(new Uint8Array(packed.subarray(0, 30))), /gzip/);
});

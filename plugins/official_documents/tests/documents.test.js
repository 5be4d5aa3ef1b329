// documents.js in node: the status rules at each boundary, and the filters.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");

const Documents = require("../../../theme/static/js/documents.js");

test("today in Vietnam turns at 17:00 UTC", () => {
  assert.equal(Documents.todayInVietnam(new Date("2027-06-30T16:59:59Z")), "2027-06-30");
  assert.equal(Documents.todayInVietnam(new Date("2027-06-30T17:00:00Z")), "2027-07-01");
});

test("in effect from the effective date to the day before it ends", () => {
  const dates = { draft: false, effective: "2024-01-22", ends: "2026-01-01" };
  const at = (day) => Documents.statusOn(dates, day).label;
  assert.equal(at("2024-01-21"), "Chưa có hiệu lực");
  assert.equal(at("2024-01-22"), "Còn hiệu lực");
  assert.equal(at("2025-12-31"), "Còn hiệu lực");
  assert.equal(at("2026-01-01"), "Hết hiệu lực");
  assert.equal(Documents.statusOn({ effective: "2024-01-22", ends: "" }, "2099-01-01").key, "con-hieu-luc");
});

test("a draft is open from its first to its last day", () => {
  const dates = { draft: true, commentFrom: "2026-11-25", commentUntil: "2027-01-25" };
  const at = (day) => Documents.statusOn(dates, day);
  assert.equal(at("2026-11-24").label, "Lấy ý kiến từ 25/11/2026");
  assert.equal(at("2026-11-25").label, "Đang lấy ý kiến đến 25/01/2027");
  assert.equal(at("2027-01-25").label, "Đang lấy ý kiến đến 25/01/2027");
  assert.equal(at("2027-01-26").label, "Đã hết hạn lấy ý kiến");
  assert.equal(Documents.statusGroup(at("2027-01-26")), "du-thao-lay-y-kien");
});

const INDEX = {
  options: {
    "loai": [["quyet-dinh", "Quyết định"], ["ke-hoach", "Kế hoạch"]],
    "co-quan": [["ubnd", "Ủy ban nhân dân tỉnh Quảng Ninh"]],
    "linh-vuc": [["khcn", "Khoa học và công nghệ"], ["cds", "Chuyển đổi số"]],
    "nam": [["2024", "2024"]],
  },
  documents: [
    { url: "van-ban/2024/b/", number: "1215/QĐ-UBND", kind: 0, issuer: 0, sectors: [1], issued: "2024-03-01", effective: "2024-03-01", summary: "Về việc 215 nhiệm vụ" },
    { url: "van-ban/2024/a/", number: "215/QĐ-UBND", kind: 0, issuer: 0, sectors: [0], issued: "2024-01-22", effective: "2024-01-22", summary: "Công bố thủ tục hành chính", signer: "Hoàng Minh Đức" },
    { url: "van-ban/2024/c/", number: "01/KH-UBND", kind: 1, issuer: 0, sectors: [0, 1], issued: "2024-01-02", effective: "2024-01-02", ends: "2024-06-01", summary: "Kế hoạch năm 2024" },
  ],
};

test("filters combine; a typed number finds its document first", () => {
  const items = Documents.prepare(INDEX, "2024-12-01");
  const numbers = (filters) => Documents.filterDocuments(items, filters).map((i) => i.record.number);
  assert.deepEqual(numbers({}), ["1215/QĐ-UBND", "215/QĐ-UBND", "01/KH-UBND"]);
  for (const q of ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd"]) {
    assert.equal(numbers({ q })[0], "215/QĐ-UBND", q);
  }
  assert.deepEqual(numbers({ "linh-vuc": "khcn", "tinh-trang": "het-hieu-luc" }), ["01/KH-UBND"]);
  assert.deepEqual(numbers({ loai: "quyet-dinh", q: "hoang minh duc" }), ["215/QĐ-UBND"]);
  assert.deepEqual(numbers({ nam: "2023" }), []);
});

test("the address keeps the filters", () => {
  const filters = Documents.readFilters("?loai=ke-hoach&q=215+qd&nam=2024");
  assert.equal(filters.loai, "ke-hoach");
  assert.equal(filters.q, "215 qd");
  assert.equal(Documents.filtersQuery(filters), "?q=215+qd&loai=ke-hoach&nam=2024");
});

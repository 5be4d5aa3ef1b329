// The desk's file formats: every file in content/ comes back byte-identical
// when saved unchanged, and changes are written as an editor would type them.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const formats = require("../static/formats.js");

const CONTENT = path.join(__dirname, "..", "..", "content");

function filesUnder(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

function formatFor(file) {
  const relative = path.relative(CONTENT, file).split(path.sep).join("/");
  if (relative.startsWith("articles/")) return formats.article;
  if (relative.startsWith("pages/")) return formats.page;
  if (relative.startsWith("schedule/")) return formats.schedule;
  if (relative === "data/website-lien-ket.md") return formats.links;
  if (relative.startsWith("van-ban/")) return formats.document;
  throw new Error(`no format for ${relative}`);
}

// What Decap does between reading and writing: the data goes through JSON
// (Immutable's toJS) and the written text gets a final newline if it lacks one.
function saveUnchanged(format, raw) {
  const data = JSON.parse(JSON.stringify(format.fromFile(raw)));
  let text = format.toFile(data);
  if (!text.endsWith("\n")) text += "\n";
  return text;
}

test("every file in content/ is written back byte for byte when unchanged", () => {
  const files = filesUnder(CONTENT).filter((file) => formatFor(file));
  assert.ok(files.length >= 60, `only ${files.length} files`);
  const documents = files.filter((file) => formatFor(file) === formats.document);
  assert.ok(documents.length >= 30, `only ${documents.length} documents`);
  for (const file of files) {
    const raw = fs.readFileSync(file, "utf8");
    assert.equal(saveUnchanged(formatFor(file), raw), raw, file);
  }
});

test("CRLF, a BOM and decomposed text survive unchanged", () => {
  const raw = "\uFEFFTitle: Ho\u0323p\r\nDate: 2017-11-16 10:00\r\nCategory: Thông báo\r\n\r\nNội dung.\r\n";
  assert.equal(saveUnchanged(formats.article, raw), raw);
});

const ARTICLE = [
  "Title: Họp giao ban",
  "Date: 2017-11-16 10:00",
  "Category: Tin hoạt động",
  "Tags: họp giao ban,kế hoạch",
  "LegacyURL: ChiTietTinTuc.aspx?nid=7705",
  "Author: Trương Thế Bình – Văn phòng",
  "",
  "Nội dung bài.",
  "",
].join("\n");

test("an article's fields read into the form", () => {
  const data = formats.article.fromFile(ARTICLE);
  assert.equal(data.title, "Họp giao ban");
  assert.equal(data.date, "2017-11-16T10:00");
  assert.deepEqual(data.tags, ["họp giao ban", "kế hoạch"]);
  assert.deepEqual(data.author, { name: "Trương Thế Bình", unit: "Văn phòng" });
  assert.equal(data.body, "Nội dung bài.\n");
  assert.equal(data._nam, "2017");
});

test("only the changed lines are rewritten, in the project's style", () => {
  const data = formats.article.fromFile(ARTICLE);
  data.date = "2017-11-17T08:30";
  data.image = "images/2017/hop.jpg";
  data.imagealt = "Lãnh đạo Sở chủ trì";
  data.hot = true;
  data.draft = true;
  assert.equal(
    formats.article.toFile(data),
    [
      "Title: Họp giao ban",
      "Date: 17/11/2017 08:30",
      "Category: Tin hoạt động",
      "Tags: họp giao ban,kế hoạch", // unchanged: as typed
      "LegacyURL: ChiTietTinTuc.aspx?nid=7705", // a field the form does not show
      "Author: Trương Thế Bình – Văn phòng",
      "Image: images/2017/hop.jpg",
      "ImageAlt: Lãnh đạo Sở chủ trì",
      "Hot: yes",
      "Status: draft",
      "",
      "Nội dung bài.",
      "",
    ].join("\n"),
  );
});

test("a removed value removes its line; an edited body is NFC with one final newline", () => {
  const data = formats.article.fromFile(ARTICLE);
  data.tags = [];
  data.author = { name: "Nguyễn Văn An", unit: "" };
  data.body = "Đoạn mo\u031b\u0301i.\n\n\n";
  const text = formats.article.toFile(data);
  assert.ok(!text.includes("Tags:"));
  assert.ok(text.includes("Author: Nguyễn Văn An\n"));
  assert.ok(text.endsWith("\n\nĐoạn mới.\n"));
});

test("a new article is written as `sokhcn new` would", () => {
  const text = formats.article.toFile({
    title: "  Hội nghị tổng kết  ",
    date: "2026-12-05T08:00",
    category: "Tin hoạt động",
    tags: ["hội nghị", "tổng kết"],
    author: { name: "Trương Thế Bình", unit: "Văn phòng" },
    attachments: ["files/2026/bao-cao.pdf"],
    hot: true,
    hotuntil: "2026-12-31",
    featured: false,
    draft: false,
    body: "Nội dung.",
    _nam: "2026",
  });
  assert.equal(
    text,
    "Title: Hội nghị tổng kết\nDate: 05/12/2026 08:00\nCategory: Tin hoạt động\n" +
      "Tags: hội nghị, tổng kết\nAuthor: Trương Thế Bình - Văn phòng\n" +
      "Attachments: files/2026/bao-cao.pdf\nHot: yes\nHotUntil: 31/12/2026\n\nNội dung.\n",
  );
});

test("a new English page says its language; a Vietnamese one need not", () => {
  const english = formats.page.toFile({ title: "Contact", lang: "en", body: "Address." });
  assert.equal(english, "Title: Contact\nLang: en\n\nAddress.\n");
  const vietnamese = formats.page.toFile({ title: "Liên hệ", lang: "vi", body: "Địa chỉ." });
  assert.equal(vietnamese, "Title: Liên hệ\n\nĐịa chỉ.\n");
});

test("dates: day first, and a day that does not exist says so", () => {
  assert.deepEqual(formats.parseDate("05/02/2020 8:05"), { iso: "2020-02-05T08:05", hasTime: true });
  assert.deepEqual(formats.parseDate("2017-11-16"), { iso: "2017-11-16", hasTime: false });
  assert.match(formats.parseDate("31/02/2024").error, /tháng 2 năm 2024 chỉ có 29 ngày/);
  assert.match(formats.parseDate("16/13/2017").error, /không có tháng 13/);
  assert.match(formats.parseDate("ngày mai").error, /dd\/mm\/yyyy/);
  assert.equal(formats.formatDate("2017-11-16T10:00"), "16/11/2017 10:00");
  const article = formats.article.fromFile("Title: A\nDate: 31/02/2024\n\nB.\n");
  assert.equal(article.date, "31/02/2024"); // kept as typed: the form shows the problem
});

const WEEK = fs.readFileSync(path.join(CONTENT, "schedule/2017/2017-W46.md"), "utf8");

test("a calendar week reads one form entry per item", () => {
  const data = formats.schedule.fromFile(WEEK);
  assert.equal(data.week, "2017-W46");
  assert.equal(data._tieu_de, "Tuần 46 (13/11/2017 – 19/11/2017)");
  const first = data.items[0];
  assert.equal(first.day, "2017-11-13");
  assert.equal(first.session, "Sáng");
  assert.ok(first.content.length > 0);
  assert.ok(data.items.every((item) => item.day.startsWith("2017-11-")));
});

test("a changed calendar item is rewritten; the others stay as typed", () => {
  const data = formats.schedule.fromFile(WEEK);
  data.items[0].location = "Hội trường tầng 2";
  data.items.push({
    day: "2017-11-17", session: "Chiều", time: "14h00", mark: "Bổ sung",
    content: "Làm việc với Chi cục TĐC", chair: "Giám đốc Sở",
  });
  const expected = WEEK.replace(
    "  - Địa điểm: Phòng họp tầng 5, Trụ sở Liên cơ quan số 3\n",
    "  - Địa điểm: Hội trường tầng 2\n",
  );
  // Friday has a heading already: the new item goes at its end.
  assert.equal(
    formats.schedule.toFile(data),
    expected +
      "- [Bổ sung] Chiều 14h00: Làm việc với Chi cục TĐC\n  - Chủ trì: Giám đốc Sở\n",
  );
});

test("a new week is written in the format of docs/schedule.md", () => {
  const text = formats.schedule.toFile({
    week: "2026-W50",
    note: "Lịch có thể thay đổi.",
    items: [
      { day: "2026-12-08", session: "Sáng", time: "8h30", content: "Họp Ban Giám đốc",
        chair: "Giám đốc Sở", location: "Phòng họp tầng 5" },
      { day: "2026-12-07", session: "Cả ngày", content: "Kiểm tra tại Đầm Hà" },
    ],
  });
  assert.equal(
    text,
    "# Lịch công tác tuần 50 năm 2026\nGhi chú: Lịch có thể thay đổi.\n\n" +
      "## Thứ Hai, 07/12/2026\n- Cả ngày: Kiểm tra tại Đầm Hà\n\n" +
      "## Thứ Ba, 08/12/2026\n- Sáng 8h30: Họp Ban Giám đốc\n  - Chủ trì: Giám đốc Sở\n" +
      "  - Địa điểm: Phòng họp tầng 5\n",
  );
});

test("weeks: ISO numbers and their days", () => {
  assert.equal(formats.isoWeek("2026-11-23"), "2026-W48");
  assert.equal(formats.isoWeek("2027-01-01"), "2026-W53");
  assert.deepEqual(formats.weekDays("2017-W46").slice(0, 2), ["2017-11-13", "2017-11-14"]);
  assert.equal(formats.weekdayName("2017-11-13"), "Thứ Hai");
});

test("linked websites: a changed link rewrites the file in its own style", () => {
  const raw = fs.readFileSync(path.join(CONTENT, "data/website-lien-ket.md"), "utf8");
  const data = formats.links.fromFile(raw);
  assert.equal(data.groups[0].links[0].url, "https://chinhphu.vn");
  data.groups[0].links.push({ name: "Báo Nhân Dân", url: "https://nhandan.vn" });
  const text = formats.links.toFile(data);
  assert.equal(
    text,
    raw.replace(
      "- [Công báo Chính phủ](https://congbao.chinhphu.vn)\n",
      "- [Công báo Chính phủ](https://congbao.chinhphu.vn)\n- [Báo Nhân Dân](https://nhandan.vn)\n",
    ),
  );
});

// --- documents (Văn bản) ------------------------------------------------------

const DOCUMENT = fs.readFileSync(path.join(CONTENT, "van-ban/2024/qd-215-ubnd-cong-bo-tthc.md"), "utf8");

test("a document's header reads into the form, labels with or without diacritics", () => {
  const data = formats.document.fromFile(DOCUMENT);
  assert.equal(data.number, "215/QĐ-UBND");
  assert.deepEqual(data.signer, { name: "Hoàng Minh Đức", title: "Chủ tịch" });
  assert.equal(data.issued, "2024-01-22");
  assert.deepEqual(data.sectors, ["Cải cách hành chính", "Khoa học và công nghệ"]);
  assert.deepEqual(data.files, ["files/2024/quyet-dinh-215-qd-ubnd-cong-bo-tthc.pdf"]);
  assert.deepEqual(data.replaces, ["2548/QĐ-UBND"]);
  assert.equal(data._nam, "2024");
  assert.ok(data.body.startsWith("Công bố kèm theo"));
  const typed = formats.document.fromFile(
    "So ky hieu: 12/KH-SKHCN\nLOAI VAN BAN: Kế hoạch\nTrích yếu: Về việc: kiểm tra\n" +
      "  đo lường năm 2026\nLĩnh vực: Chuyển đổi số; Sở hữu trí tuệ\nDu thao: co\n",
  );
  assert.equal(typed.number, "12/KH-SKHCN");
  assert.equal(typed.kind, "Kế hoạch");
  assert.equal(typed.summary, "Về việc: kiểm tra đo lường năm 2026");
  assert.deepEqual(typed.sectors, ["Chuyển đổi số", "Sở hữu trí tuệ"]);
  assert.equal(typed.draft, true);
  assert.equal(typed.body, "");
});

test("the document labels are the reader's own (official_documents)", () => {
  const names = Object.fromEntries(formats.DOCUMENT_FIELDS.map((f) => [f.key, f.name]));
  assert.equal(names.number, "Số ký hiệu");
  assert.equal(names.comment_email, "Góp ý gửi về");
  // Each field's label reads back as that field.
  for (const field of formats.DOCUMENT_FIELDS) {
    const data = formats.document.fromFile(`${field.name}: x\n`);
    assert.ok(field.key in data, field.name);
  }
});

test("a document edited in the desk changes only its changed lines", () => {
  const hand = DOCUMENT.replace("Số ký hiệu:", "So ky hieu:");
  const data = formats.document.fromFile(hand);
  data.effective = "2024-02-01";
  data.sectors = [...data.sectors, "Chuyển đổi số"];
  data.expires = "2026-12-31";
  data.amends = ["98/QĐ-SKHCN"];
  const text = formats.document.toFile(data);
  assert.equal(
    text,
    hand
      .replace("Ngày hiệu lực: 22/01/2024\n", "Ngày hiệu lực: 01/02/2024\nNgày hết hiệu lực: 31/12/2026\n")
      .replace(
        "Lĩnh vực: Cải cách hành chính, Khoa học và công nghệ\n",
        "Lĩnh vực: Cải cách hành chính, Khoa học và công nghệ, Chuyển đổi số\n",
      )
      .replace("Thay thế: 2548/QĐ-UBND\n", "Thay thế: 2548/QĐ-UBND\nSửa đổi: 98/QĐ-SKHCN\n"),
  );
  assert.ok(text.startsWith("So ky hieu: 215/QĐ-UBND\n")); // as the editor typed it
});

test("a new document is written as the docs show one typed by hand", () => {
  const text = formats.document.toFile({
    number: " 35/QĐ-SKHCN ",
    kind: "Quyết định",
    issuer: "Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
    signer: { name: "Phạm Quang Minh", title: "Giám đốc" },
    issued: "2026-03-02",
    effective: "2026-03-02",
    expires: "",
    sectors: ["Khoa học và công nghệ", "Đổi mới sáng tạo"],
    summary: "Ban hành Quy chế quản lý nhiệm vụ khoa học\nvà công nghệ",
    files: ["files/2026/qd-35-skhcn.pdf", "files/2026/phu-luc.xlsx"],
    replaces: ["12/2019/QĐ-UBND"],
    amends: [],
    draft: false,
    comment_email: "",
    body: "",
    _nam: "2026",
  });
  assert.equal(
    text,
    [
      "Số ký hiệu: 35/QĐ-SKHCN",
      "Loại văn bản: Quyết định",
      "Cơ quan ban hành: Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
      "Người ký: Phạm Quang Minh - Giám đốc",
      "Ngày ban hành: 02/03/2026",
      "Ngày hiệu lực: 02/03/2026",
      "Lĩnh vực: Khoa học và công nghệ, Đổi mới sáng tạo",
      "Trích yếu: Ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ",
      "Tệp: files/2026/qd-35-skhcn.pdf, files/2026/phu-luc.xlsx",
      "Thay thế: 12/2019/QĐ-UBND",
      "",
    ].join("\n"),
  );
  const draft = formats.document.toFile({
    number: "DT-03/2026/SKHCN",
    kind: "Kế hoạch",
    issuer: "Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
    issued: "2026-12-01",
    sectors: ["Chuyển đổi số"],
    summary: "Kế hoạch chuyển đổi số năm 2027",
    files: ["files/2026/du-thao.docx"],
    draft: true,
    comment_until: "2026-12-31",
    comment_email: "gopy@quangninh.gov.vn",
    body: "Mời góp ý.\n\n",
  });
  assert.ok(
    draft.endsWith(
      "Dự thảo: có\nLấy ý kiến đến: 31/12/2026\nGóp ý gửi về: gopy@quangninh.gov.vn\n\nMời góp ý.\n",
    ),
    draft,
  );
});

test("the form's checks across a document's fields", () => {
  const valid = formats.document.fromFile(DOCUMENT);
  assert.deepEqual(formats.documentProblems(valid), {});
  const early = { ...valid, effective: "2024-01-21" };
  assert.match(
    formats.documentProblems(early).effective,
    /^Ngày hiệu lực \(21\/01\/2024\) trước Ngày ban hành \(22\/01\/2024\)/,
  );
  assert.deepEqual(formats.documentProblems({ ...valid, effective: "2024-01-22" }), {});
  const ends = formats.documentProblems({ ...valid, effective: "2024-02-01", expires: "2024-02-01" });
  assert.match(ends.expires, /phải sau Ngày hiệu lực \(01\/02\/2024\)/);
  const unsigned = formats.documentProblems({ ...valid, signer: { name: "", title: "" }, effective: "" });
  assert.match(unsigned["signer.name"], /Chưa điền họ tên người ký/);
  assert.match(unsigned.effective, /Chưa điền Ngày hiệu lực/);
  assert.match(
    formats.documentProblems({ ...valid, signer: { name: "Hoàng Minh Đức", title: " " } })["signer.title"],
    /chức vụ/,
  );
  // A draft for comment needs no signer or effective date, but its last day.
  const draft = { ...valid, draft: true, signer: {}, effective: "", comment_from: "2024-02-01" };
  assert.deepEqual(Object.keys(formats.documentProblems(draft)), ["comment_until"]);
  const period = formats.documentProblems({ ...draft, comment_until: "2024-01-31", comment_email: "gopy@" });
  assert.match(period.comment_until, /trước Lấy ý kiến từ \(01\/02\/2024\)/);
  assert.match(period.comment_email, /không đúng/);
  const notDraft = formats.documentProblems({ ...valid, comment_until: "2024-03-01" });
  assert.match(notDraft.comment_until, /Chỉ dùng cho dự thảo/);
  // Every document on the site passes: an editor can save it again as it is.
  for (const file of filesUnder(path.join(CONTENT, "van-ban"))) {
    const data = formats.document.fromFile(fs.readFileSync(file, "utf8"));
    assert.deepEqual(formats.documentProblems(data), {}, file);
  }
  // A date that does not exist is its control's own error, not a comparison.
  assert.deepEqual(formats.documentProblems({ ...valid, effective: "31/02/2024" }), {});
});

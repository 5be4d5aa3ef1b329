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
  // Văn bản (official_documents) have no desk collection yet.
  if (relative.startsWith("van-ban/")) return null;
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

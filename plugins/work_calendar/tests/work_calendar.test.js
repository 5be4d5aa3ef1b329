// The widget's date rules in node: ISO weeks, Vietnam's date, week titles.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");

const WorkCalendar = require("../../../theme/static/js/work-calendar.js");

const day = (iso) => {
  const [year, month, date] = iso.split("-").map(Number);
  return { year, month, day: date };
};

test("ISO weeks, year boundaries included", () => {
  const cases = {
    "2017-11-13": "2017-W46",
    "2017-11-19": "2017-W46",
    "2026-11-27": "2026-W48",
    "2026-11-30": "2026-W49",
    "2020-12-31": "2020-W53",
    "2021-01-03": "2020-W53",
    "2021-01-04": "2021-W01",
    "2024-12-30": "2025-W01",
    "2027-01-01": "2026-W53",
  };
  for (const [iso, key] of Object.entries(cases)) {
    assert.equal(WorkCalendar.weekKey(WorkCalendar.isoWeek(day(iso))), key, iso);
  }
});

test("today is taken in Vietnam's time zone", () => {
  const late = new Date("2030-01-06T23:30:00Z"); // Monday 06:30 in Vietnam
  assert.deepEqual(WorkCalendar.dateInVietnam(late), { year: 2030, month: 1, day: 7 });
  const early = new Date("2026-11-29T16:59:00Z"); // Sunday 23:59 in Vietnam
  assert.equal(WorkCalendar.isoDate(WorkCalendar.dateInVietnam(early)), "2026-11-29");
});

test("week and day titles match the build-time widget", () => {
  assert.equal(WorkCalendar.weekTitle(day("2017-11-15")), "Tuần 46 (13/11/2017 – 19/11/2017)");
  assert.equal(WorkCalendar.weekTitle(day("2021-01-03")), "Tuần 53 (28/12/2020 – 03/01/2021)");
  assert.equal(WorkCalendar.dayTitle(day("2026-11-29")), "Chủ Nhật, 29/11/2026");
  assert.equal(WorkCalendar.dayTitle(day("2017-11-13")), "Thứ Hai, 13/11/2017");
});

test("a week splits into today's items and the other days with items", () => {
  const item = (content) => ({ session: "Sáng", time: "08:00", content });
  const week = {
    days: [
      { date: "2026-11-23", items: [item("a"), item("b")] },
      { date: "2026-11-24", items: [] },
      { date: "2026-11-25", items: [item("c")] },
    ],
  };
  const split = WorkCalendar.splitWeek(week, "2026-11-25");
  assert.deepEqual(split.today.map((i) => i.content), ["c"]);
  assert.deepEqual(split.others.map((d) => d.date), ["2026-11-23"]);
  assert.equal(split.otherCount, 2);
  assert.equal(WorkCalendar.isEmpty(week), false);
  assert.equal(WorkCalendar.isEmpty({ days: [{ date: "2026-11-24", items: [] }] }), true);
  assert.equal(WorkCalendar.isEmpty(null), true);
});

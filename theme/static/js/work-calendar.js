/*
 * work-calendar.js: the "Lịch công tác" widget shows the visitor's week.
 *
 * The page carries the week of the build day. A static site may be read days
 * later, so this script takes today's date in Vietnam from the visitor's clock,
 * finds that ISO week in lich-cong-tac/cac-tuan.json and draws it from the
 * week's JSON, or the empty state when the office has no schedule for it.
 * Without JavaScript, or when a file cannot be fetched, the build-time week
 * stays. Keep the markup in step with components/work_calendar.html.
 *
 * Plain ES2017, no dependencies; the pure functions are exported for node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.WorkCalendar = api;
    api.startWhenReady(root.document);
  }
})(typeof self !== "undefined" ? self : this, function factory() {
  "use strict";

  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  var DAY_MS = 86400000;

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* The calendar date in Vietnam at the instant `now`: UTC+7 all year, with
   * no daylight saving, so arithmetic is exact (and cheaper than Intl). */
  function dateInVietnam(now) {
    var shifted = new Date(now.getTime() + 7 * 3600000);
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  }

  function isoDate(day) {
    return day.year + "-" + pad(day.month) + "-" + pad(day.day);
  }

  function utcDay(day) {
    return new Date(Date.UTC(day.year, day.month - 1, day.day));
  }

  /* ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
  function isoWeek(day) {
    var date = utcDay(day);
    var weekday = date.getUTCDay() || 7;
    var thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
    var yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
    var week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
    return { year: thursday.getUTCFullYear(), week: week };
  }

  function weekKey(week) {
    return week.year + "-W" + pad(week.week);
  }

  function formatDay(date) {
    return pad(date.getUTCDate()) + "/" + pad(date.getUTCMonth() + 1) + "/" + date.getUTCFullYear();
  }

  /* "Tuần 48 (23/11/2026 – 29/11/2026)" for the ISO week holding `day`. */
  function weekTitle(day) {
    var date = utcDay(day);
    var monday = new Date(date.getTime() - ((date.getUTCDay() || 7) - 1) * DAY_MS);
    var sunday = new Date(monday.getTime() + 6 * DAY_MS);
    return "Tuần " + isoWeek(day).week + " (" + formatDay(monday) + " – " + formatDay(sunday) + ")";
  }

  function dayTitle(day) {
    return WEEKDAYS[utcDay(day).getUTCDay()] + ", " + pad(day.day) + "/" + pad(day.month) + "/" + day.year;
  }

  /* Today's items and the other days that have items, from a week's JSON. */
  function splitWeek(week, todayIso) {
    var result = { today: [], others: [], otherCount: 0 };
    (week && week.days ? week.days : []).forEach(function (day) {
      if (day.date === todayIso) {
        result.today = day.items;
      } else if (day.items.length) {
        result.others.push(day);
        result.otherCount += day.items.length;
      }
    });
    return result;
  }

  function isEmpty(week) {
    return !week || !week.days || !week.days.some(function (day) { return day.items.length; });
  }

  // --- drawing (browser only) ---------------------------------------------

  function element(doc, name, className, text) {
    var node = doc.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function renderItem(doc, item) {
    var li = element(doc, "li", "work-calendar__item");
    li.appendChild(element(doc, "span", "work-calendar__when", item.time || item.session));
    if (item.mark) li.appendChild(element(doc, "span", "work-calendar__mark", item.mark));
    li.appendChild(element(doc, "span", "work-calendar__content", item.content));
    if (item.location) li.appendChild(element(doc, "span", "work-calendar__place", item.location));
    return li;
  }

  function renderItems(doc, items) {
    var list = element(doc, "ul", "work-calendar__items");
    items.forEach(function (item) { list.appendChild(renderItem(doc, item)); });
    return list;
  }

  function timeElement(doc, iso, text) {
    var time = element(doc, "time", "", text);
    time.setAttribute("datetime", iso);
    return time;
  }

  function renderWeekLine(doc, title, pageUrl) {
    var line = element(doc, "p", "work-calendar__week");
    if (pageUrl) {
      var link = element(doc, "a", "", title);
      link.href = pageUrl;
      line.appendChild(link);
    } else {
      line.textContent = title;
    }
    return line;
  }

  function renderOtherDays(doc, split) {
    var more = element(doc, "details", "work-calendar__more");
    more.appendChild(element(doc, "summary", "work-calendar__summary",
      "Các ngày khác trong tuần (" + split.otherCount + " mục)"));
    split.others.forEach(function (day) {
      var heading = element(doc, "h4", "work-calendar__day");
      heading.appendChild(timeElement(doc, day.date, day.title));
      more.appendChild(heading);
      more.appendChild(renderItems(doc, day.items));
    });
    return more;
  }

  /* Draw `week` (or the empty state when null) for `today` into the widget. */
  function render(widget, week, today, pageUrl) {
    var doc = widget.ownerDocument;
    var body = widget.querySelector("[data-work-calendar-body]");
    var nodes = [renderWeekLine(doc, weekTitle(today), pageUrl)];
    if (isEmpty(week)) {
      nodes.push(element(doc, "p", "widget__empty", "Lịch công tác trống"));
    } else {
      var split = splitWeek(week, isoDate(today));
      var heading = element(doc, "h3", "work-calendar__heading", "Hôm nay, ");
      heading.appendChild(timeElement(doc, isoDate(today), dayTitle(today)));
      nodes.push(heading);
      nodes.push(split.today.length
        ? renderItems(doc, split.today)
        : element(doc, "p", "work-calendar__none", "Hôm nay không có lịch."));
      if (split.others.length) nodes.push(renderOtherDays(doc, split));
    }
    while (body.firstChild) body.removeChild(body.firstChild);
    nodes.forEach(function (node) { body.appendChild(node); });
    var weekLink = widget.querySelector("[data-work-calendar-week-link]");
    if (weekLink) {
      weekLink.hidden = !pageUrl;
      if (pageUrl) weekLink.querySelector("a").href = pageUrl;
    }
    widget.setAttribute("data-work-calendar-week", weekKey(isoWeek(today)));
    widget.setAttribute("data-work-calendar-today", isoDate(today));
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(new Error(response.status));
    });
  }

  /* Show the visitor's week when it is not the one built into the page. */
  function refresh(widget, now) {
    var today = dateInVietnam(now);
    var key = weekKey(isoWeek(today));
    if (key === widget.getAttribute("data-work-calendar-week") && isoDate(today) === widget.getAttribute("data-work-calendar-today")) {
      return Promise.resolve(false);
    }
    var indexUrl = new URL(widget.getAttribute("data-work-calendar-weeks"), widget.ownerDocument.baseURI);
    return getJson(indexUrl).then(function (index) {
      var path = index.weeks && index.weeks[key];
      if (!path) {
        render(widget, null, today, null);
        return true;
      }
      var weekUrl = new URL(path, indexUrl);
      return getJson(weekUrl).then(function (week) {
        render(widget, week, today, new URL(week.page, weekUrl).href);
        return true;
      });
    }).catch(function () {
      return false; // offline or missing files: the build-time week stays
    });
  }

  function startWhenReady(doc) {
    if (!doc || typeof fetch !== "function" || typeof URL !== "function") return;
    function start() {
      var widget = doc.querySelector("[data-work-calendar]");
      if (widget) refresh(widget, new Date());
    }
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  return {
    dateInVietnam: dateInVietnam,
    isoDate: isoDate,
    isoWeek: isoWeek,
    weekKey: weekKey,
    weekTitle: weekTitle,
    dayTitle: dayTitle,
    splitWeek: splitWeek,
    isEmpty: isEmpty,
    render: render,
    refresh: refresh,
    startWhenReady: startWhenReady,
  };
});

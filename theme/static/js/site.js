/* Progressive enhancements for every page. Nothing here is needed to read or
 * navigate: without JavaScript the build-time content stays as it is.
 * The page is usually right already (built today, default text size), so
 * nothing is written to the DOM or to storage unless it changes: each write
 * would make the browser work out style and layout of the page again. */
(function () {
  "use strict";

  var VIETNAM_OFFSET_MS = 7 * 3600000; // Asia/Ho_Chi_Minh
  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  var WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* Today's calendar date in Vietnam, from the visitor's clock. Vietnam keeps
   * UTC+7 all year (no daylight saving), so plain arithmetic is exact and
   * avoids building an Intl formatter, which is slow on old phones. */
  function todayInVietnam(now) {
    var shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      weekday: shifted.getUTCDay()
    };
  }

  function isoDate(day) {
    return day.year + "-" + pad(day.month) + "-" + pad(day.day);
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function setAttribute(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function setHidden(element, hidden) {
    if (element.hidden !== hidden) element.hidden = hidden;
  }

  /* "Thứ Hai, 07/12/2026"; on the English pages "Monday, 7 December 2026". */
  function showDateLine(today) {
    var element = document.querySelector("[data-today]");
    if (!element) return;
    setText(element, document.documentElement.lang === "en"
      ? WEEKDAYS_EN[today.weekday] + ", " + today.day + " " + MONTHS_EN[today.month - 1] + " " + today.year
      : WEEKDAYS[today.weekday] + ", " + pad(today.day) + "/" + pad(today.month) + "/" + today.year);
    setAttribute(element, "datetime", isoDate(today));
  }

  /* Hot news expire on the visitor's date, not on the build date. */
  function refreshHotNews(today) {
    var list = document.querySelector("[data-hot-list]");
    if (!list) return;
    var limit = parseInt(list.getAttribute("data-limit"), 10) || 5;
    var todayIso = isoDate(today);
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll("li"), function (item) {
      var until = item.getAttribute("data-hot-until");
      var expired = Boolean(until && until.slice(0, 10) < todayIso);
      var hidden = expired || shown >= limit;
      setHidden(item, hidden);
      if (!hidden) shown += 1;
    });
    var empty = document.querySelector("[data-hot-empty]");
    if (empty) setHidden(empty, shown > 0);
  }

  function enablePrintButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      setHidden(button, false);
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* Text size A- A A+: remembered in localStorage, applied as a data attribute
   * on <html> that the stylesheet maps to font sizes (no inline styles). */
  var TEXT_SIZE_KEY = "sokhcn-co-chu";
  var TEXT_SIZES = ["-1", "0", "1", "2"];
  /* Read once: the first use of localStorage opens the site's storage, which
   * takes several milliseconds in a new browser profile. */
  var textSize = null;

  function readTextSize() {
    if (textSize !== null) return textSize;
    try {
      var saved = window.localStorage.getItem(TEXT_SIZE_KEY);
      textSize = TEXT_SIZES.indexOf(saved) >= 0 ? saved : "0";
    } catch (error) {
      textSize = "0";
    }
    return textSize;
  }

  /* No attribute is the default size "0". */
  function applyTextSize(size, control) {
    var html = document.documentElement;
    if ((html.getAttribute("data-text-size") || "0") !== size) html.setAttribute("data-text-size", size);
    var reset = control.querySelector('[data-text-size-step="0"]');
    setAttribute(reset, "aria-pressed", String(size === "0"));
  }

  function saveTextSize(size) {
    textSize = size;
    try { window.localStorage.setItem(TEXT_SIZE_KEY, size); } catch (error) { /* private mode */ }
  }

  function enableTextSize() {
    var control = document.querySelector("[data-text-size-control]");
    if (!control) return;
    setHidden(control, false);
    applyTextSize(readTextSize(), control);
    control.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button) return;
      var step = parseInt(button.getAttribute("data-text-size-step"), 10);
      textSize = null; // another tab may have changed it
      var index = TEXT_SIZES.indexOf(readTextSize());
      var next = step === 0 ? 1 : Math.max(0, Math.min(TEXT_SIZES.length - 1, index + step));
      saveTextSize(TEXT_SIZES[next]);
      applyTextSize(TEXT_SIZES[next], control);
    });
  }

  /* The Menu link folds the main navigation on phones (site.css); without
   * this script it leads to the site map, which lists every section. */
  function enableMenuButton() {
    var toggle = document.querySelector("[data-menu-toggle]");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    var flip = function (event) {
      event.preventDefault();
      toggle.setAttribute("aria-expanded", String(menu.classList.toggle("main-nav--open")));
    };
    toggle.addEventListener("click", flip);
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") flip(event);
    });
  }

  /* "1.866.336"; "1,866,336" on the English pages. */
  function formatNumber(value) {
    var separator = document.documentElement.lang === "en" ? "," : ".";
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  /* The server's own statistics (deploy/visit-stats): {date, today, total}.
   * Written every few minutes: a file from yesterday has no visit today yet. */
  function readVisitStats(widget, url, today) {
    var show = function (key, text) {
      widget.querySelector('[data-counter="' + key + '"]').textContent = text;
    };
    fetch(url, { cache: "no-cache", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (stats) {
        show("today", formatNumber(stats.date === isoDate(today) ? stats.today : 0));
        show("total", formatNumber(stats.total));
      })
      .catch(function () { /* the numbers stay "—" */ });
  }

  /* One page view for GoatCounter: no cookie, nothing stored, and nothing
   * sent when the visitor asks not to be tracked. */
  function countVisit(base) {
    if (navigator.doNotTrack === "1" || window.doNotTrack === "1") return;
    var query = "p=" + encodeURIComponent(location.pathname) +
      "&t=" + encodeURIComponent(document.title) +
      "&r=" + encodeURIComponent(document.referrer) +
      "&s=" + encodeURIComponent(String(screen.width)) +
      "&rnd=" + Math.random().toString(36).slice(2);
    fetch(base + "/count?" + query, { credentials: "omit", mode: "no-cors", keepalive: true })
      .catch(function () { /* statistics never break the page */ });
  }

  /* GoatCounter's public counter API answers {"count": "1,866,336", ...}. */
  function readCounter(widget, base, today) {
    var requests = { total: "", today: "?start=" + isoDate(today) };
    Object.keys(requests).forEach(function (key) {
      var target = widget.querySelector('[data-counter="' + key + '"]');
      fetch(base + "/counter/TOTAL.json" + requests[key], { credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
        .then(function (data) { target.textContent = formatNumber(String(data.count).replace(/\D/g, "")); })
        .catch(function () { target.textContent = "—"; });
    });
  }

  function start() {
    var today = todayInVietnam(new Date());
    showDateLine(today);
    refreshHotNews(today);
    enablePrintButtons();
    enableTextSize();
    enableMenuButton();
    var counter = document.querySelector("[data-counter-url]");
    if (counter && window.fetch) {
      var base = counter.getAttribute("data-counter-url").replace(/\/$/, "");
      countVisit(base);
      readCounter(counter, base, today);
    }
    var stats = document.querySelector("[data-visit-stats]");
    if (stats && window.fetch) readVisitStats(stats, stats.getAttribute("data-visit-stats"), today);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

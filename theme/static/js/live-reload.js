/*
 * Preview only (LIVE_RELOAD, set by the preview server): reloads the page when
 * its main content changes after a rebuild. Every half second it fetches the
 * page again and compares its <main> with the first copy it fetched; the rest
 * of the page (the build time in the header, the sidebar) changes with every
 * build and is left out.
 *
 * An article or page whose file now has an error is no longer built, so its
 * open page would stay as it was: the script reads the preview's problems
 * (data-problems) and shows, above the content, the errors of the file the
 * page was built from (data-source).
 */
(function () {
  "use strict";
  var INTERVAL_MS = 500;
  var script = document.currentScript;
  var problemsUrl = script && script.getAttribute("data-problems");
  var source = script && script.getAttribute("data-source");
  var baseline = null;
  var banner = null;
  var polls = 0;

  function mainOf(html) {
    var main = new DOMParser().parseFromString(html, "text/html").querySelector("main");
    return main ? main.innerHTML : html;
  }

  function showProblems(problems) {
    var own = problems.filter(function (p) { return p.is_error && p.file === source; });
    if (!own.length) {
      if (banner) banner.hidden = true;
      return;
    }
    var main = document.querySelector("main");
    if (!main) return;
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "problems-banner problems-banner--page";
      banner.setAttribute("role", "alert");
      main.insertBefore(banner, main.firstChild);
    }
    banner.hidden = false;
    banner.textContent = "";
    var lead = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "Bài này đang có lỗi nên chưa được dựng lại; trang dưới đây là bản cũ.";
    lead.appendChild(strong);
    banner.appendChild(lead);
    var list = document.createElement("ul");
    own.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = "Dòng " + p.line + ": " + p.message + (p.fix ? " (" + p.fix + ")" : "");
      list.appendChild(item);
    });
    banner.appendChild(list);
  }

  function checkProblems() {
    if (!problemsUrl || !source) return Promise.resolve();
    return fetch(problemsUrl, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) showProblems(data.problems || []); })
      .catch(function () { /* a file being replaced: the next poll reads it */ });
  }

  function poll() {
    polls += 1;
    fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        // A page whose article stopped building is removed: ask why.
        if (!response.ok) return checkProblems().then(function () { return null; });
        return response.text();
      })
      .then(function (html) {
        // A page read mid-write is skipped.
        if (html === null || html.indexOf("</html>") < 0) return;
        var current = mainOf(html);
        if (baseline === null) {
          baseline = current;
        } else if (current !== baseline) {
          window.location.reload();
          return "reloading";
        }
        if (polls % 2 === 0) return checkProblems();
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function (state) {
        if (state !== "reloading") window.setTimeout(poll, INTERVAL_MS);
      });
  }

  poll();
})();

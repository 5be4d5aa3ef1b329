/*
 * Preview only (LIVE_RELOAD, set by scripts/serve.sh): reloads the page when
 * its main content changes after a rebuild. Every second it fetches the page
 * again and compares its <main> with the first copy it fetched; the rest of
 * the page (the build time in the header, the sidebar) changes with every
 * build and is left out.
 */
(function () {
  "use strict";
  var INTERVAL_MS = 500;
  var baseline = null;

  function mainOf(html) {
    var main = new DOMParser().parseFromString(html, "text/html").querySelector("main");
    return main ? main.innerHTML : html;
  }

  function poll() {
    fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // Pelican rewrites files in place: a page read mid-write is skipped.
        if (html === null || html.indexOf("</html>") < 0) return;
        var current = mainOf(html);
        if (baseline === null) {
          baseline = current;
        } else if (current !== baseline) {
          window.location.reload();
          return "reloading";
        }
      })
      .catch(function () { /* the server is restarting: try again */ })
      .then(function (state) {
        if (state !== "reloading") window.setTimeout(poll, INTERVAL_MS);
      });
  }

  poll();
})();

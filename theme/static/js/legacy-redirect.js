/* Old portal addresses keyed by query string, such as /ChiTietTinTuc.aspx?nid=7705.
 * A static host cannot choose a file by query string, so one page answers for every
 * nid: this script looks the address up in the build's redirect table
 * (redirects/legacy.json, {old address: new URL}) and replaces the page with the
 * article. Without JavaScript, or for an unknown address, the page shows links to
 * the home page and the site map. Loaded as an external file: no inline script. */
(function () {
  "use strict";

  /* Keys to try, most specific first, in lower case (the old IIS server ignored
   * case): the whole address, then each parameter alone ("nid=7705" out of
   * "nid=7705&tabid=59"), then the bare path. */
  function candidateKeys(path, search) {
    var base = path.toLowerCase();
    var query = search.replace(/^\?/, "").toLowerCase();
    var keys = [];
    if (query) {
      keys.push(base + "?" + query);
      query.split("&").forEach(function (pair) {
        if (pair) keys.push(base + "?" + pair);
      });
    }
    keys.push(base);
    return keys;
  }

  function lowerCaseKeys(table) {
    var result = {};
    Object.keys(table).forEach(function (key) {
      result[key.toLowerCase()] = table[key];
    });
    return result;
  }

  /* Only ever go to a path on this site, never to "//other-host". */
  function isLocalPath(url) {
    return typeof url === "string" && /^\/(?!\/)/.test(url);
  }

  function findTarget(table, path, search) {
    var lower = lowerCaseKeys(table);
    var keys = candidateKeys(path, search);
    for (var i = 0; i < keys.length; i += 1) {
      if (isLocalPath(lower[keys[i]])) return lower[keys[i]];
    }
    return null;
  }

  function show(container, state) {
    Array.prototype.forEach.call(container.querySelectorAll("[data-legacy-state]"), function (element) {
      element.hidden = element.getAttribute("data-legacy-state") !== state;
    });
  }

  function start() {
    var container = document.querySelector("[data-legacy-redirect]");
    if (!container || !window.fetch) return;
    show(container, "loading");
    fetch(container.getAttribute("data-legacy-map"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (table) {
        var target = findTarget(table, container.getAttribute("data-legacy-path"), window.location.search);
        if (target) {
          window.location.replace(target + window.location.hash);
        } else {
          show(container, "missing");
        }
      })
      .catch(function () {
        show(container, "missing");
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

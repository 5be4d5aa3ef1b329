/*
 * documents.js: Văn bản pages. Enhancements only; without JavaScript the pages
 * show the build day's status and the static filter pages work.
 *
 * - Status (tình trạng) from today's date in Vietnam, with the rules of
 *   plugins/official_documents/status.py: in effect from the effective date up
 *   to the day before it ends; a draft is open for comments from its first to
 *   its last day, inclusive. The "Gửi góp ý" button shows only while open.
 * - On /van-ban/, the filters combine with a text box over the compact index
 *   (van-ban/chi-muc.json); the address keeps the filters (?loai=…&q=…).
 *   Keep the list markup in step with components/documents.html.
 *
 * Plain ES2017, no dependencies; the pure functions are exported for node.
 */
(function (root, factory) {
  "use strict";
  var inNode = typeof module === "object" && module.exports;
  var api = factory(inNode ? require("./vntext.js") : root.VnText);
  if (inNode) {
    module.exports = api;
  } else {
    root.OfficialDocuments = api;
    api.startWhenReady(root.document);
  }
})(typeof self !== "undefined" ? self : this, function factory(VnText) {
  "use strict";

  var PAGE_SIZE = 20;
  var FILTERS = ["loai", "co-quan", "linh-vuc", "nam", "tinh-trang"];
  var DRAFTS = "du-thao-lay-y-kien";

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* Today in Vietnam as "yyyy-mm-dd": UTC+7 all year, no daylight saving. */
  function todayInVietnam(now) {
    var shifted = new Date(now.getTime() + 7 * 3600000);
    return shifted.getUTCFullYear() + "-" + pad(shifted.getUTCMonth() + 1) + "-" + pad(shifted.getUTCDate());
  }

  /* "2024-01-22" → "22/01/2024". */
  function formatDate(iso) {
    var parts = iso.split("-");
    return parts[2] + "/" + parts[1] + "/" + parts[0];
  }

  /* {key, label} on `today` (ISO); ISO dates compare as strings. */
  function statusOn(dates, today) {
    if (dates.draft) {
      var from = dates.commentFrom, until = dates.commentUntil;
      if (from && today < from) return { key: "sap-lay-y-kien", label: "Lấy ý kiến từ " + formatDate(from) };
      if (!until || today <= until) {
        return { key: "dang-lay-y-kien", label: "Đang lấy ý kiến" + (until ? " đến " + formatDate(until) : "") };
      }
      return { key: "het-han-lay-y-kien", label: "Đã hết hạn lấy ý kiến" };
    }
    if (dates.effective && today < dates.effective) return { key: "chua-co-hieu-luc", label: "Chưa có hiệu lực" };
    if (dates.ends && today >= dates.ends) return { key: "het-hieu-luc", label: "Hết hiệu lực" };
    return { key: "con-hieu-luc", label: "Còn hiệu lực" };
  }

  /* The status filter's value for a status: drafts are one group. */
  function statusGroup(status) {
    return /y-kien$/.test(status.key) ? DRAFTS : status.key;
  }

  function datesOfElement(element) {
    return {
      draft: element.hasAttribute("data-comment-until"),
      effective: element.getAttribute("data-effective") || "",
      ends: element.getAttribute("data-ends") || "",
      commentFrom: element.getAttribute("data-comment-from") || "",
      commentUntil: element.getAttribute("data-comment-until") || ""
    };
  }

  function datesOfRecord(record) {
    var draft = record.draft || null;
    return {
      draft: Boolean(draft),
      effective: record.effective || "",
      ends: record.ends || "",
      commentFrom: draft ? draft[0] || "" : "",
      commentUntil: draft ? draft[1] || "" : ""
    };
  }

  function showStatus(element, status) {
    if (element.textContent !== status.label) element.textContent = status.label;
    var wanted = "document-status document-status--" + status.key;
    if (element.className !== wanted) element.className = wanted;
  }

  function refreshStatuses(document, today) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-document-status]"), function (element) {
      showStatus(element, statusOn(datesOfElement(element), today));
    });
    var action = document.querySelector("[data-comment-action]");
    var badge = document.querySelector(".document__status [data-document-status]");
    if (action && badge) {
      var open = statusOn(datesOfElement(badge), today).key === "dang-lay-y-kien";
      if (action.hidden === open) action.hidden = !open;
    }
  }

  /* ---------- The compact index and the filters ---------- */

  /* Records with what filtering needs: option slugs, status, folded words. */
  function prepare(index, today) {
    var options = index.options;
    function slugAt(group, position) {
      var option = (options[group] || [])[position];
      return option ? option[0] : "";
    }
    function nameAt(group, position) {
      var option = (options[group] || [])[position];
      return option ? option[1] : "";
    }
    return index.documents.map(function (record) {
      var status = statusOn(datesOfRecord(record), today);
      var kind = nameAt("loai", record.kind);
      var issuer = nameAt("co-quan", record.issuer);
      return {
        record: record,
        kind: kind,
        issuer: issuer,
        title: (record.draft ? "Dự thảo " : "") + kind + " số " + record.number,
        status: status,
        facets: {
          "loai": [slugAt("loai", record.kind)],
          "co-quan": [slugAt("co-quan", record.issuer)],
          "linh-vuc": (record.sectors || []).map(function (p) { return slugAt("linh-vuc", p); }),
          "nam": [record.issued.slice(0, 4)],
          "tinh-trang": [statusGroup(status)]
        },
        numberWords: " " + VnText.foldTokens(record.number).join(" ") + " ",
        words: " " + VnText.foldTokens([record.number, record.summary, record.signer || "", kind, issuer].join(" ")).join(" ")
      };
    });
  }

  /* Every chosen filter holds, and every typed word starts a word of the
   * document: "215 qd ubnd", "215/QD-UBND" and "215/QĐ-UBND" are one query. */
  function matches(item, filters, queryWords) {
    for (var i = 0; i < FILTERS.length; i++) {
      var wanted = filters[FILTERS[i]];
      if (wanted && item.facets[FILTERS[i]].indexOf(wanted) < 0) return false;
    }
    for (var j = 0; j < queryWords.length; j++) {
      if (item.words.indexOf(" " + queryWords[j]) < 0) return false;
    }
    return true;
  }

  /* Matching documents, newest first; those whose number is the query first. */
  function filterDocuments(items, filters) {
    var queryWords = VnText.foldTokens(filters.q || "");
    var phrase = " " + queryWords.join(" ") + " ";
    var found = items.filter(function (item) { return matches(item, filters, queryWords); });
    if (!queryWords.length) return found;
    var exact = found.filter(function (item) { return item.numberWords.indexOf(phrase) === 0; });
    return exact.concat(found.filter(function (item) { return exact.indexOf(item) < 0; }));
  }

  function readFilters(search) {
    var params = new URLSearchParams(search);
    var filters = { q: params.get("q") || "" };
    FILTERS.forEach(function (name) { filters[name] = params.get(name) || ""; });
    return filters;
  }

  function filtersQuery(filters) {
    var params = new URLSearchParams();
    if (filters.q) params.set("q", filters.q);
    FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function element(document, name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function renderItem(document, item, siteUrl) {
    var record = item.record;
    var li = element(document, "li", "document-item");
    var heading = element(document, "h2", "document-item__title");
    var link = element(document, "a", "", item.title);
    link.href = siteUrl + "/" + record.url;
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(element(document, "p", "document-item__summary", record.summary));
    var meta = element(document, "p", "document-item__meta meta", item.issuer + " ");
    var separator = element(document, "span", "meta__sep", "·");
    separator.setAttribute("aria-hidden", "true");
    meta.appendChild(separator);
    meta.appendChild(document.createTextNode(" Ban hành "));
    var time = element(document, "time", "", formatDate(record.issued));
    time.setAttribute("datetime", record.issued);
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(" "));
    var badge = element(document, "span", "document-status document-status--" + item.status.key, item.status.label);
    meta.appendChild(badge);
    li.appendChild(meta);
    return li;
  }

  function setUpFilters(document, form, today, fetchJson, history, location) {
    var list = document.querySelector("[data-document-list]");
    var count = document.querySelector("[data-document-count]");
    var more = document.querySelector("[data-document-more]");
    var pagination = document.querySelector("[data-document-pagination]");
    var siteUrl = form.getAttribute("data-site-url") || "";
    var items = [];
    var found = [];
    var shown = 0;

    function currentFilters() {
      var filters = { q: form.elements.q.value.trim() };
      FILTERS.forEach(function (name) { filters[name] = form.elements[name].value; });
      return filters;
    }

    function showMore() {
      var end = Math.min(found.length, shown + PAGE_SIZE);
      var fragment = document.createDocumentFragment();
      for (var i = shown; i < end; i++) fragment.appendChild(renderItem(document, found[i], siteUrl));
      list.appendChild(fragment);
      shown = end;
      more.hidden = shown >= found.length;
      if (!more.hidden) more.textContent = "Xem thêm văn bản (còn " + (found.length - shown) + ")";
    }

    function apply(filters, remember) {
      found = filterDocuments(items, filters);
      list.textContent = "";
      shown = 0;
      showMore();
      count.textContent = found.length
        ? "Có " + VnText.formatNumber(found.length) + " văn bản phù hợp."
        : "Không có văn bản nào phù hợp. Hãy bỏ bớt điều kiện lọc.";
      if (remember) history.replaceState(null, "", location.pathname + filtersQuery(filters));
    }

    var initial = readFilters(location.search);
    form.elements.q.value = initial.q;
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === initial[name]; });
      select.value = known ? initial[name] : "";
    });
    form.hidden = false;
    return fetchJson(form.getAttribute("data-index-url")).then(function (index) {
      items = prepare(index, today);
      if (pagination) pagination.hidden = true;
      apply(currentFilters(), false);
      form.addEventListener("input", function () { apply(currentFilters(), true); });
      form.addEventListener("change", function () { apply(currentFilters(), true); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        apply(currentFilters(), true);
      });
      form.addEventListener("reset", function () {
        setTimeout(function () { apply(currentFilters(), true); }, 0);
      });
      more.addEventListener("click", showMore);
    }).catch(function () {
      // The static list and the filter pages stay (site.css shows them).
      form.hidden = true;
      form.setAttribute("data-failed", "");
    });
  }

  function start(document) {
    var today = todayInVietnam(new Date());
    refreshStatuses(document, today);
    var form = document.querySelector("[data-document-filter]");
    if (form && VnText && window.fetch && window.URLSearchParams) {
      var fetchJson = function (url) {
        return fetch(url, { credentials: "omit" }).then(function (response) {
          return response.ok ? response.json() : Promise.reject(response);
        });
      };
      setUpFilters(document, form, today, fetchJson, window.history, window.location);
    }
  }

  function startWhenReady(document) {
    if (!document) return;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { start(document); });
    } else {
      start(document);
    }
  }

  return {
    todayInVietnam: todayInVietnam,
    formatDate: formatDate,
    statusOn: statusOn,
    statusGroup: statusGroup,
    prepare: prepare,
    filterDocuments: filterDocuments,
    readFilters: readFilters,
    filtersQuery: filtersQuery,
    startWhenReady: startWhenReady
  };
});

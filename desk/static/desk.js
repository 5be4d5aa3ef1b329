/*
 * desk.js: the editors' desk on Decap CMS.
 *
 * Registers the project's formats, controls and Vietnamese, fills the hidden
 * fields a new file's name needs, starts the CMS with the configuration the
 * server makes from the site's settings, and adds the desk's own bar:
 * - the open file's problems after each save (the same checks as the build),
 *   each naming its field and taking the editor to it;
 * - "Xem trước": the real page from the preview build, once it is rebuilt;
 * - "Xuất bản": the production build and deploy, with its progress and result.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var F = window.SokhcnFormats;
  var API = "/quan-tri/api/";
  var setup = null;
  var bar = null;
  var current = { path: null, problems: [] };

  // --- the CMS --------------------------------------------------------------------

  CMS.registerLocale("vi", window.SokhcnLocale);
  CMS.registerCustomFormat("sokhcn-bai-viet", "md", F.article);
  CMS.registerCustomFormat("sokhcn-trang", "md", F.page);
  CMS.registerCustomFormat("sokhcn-van-ban", "md", F.document);
  CMS.registerCustomFormat("sokhcn-lich-tuan", "md", F.schedule);
  CMS.registerCustomFormat("sokhcn-website-lien-ket", "md", F.links);
  window.SokhcnWidgets.register(CMS);

  /* Decap's picture in the body, with Vietnamese labels, writing the site's
     own link to it: ![mô tả]({static}/images/2026/anh.jpg). */
  var IMAGE = /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/;
  CMS.registerEditorComponent({
    id: "image",
    label: "Ảnh",
    pattern: IMAGE,
    fields: [
      { label: "Ảnh", name: "image", widget: "image", media_library: { allow_multiple: false } },
      { label: "Mô tả ảnh", name: "alt", hint: "Ảnh cho thấy gì, cho người không xem được ảnh" },
      { label: "Chú thích khi rê chuột", name: "title", required: false },
    ],
    fromBlock: function (match) {
      return match && { image: match[2], alt: match[1], title: match[4] };
    },
    toBlock: function (data) {
      var src = (data.image || "").replace(/^\/?(images|files)\//, "{static}/$1/");
      var title = data.title ? ' "' + data.title.replace(/"/g, '\\"') + '"' : "";
      return "![" + (data.alt || "") + "](" + src + title + ")";
    },
    toPreview: function (data, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get("widget") === "image"; });
      return window.h("img", { src: getAsset(data.image, field) || "", alt: data.alt || "" });
    },
  });

  /* A file name from the title, with the site's own slug rules (vntext.js). */
  function fileName(title, longest) {
    var slug = window.VnText.slugify(title || "");
    longest = longest || 80;
    if (slug.length <= longest) return slug;
    return slug.slice(0, longest + 1).replace(/-[^-]*$/, "");
  }

  function isDocuments(name) {
    var collection = setup && collectionOf(name);
    return !!collection && collection.format === "sokhcn-van-ban";
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get("data");
      // An entry read from its file always keeps that file's text: without it,
      // the form holds another entry's data, and saving would overwrite the file.
      if (entry.get("path") && !entry.get("newRecord") && typeof data.get("_nguon") !== "string") {
        throw new Error("bài chưa được mở đúng. Hãy tải lại trang rồi sửa lại.");
      }
      if (entry.get("collection") === "lich-cong-tac") {
        return data.set("_nam", String(data.get("week") || "").slice(0, 4));
      }
      if (isDocuments(entry.get("collection"))) {
        // A new document: content/van-ban/<year of issue>/<number and summary>.md,
        // as "215-qd-ubnd-cong-bo-danh-muc-thu-tuc-hanh-chinh.md".
        if (data.get("_nguon")) return data;
        var issued = data.get("issued");
        var named = [data.get("number"), data.get("summary")].filter(Boolean).join(" ");
        data = data.set("_ten", fileName(named, 60));
        return F.isIsoDate(issued) ? data.set("_nam", issued.slice(0, 4)) : data;
      }
      if (!data.get("_nguon")) {
        data = data.set("_ten", fileName(data.get("title")));
        var date = data.get("date");
        if (F.isIsoDate(date)) data = data.set("_nam", date.slice(0, 4));
      }
      return data;
    },
  });

  CMS.registerEventListener({
    name: "postSave",
    handler: function (event) {
      var path = event.entry.get("path");
      current.path = path;
      current.savedAt = Date.now();
      checkFile(path);
    },
  });

  /* Decap shows these as they are; they never pass through its locale. */
  var nativeConfirm = window.confirm.bind(window);
  window.confirm = function (message) {
    var exists = /^(.*) already exists\. Do you want to replace it\?$/.exec(message || "");
    return nativeConfirm(exists ? "Đã có tệp “" + exists[1] + "”. Thay tệp đó bằng tệp mới?" : message);
  };
  var ENGLISH_NOTICES = [
    [/^Failed to persist media: (?:APIError: )?/, "Chưa tải lên được: "],
    [/^Failed to load media: /, "Không tải được ảnh và tệp: "],
    [/^Failed to delete media: /, "Chưa xoá được: "],
    [/^Failed to load entries: /, "Không tải được danh sách: "],
  ];
  function translateNotices(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      for (var i = 0; i < ENGLISH_NOTICES.length; i += 1) {
        if (ENGLISH_NOTICES[i][0].test(node.data)) {
          node.data = node.data.replace(ENGLISH_NOTICES[i][0], ENGLISH_NOTICES[i][1]);
        }
      }
      if (/^(APIError|Error): /.test(node.data)) node.data = node.data.replace(/^(APIError|Error): /, "");
    }
  }

  function start() {
    fetch(API + "cau-hinh", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        setup = answer;
        // The editor has logged in already (nginx, or this machine): the CMS's
        // own login screen would only ask for a click.
        var user = { backendName: "proxy", name: answer.editor || "Biên tập viên", login: answer.editor || "" };
        window.localStorage.setItem("decap-cms-user", JSON.stringify(user));
        CMS.init({ config: answer.config });
        buildBar();
        new MutationObserver(function (changes) {
          changes.forEach(function (change) {
            change.addedNodes.forEach(function (node) {
              if (node.nodeType === 1 && node !== bar) translateNotices(node);
              if (node.nodeType === 3) translateNotices(node.parentNode);
            });
          });
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        window.addEventListener("hashchange", followRoute);
        followRoute();
      })
      .catch(function () {
        document.body.textContent = "Không tải được cấu hình của bàn biên tập: hãy tải lại trang.";
      });
  }

  // --- which file is open -----------------------------------------------------

  function collectionOf(name) {
    var found = null;
    (setup.config.collections || []).forEach(function (c) { if (c.name === name) found = c; });
    return found;
  }

  /* "#/collections/tin-tuc/entries/2026/bai" → "content/articles/2026/bai.md". */
  function openFile() {
    var match = /^#\/collections\/([^/]+)\/entries\/(.+)$/.exec(window.location.hash);
    if (!match) return null;
    var collection = collectionOf(decodeURIComponent(match[1]));
    if (!collection) return null;
    var slug = decodeURIComponent(match[2]);
    if (collection.files) {
      var file = collection.files.filter(function (f) { return f.name === slug; })[0];
      return file ? { path: file.file, collection: collection } : null;
    }
    return { path: collection.folder + "/" + slug + "." + (collection.extension || "md"), collection: collection };
  }

  var lastRoute = window.location.hash;

  /* After a new entry's first save, Decap itself goes from ".../new" to the
     saved entry's address: that one stays. */
  function isSaveRedirect(route) {
    var from = /^#\/collections\/([^/]+)\/new/.exec(lastRouteBefore);
    var to = /^#\/collections\/([^/]+)\/entries\//.exec(route);
    return !!(from && to && from[1] === to[1] && Date.now() - current.savedAt < 5000);
  }
  var lastRouteBefore = lastRoute;

  function followRoute() {
    var route = window.location.hash;
    var changed = route !== lastRoute;
    lastRouteBefore = lastRoute;
    var wasEntry = /^#\/collections\/[^/]+\/(entries\/|new)/.test(lastRoute);
    var isEntry = /^#\/collections\/[^/]+\/entries\//.test(route);
    lastRoute = route;
    // Decap keeps its editor when the address goes straight from one entry to
    // a saved one (a typed address, Back or Forward), with the first entry's
    // data in the second one's form: open it afresh instead. (A new entry's
    // form is made afresh by Decap.)
    if (changed && wasEntry && isEntry && !isSaveRedirect(route)) {
      window.location.reload();
      return;
    }
    var open = openFile();
    var path = open ? open.path : null;
    if (path !== current.path) {
      current = { path: path, problems: [], collection: open && open.collection };
      render();
      if (path) checkFile(path);
    }
  }

  // --- problems --------------------------------------------------------------------

  function checkFile(path) {
    fetch(API + "kiem-tra?tep=" + encodeURIComponent(path), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { problems: [] }; })
      .then(function (answer) {
        if (current.path !== path) return;
        current.problems = answer.problems || [];
        render();
        markFields();
      });
  }

  function openCollection() {
    return current.collection || (openFile() || {}).collection;
  }

  function fieldLabel(name) {
    var collection = openCollection();
    var fields = collection && (collection.fields || (collection.files && collection.files[0].fields));
    var found = (fields || []).filter(function (f) { return f.name === name; })[0];
    return found ? found.label : "";
  }

  function problemPlace(problem) {
    if (problem.field === "items" && problem.index !== null) {
      return "Mục lịch thứ " + (problem.index + 1);
    }
    return fieldLabel(problem.field) || "Dòng " + problem.line;
  }

  /* The label Decap renders for a field, found by its text. */
  function labelElement(text) {
    var labels = document.querySelectorAll("label[for]");
    for (var i = 0; i < labels.length; i += 1) {
      var own = (labels[i].firstChild && labels[i].firstChild.textContent || labels[i].textContent).trim();
      if (own === text || labels[i].textContent.trim().indexOf(text) === 0) return labels[i];
    }
    return null;
  }

  function goToField(problem) {
    var target = labelElement(problem.field === "items" ? fieldLabel("items") : fieldLabel(problem.field));
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    var control = document.getElementById(target.htmlFor);
    if (control && control.focus) control.focus();
  }

  function markFields() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-desk-problem]"), function (node) {
      node.removeAttribute("data-desk-problem");
    });
    current.problems.forEach(function (problem) {
      var target = labelElement(fieldLabel(problem.field));
      if (target && target.parentNode) target.parentNode.setAttribute("data-desk-problem", problem.is_error ? "loi" : "canh-bao");
    });
  }

  // --- the bar ---------------------------------------------------------------------

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (name === "onclick") node.addEventListener("click", attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function buildBar() {
    bar = element("aside", { class: "desk-bar", "aria-label": "Kiểm tra, xem trước và xuất bản" });
    document.body.appendChild(bar);
    render();
  }

  function render() {
    if (!bar) return;
    bar.textContent = "";
    var problems = current.problems || [];
    var errors = problems.filter(function (p) { return p.is_error; });
    var status;
    var collection = current.path && openCollection();
    var noun = collection && isDocuments(collection.name) ? "văn bản" : "bài";
    if (!current.path) status = "Mở một bài để xem bài có lỗi gì và xem trước bài.";
    else if (!problems.length) status = noun.charAt(0).toUpperCase() + noun.slice(1) + " không có lỗi.";
    else status = errors.length + " lỗi, " + (problems.length - errors.length) + " cảnh báo trong " + noun + ":";
    var list = null;
    if (problems.length) {
      list = element("ul", { class: "desk-bar__problems" });
      problems.forEach(function (problem) {
        var text = problemPlace(problem) + ": " + problem.message + (problem.fix ? " (" + problem.fix + ")" : "");
        var button = element("button", {
          type: "button",
          class: "desk-bar__problem desk-bar__problem--" + (problem.is_error ? "loi" : "canh-bao"),
          text: (problem.is_error ? "Lỗi — " : "Cảnh báo — ") + text,
          onclick: function () { goToField(problem); },
        });
        list.appendChild(element("li", {}, [button]));
      });
    }
    var actions = element("div", { class: "desk-bar__actions" }, [
      element("button", {
        type: "button",
        class: "desk-bar__button",
        text: "Xem trước",
        "aria-disabled": current.path ? "false" : "true",
        title: "Trang của bài trên bản xem trước, như sẽ hiện trên cổng",
        onclick: openPreview,
      }),
      element("button", {
        type: "button",
        class: "desk-bar__button desk-bar__button--publish",
        text: "Xuất bản",
        title: "Đưa những gì đã lưu lên cổng",
        onclick: askToPublish,
      }),
    ]);
    bar.appendChild(element("div", { class: "desk-bar__status", role: "status" }, [
      element("p", { text: status }), list,
    ]));
    bar.appendChild(actions);
  }

  // --- Xem trước -------------------------------------------------------------------

  function openPreview() {
    if (!current.path) {
      window.alert("Hãy lưu bài trước, rồi bấm Xem trước.");
      return;
    }
    window.open("/quan-tri/xem-truoc.html?tep=" + encodeURIComponent(current.path), "_blank");
  }

  // --- Xuất bản ------------------------------------------------------------------------

  var dialog = null;

  function askToPublish() {
    if (dialog) dialog.remove();
    var title = element("h2", { id: "xuat-ban-tieu-de", text: "Xuất bản lên cổng" });
    var body = element("div", { class: "desk-dialog__body", "aria-live": "polite" }, [
      element("p", { text: "Những gì đã lưu sẽ được dựng thành bản chính thức và đưa lên cổng. " +
        "Nếu còn lỗi, cổng giữ nguyên như cũ và bàn biên tập cho biết lỗi ở đâu." }),
    ]);
    var go = element("button", { type: "button", class: "desk-bar__button desk-bar__button--publish", text: "Xuất bản" });
    var close = element("button", { type: "button", class: "desk-bar__button desk-bar__button--quiet", text: "Đóng" });
    dialog = element("div", { class: "desk-dialog", role: "dialog", "aria-modal": "true",
      "aria-labelledby": "xuat-ban-tieu-de" }, [
      element("div", { class: "desk-dialog__box" }, [title, body,
        element("div", { class: "desk-dialog__actions" }, [go, close])]),
    ]);
    close.addEventListener("click", function () { dialog.remove(); dialog = null; });
    go.addEventListener("click", function () {
      go.remove();
      publish(body);
    });
    document.body.appendChild(dialog);
    go.focus();
  }

  function publish(body) {
    body.textContent = "";
    var progress = element("p", { class: "desk-dialog__progress", text: "Đang xuất bản..." });
    var problems = element("ul", { class: "desk-bar__problems" });
    var log = element("pre", { class: "desk-dialog__log", tabindex: "0" });
    var details = element("details", { class: "desk-dialog__details" }, [
      element("summary", { text: "Chi tiết quá trình xuất bản" }), log,
    ]);
    [progress, problems, details].forEach(function (node) { body.appendChild(node); });
    fetch(API + "xuat-ban", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tep: current.path }),
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok && response.status !== 409) throw new Error(answer.error);
        follow(progress, problems, log);
      });
    }).catch(function (error) {
      progress.textContent = "Chưa xuất bản được: " + error.message;
    });
  }

  /* The lines of `sokhcn publish` that name a problem: "tệp:dòng: lỗi: ..." and "Lỗi: ...". */
  function problemLines(lines) {
    return lines.filter(function (line) { return /: lỗi: |^Lỗi: /.test(line); });
  }

  function follow(progress, problems, log) {
    fetch(API + "xuat-ban", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        log.textContent = state.lines.join("\n");
        log.scrollTop = log.scrollHeight;
        if (state.running) {
          progress.textContent = "Đang xuất bản... " + (state.lines[state.lines.length - 1] || "");
          window.setTimeout(function () { follow(progress, problems, log); }, 500);
          return;
        }
        progress.textContent = "";
        progress.setAttribute("role", "alert");
        if (state.code === 0) {
          progress.appendChild(element("strong", { text: "Đã xuất bản." }));
          if (state.address) {
            progress.appendChild(document.createTextNode(" Địa chỉ của bài: "));
            progress.appendChild(element("a", { href: state.address, target: "_blank", rel: "noopener", text: state.address }));
          }
          return;
        }
        progress.appendChild(element("strong", {
          text: "Chưa xuất bản: cổng được giữ nguyên như cũ. Sửa các lỗi dưới đây rồi xuất bản lại.",
        }));
        problemLines(state.lines).forEach(function (line) {
          problems.appendChild(element("li", {}, [element("p", {
            class: "desk-bar__problem desk-bar__problem--loi", text: line,
          })]));
        });
      });
  }

  start();
})();

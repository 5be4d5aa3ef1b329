/*
 * accessible.js: repairs Decap CMS 3.16's own screens for screen readers and
 * keyboards (WCAG 2.1 AA, checked with axe-core), from outside: Decap's file
 * stays as npm ships it. React redraws Decap's parts at any time, so every
 * repair runs again after each change to the page. Each one names the Decap
 * element and what it lacks; every name added is Vietnamese.
 */
(function () {
  "use strict";

  function set(node, name, value) {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  function ownText(node) {
    var label = node && node.querySelector("label");
    return label ? (label.firstChild && label.firstChild.textContent || label.textContent).trim() : "";
  }

  // The entry editor's screen (the Markdown widget has an EditorContainer too).
  var EDITOR = '[class*="AppMainContainer"] > [class*="EditorContainer"]';
  // A card of the picture and file library; a chosen card has Decap's active border.
  var CARD = '[class*="CardGridContainer"] [tabindex="0"]';
  var DECAP_ACTIVE = "rgb(58, 105, 199)";
  var dialogs = 0;
  var REPAIRS = [
    // The editor's top bar (back link, Lưu, account) and its form are in no
    // landmark: Decap's other screens use <header> and <main>.
    [EDITOR + ' > [class*="ToolbarContainer"]', function (bar) {
      set(bar, "role", "banner");
    }],
    [EDITOR + ' > :not([class*="ToolbarContainer"])', function (editor) {
      set(editor, "role", "main");
    }],
    // The rich text box (Slate) of a Markdown field has no name: its field's label.
    ['[data-slate-editor][role="textbox"]', function (box) {
      set(box, "aria-label", ownText(box.closest('[class*="ControlContainer"]')) || "Nội dung");
    }],
    // The Soạn thảo / Mã Markdown switch has no name (Decap's Toggle drops its
    // aria-label) and no aria-checked until first clicked.
    ['[class*="ToolbarToggle"][role="switch"]', function (toggle) {
      set(toggle, "aria-label", "Soạn bằng mã Markdown");
      if (!toggle.hasAttribute("aria-checked")) toggle.setAttribute("aria-checked", "false");
    }],
    // The heading and "Chèn" menus of the Markdown toolbar: a focusable button
    // inside a span[role=button]. The span opens the menu (keys and clicks), so
    // it takes the button's name and the button goes inert (a click on it
    // lands on the span).
    ['[class*="ToolbarDropdownWrapper"] [role="button"][aria-haspopup]', function (menu) {
      var inner = menu.querySelector("button");
      if (!inner) return;
      if (inner.title) set(menu, "aria-label", inner.title);
      set(inner, "inert", "");
      set(inner, "aria-hidden", "true");
    }],
    // A list item's top bar: two icon buttons without names (fold, remove).
    ['[class*="ListItemTopBar"] > button:first-child', function (fold) {
      var summary = fold.parentNode.nextElementSibling;  // shown only when folded
      var folded = !!summary && window.getComputedStyle(summary).display !== "none";
      set(fold, "aria-label", "Thu gọn hoặc mở mục");
      set(fold, "aria-expanded", folded ? "false" : "true");
    }],
    ['[class*="ListItemTopBar"] > button:last-child', function (remove) {
      set(remove, "aria-label", "Xoá mục");
    }],
    // The list item's drag handle (dnd-kit) works with a mouse or a finger
    // only: Decap gives it no keyboard sensor, so it is no tab stop and no
    // nameless button; items are added and removed with the buttons above.
    ['[aria-roledescription="sortable"][role="button"]', function (handle) {
      set(handle, "tabindex", "-1");
      set(handle, "aria-hidden", "true");
    }],
    // Decap's menus (Viết mới, Lưu, the Markdown toolbar's): their items sit in
    // a <ul> without <li>, between role=menu and role=menuitem.
    ['[role="menu"] > ul', function (list) {
      set(list, "role", "none");
    }],
    // Decap's notices (react-toastify) are in no landmark.
    [".Toastify", function (notices) {
      set(notices, "role", "region");
      set(notices, "aria-label", "Thông báo");
    }],
    // The library's cards: a picture without alt (its file name is under it),
    // and a tab stop that only a click selects (see the keys below).
    ['[class*="CardImage"]:not([alt])', function (picture) {
      set(picture, "alt", "");
    }],
    [CARD, function (cell) {
      var card = cell.firstElementChild;
      if (!card) return;
      set(cell, "role", "button");
      set(cell, "aria-pressed", String(window.getComputedStyle(card).borderTopColor === DECAP_ACTIVE));
    }],
    // Decap's dialogs (the picture and file library) have no name: their heading.
    ['[role="dialog"]:not([aria-label])', function (dialog) {
      var named = document.getElementById(dialog.getAttribute("aria-labelledby") || "");
      var heading = dialog.querySelector("h1, h2");
      if ((named && dialog.contains(named)) || !heading) return;
      if (!heading.id) heading.id = "desk-hop-thoai-" + (dialogs += 1);
      set(dialog, "aria-labelledby", heading.id);
    }],
  ];

  function repair() {
    REPAIRS.forEach(function (rule) {
      Array.prototype.forEach.call(document.querySelectorAll(rule[0]), rule[1]);
    });
  }

  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repair(); });
  }

  // Enter or Space on a library card chooses it, as a click does.
  document.addEventListener("keydown", function (event) {
    var cell = event.target;
    if ((event.key === "Enter" || event.key === " ") && cell.matches && cell.matches(CARD) && cell.firstElementChild) {
      event.preventDefault();
      cell.firstElementChild.click();
    }
  });

  new MutationObserver(soon).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
  });
  repair();
})();

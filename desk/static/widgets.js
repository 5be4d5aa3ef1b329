/*
 * widgets.js: the desk's own form controls, with their checks in Vietnamese.
 *
 * - ngay-gio: a date (and time) typed day first, "16/11/2017 10:00", stored as
 *   "2017-11-16T10:00"; a day that does not exist is an error in the form.
 *   (Decap's datetime control is the browser's, which shows the month first on
 *   an English Windows.)
 * - danh-sach: a plain select whose value must be one of its options, so an
 *   article with an unknown category is stopped before it is saved.
 * - mo-ta-anh: the picture's description, required when there is a picture.
 * - tuan: the ISO week of a calendar file; chosen for a new week, shown for an
 *   existing one (its file is named after it).
 * - ngay-trong-tuan: one of the seven days of the entry's week.
 * - chu: a line of text (a document's signer, the address for comments).
 * - nhieu-lua-chon: several values from a list, as check boxes (Lĩnh vực).
 * - van-ban-lien-quan: other documents by their số ký hiệu (Thay thế, Sửa
 *   đổi), offered from the documents on the site.
 *
 * A field with `document_check` also gets the document's checks across its
 * fields (SokhcnFormats.documentProblems): an effective date before the issue
 * date is an error at "Ngày hiệu lực". With `unless_draft` too, those checks
 * ask for its value (a draft for comment may leave it empty), not Decap's.
 *
 * Uses Decap's globals h (React.createElement) and createClass.
 */
(function () {
  "use strict";
  var F = window.SokhcnFormats;
  var h = window.h;

  function label(props) {
    return props.field.get("label", props.field.get("name"));
  }

  function invalid(message) {
    return { error: { type: "CUSTOM", message: message } };
  }

  function options(field) {
    return (field.get("options") ? field.get("options").toJS() : []).map(function (option) {
      return typeof option === "string" ? { label: option, value: option } : option;
    });
  }

  function dataOf(props, key) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return entry && entry.getIn(["data", key]);
  }

  function listOf(value) {
    if (value && typeof value.toJS === "function") value = value.toJS();
    return Array.isArray(value) ? value : [];
  }

  /* Decap's own "required" check gets a value: documentProblems decides. */
  function presence(props) {
    return props.field.get("unless_draft") ? props.value || "(xem kiểm tra văn bản)" : props.value;
  }

  /* The document's checks across fields, for a field with `document_check`. */
  function documentCheck(props) {
    var key = props.field.get("document_check");
    var entry = key && props.getEntry && props.getEntry();
    if (!entry) return true;
    var message = F.documentProblems(entry.get("data").toJS())[key];
    return message ? invalid(message) : true;
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function nowIso(withTime) {
    var now = new Date();
    var day = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    return withTime ? day + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes()) : day;
  }

  function textInput(props) {
    return h("input", {
      type: "text",
      id: props.forID,
      className: props.classNameWrapper,
      value: props.value || "",
      onChange: function (event) { props.onChange(event.target.value); },
      onFocus: props.setActiveStyle,
      onBlur: props.setInactiveStyle,
    });
  }

  // --- ngay-gio ---------------------------------------------------------------

  var DateTimeControl = window.createClass({
    getValidateValue: function () {
      return presence(this.props);
    },
    withTime: function () {
      return this.props.field.get("time") !== false;
    },
    shown: function (value) {
      return F.isIsoDate(value) ? F.formatDate(value, this.withTime()) : value || "";
    },
    getInitialState: function () {
      return { text: this.shown(this.props.value) };
    },
    componentDidUpdate: function (previous) {
      if (previous.value !== this.props.value && !this.typing) {
        this.setState({ text: this.shown(this.props.value) });
      }
    },
    change: function (event) {
      var text = event.target.value;
      var parsed = F.parseDate(text);
      this.setState({ text: text });
      this.props.onChange(parsed.iso ? parsed.iso : text);
    },
    setNow: function () {
      var value = nowIso(this.withTime());
      this.setState({ text: this.shown(value) });
      this.props.onChange(value);
    },
    isValid: function () {
      var value = this.props.value;
      if (!value || F.isIsoDate(value)) return documentCheck(this.props);
      return invalid(label(this.props) + ": " + F.parseDate(value).error + ".");
    },
    render: function () {
      var self = this;
      var props = this.props;
      var value = props.value;
      var help = F.isIsoDate(value) && value.length > 10
        ? F.weekdayName(value.slice(0, 10)) + ", " + F.formatDate(value, true)
        : F.isIsoDate(value) ? F.weekdayName(value) + ", " + F.formatDate(value, false) : "";
      return h("div", { className: "desk-date" },
        h("input", {
          type: "text",
          id: props.forID,
          className: props.classNameWrapper,
          value: this.state.text,
          inputMode: "numeric",
          autoComplete: "off",
          placeholder: this.withTime() ? "dd/mm/yyyy HH:MM" : "dd/mm/yyyy",
          "aria-describedby": props.forID + "-ngay",
          onChange: this.change,
          onFocus: function () { self.typing = true; props.setActiveStyle(); },
          onBlur: function () {
            self.typing = false;
            self.setState({ text: self.shown(props.value) });
            props.setInactiveStyle();
          },
        }),
        h("button", { type: "button", className: "desk-date__now", onClick: this.setNow },
          this.withTime() ? "Bây giờ" : "Hôm nay"),
        h("span", { className: "desk-date__day", id: props.forID + "-ngay" }, help)
      );
    },
  });

  // --- danh-sach ------------------------------------------------------------------

  var SelectControl = window.createClass({
    isValid: function () {
      var value = this.props.value;
      var known = options(this.props.field).some(function (o) { return o.value === value; });
      if (!value || known) return true;
      return invalid(label(this.props) + " “" + value + "” không có trong danh sách: hãy chọn lại.");
    },
    render: function () {
      var props = this.props;
      var value = props.value || "";
      var list = options(props.field);
      var known = list.some(function (o) { return o.value === value; });
      var choices = [h("option", { key: "", value: "" },
        props.field.get("required", true) ? "— Chọn —" : "(không chọn)")];
      list.forEach(function (o) {
        choices.push(h("option", { key: o.value, value: o.value }, o.label));
      });
      if (value && !known) {
        choices.push(h("option", { key: "?", value: value }, value + " (không có trong danh sách)"));
      }
      return h("select", {
        id: props.forID,
        className: props.classNameWrapper,
        value: value,
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      }, choices);
    },
  });

  // --- mo-ta-anh ----------------------------------------------------------------

  var AltTextControl = window.createClass({
    isValid: function () {
      var text = (this.props.value || "").trim();
      if (text || !dataOf(this.props, this.props.field.get("picture", "image"))) return true;
      return invalid("Có ảnh đại diện thì phải có mô tả ảnh: viết ảnh cho thấy gì.");
    },
    render: function () {
      return textInput(this.props);
    },
  });

  // --- tuan -------------------------------------------------------------------------

  /*
   * The week of the calendar file being edited: from the address of the open
   * entry ("#/collections/lich-cong-tac/entries/2026/2026-W48"), or, for a new
   * one, the week chosen in its "Tuần" control. (Controls inside a list do not
   * always get the current entry from Decap.)
   */
  var chosenWeek = "";

  function weekOfEntry(props) {
    var fromAddress = /\/entries\/(?:\d{4}\/)?(\d{4}-W\d{2})$/i.exec(window.location.hash);
    if (fromAddress) return fromAddress[1].toUpperCase();
    return (props && props.value && /^\d{4}-W\d{2}$/.test(props.value) && props.value) ||
      chosenWeek || (props && dataOf(props, "week")) || "";
  }

  function isNewEntry() {
    return /\/new$/.test(window.location.hash);
  }

  var WeekControl = window.createClass({
    isValid: function () {
      if (/^\d{4}-W\d{2}$/.test(this.props.value || weekOfEntry(this.props))) return true;
      return invalid("Hãy chọn tuần của lịch.");
    },
    render: function () {
      var props = this.props;
      chosenWeek = props.value || "";
      if (!isNewEntry()) {
        return h("input", {
          type: "text", id: props.forID, className: props.classNameWrapper,
          readOnly: true, value: F.weekTitle(weekOfEntry(props)),
        });
      }
      var today = nowIso(false);
      var weeks = [];
      for (var offset = -14; offset <= 70; offset += 7) {
        var day = new Date(Date.parse(today + "T12:00:00Z") + offset * 86400000);
        weeks.push(F.isoWeek(day.toISOString().slice(0, 10)));
      }
      return h("select", {
        id: props.forID,
        className: props.classNameWrapper,
        value: props.value || "",
        onChange: function (event) {
          chosenWeek = event.target.value;
          props.onChange(event.target.value);
        },
      }, [h("option", { key: "", value: "" }, "— Chọn tuần —")].concat(weeks.map(function (week) {
        return h("option", { key: week, value: week },
          F.weekTitle(week) + (week === F.isoWeek(today) ? " — tuần này" : ""));
      })));
    },
  });

  // --- ngay-trong-tuan ------------------------------------------------------------

  var DayControl = window.createClass({
    days: function () {
      return F.weekDays(weekOfEntry(null));
    },
    isValid: function () {
      var value = this.props.value;
      if (!value) return true;
      var days = this.days();
      if (days.length && days.indexOf(value) < 0) {
        return invalid("Ngày " + F.formatDate(value, false) + " không thuộc tuần của lịch này.");
      }
      return true;
    },
    render: function () {
      var self = this;
      var props = this.props;
      var value = props.value || "";
      var days = this.days();
      var choices = [h("option", { key: "", value: "" },
        days.length ? "— Chọn ngày —" : "— Chọn tuần trước —")];
      days.forEach(function (day) {
        choices.push(h("option", { key: day, value: day },
          F.weekdayName(day) + ", " + F.formatDate(day, false)));
      });
      if (value && days.indexOf(value) < 0) {
        choices.push(h("option", { key: value, value: value }, F.formatDate(value, false)));
      }
      return h("select", {
        id: props.forID,
        className: props.classNameWrapper,
        value: value,
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: function () { self.forceUpdate(); props.setActiveStyle(); },
        onBlur: props.setInactiveStyle,
      }, choices);
    },
  });

  // --- chu -------------------------------------------------------------------------

  var TextControl = window.createClass({
    getValidateValue: function () {
      return presence(this.props);
    },
    isValid: function () {
      return documentCheck(this.props);
    },
    render: function () {
      return textInput(this.props);
    },
  });

  // --- nhieu-lua-chon -------------------------------------------------------------

  var ChoicesControl = window.createClass({
    isValid: function () {
      var known = options(this.props.field).map(function (o) { return o.value; });
      var unknown = listOf(this.props.value).filter(function (v) { return known.indexOf(v) < 0; });
      if (!unknown.length) return true;
      return invalid(label(this.props) + " “" + unknown.join("”, “") +
        "” không có trong danh sách: hãy bỏ chọn rồi chọn lại.");
    },
    render: function () {
      var props = this.props;
      var chosen = listOf(props.value);
      var list = options(props.field);
      list = list.concat(chosen.filter(function (value) {
        return !list.some(function (o) { return o.value === value; });
      }).map(function (value) {
        return { label: value + " (không có trong danh sách)", value: value };
      }));
      function toggle(value, on) {
        var next = list.map(function (o) { return o.value; }).filter(function (v) {
          return v === value ? on : chosen.indexOf(v) >= 0;
        });
        props.onChange(next);
      }
      return h("div", {
        id: props.forID, role: "group", tabIndex: -1, "aria-label": label(props),
        className: props.classNameWrapper + " desk-choices",
      }, list.map(function (o, index) {
        var id = props.forID + "-" + index;
        return h("div", { key: o.value, className: "desk-choices__item" },
          h("input", {
            type: "checkbox", id: id, value: o.value, checked: chosen.indexOf(o.value) >= 0,
            onChange: function (event) { toggle(o.value, event.target.checked); },
            onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle,
          }),
          h("label", { htmlFor: id }, o.label));
      }));
    },
  });

  // --- van-ban-lien-quan -------------------------------------------------------------

  /* The documents on the site ({number, year, title, summary, issued}), asked
     for once per page: a document saved since shows after a reload. */
  var knownDocuments = null;
  var documentsAsked = null;

  function askDocuments(done) {
    if (!documentsAsked) {
      documentsAsked = fetch("/quan-tri/api/van-ban", { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { documents: null }; })
        .then(function (answer) { knownDocuments = answer.documents; })
        .catch(function () { knownDocuments = null; });
    }
    documentsAsked.then(done);
  }

  /* "215/QĐ-UBND (2024)" → {key, year}, as official_documents reads a reference. */
  function reference(text) {
    var match = /^(.+?)\s*(?:\((?:năm\s*)?(\d{4})\))?$/.exec(String(text).trim());
    return {
      key: numberKey(match ? match[1] : text),
      year: match && match[2] ? +match[2] : null,
    };
  }

  /* 215/QĐ-UBND, 215/QD-UBND and "215 / qđ - ubnd" are one number (number_key). */
  function numberKey(number) {
    return window.VnText.fold(number).replace(/\s+/g, "");
  }

  function matches(text) {
    var wanted = reference(text);
    return (knownDocuments || []).filter(function (d) {
      return numberKey(d.number) === wanted.key &&
        (!wanted.year || d.year === wanted.year);
    });
  }

  /* What to write for a document: its number, with its year when the number repeats. */
  function referenceText(document) {
    var key = numberKey(document.number);
    var same = (knownDocuments || []).filter(function (d) { return numberKey(d.number) === key; });
    return same.length > 1 ? document.number + " (" + document.year + ")" : document.number;
  }

  var RelatedControl = window.createClass({
    getInitialState: function () {
      // `loaded`: drawn again once the documents are known.
      return { text: "", loaded: knownDocuments !== null };
    },
    componentDidMount: function () {
      var self = this;
      askDocuments(function () { if (self.mounted !== false) self.setState({ loaded: true }); });
    },
    componentWillUnmount: function () {
      this.mounted = false;
    },
    isValid: function () {
      if (!knownDocuments) return true; // the check after saving still names it
      var problems = listOf(this.props.value).map(function (text) {
        var found = matches(text);
        if (!found.length) return "không có văn bản nào số “" + text + "” trên cổng";
        if (found.length > 1) {
          return "có " + found.length + " văn bản số “" + text + "”: chọn trong danh sách gợi ý (có ghi năm)";
        }
        return null;
      }).filter(Boolean);
      return problems.length ? invalid(label(this.props) + ": " + problems.join("; ") + ".") : true;
    },
    add: function () {
      var text = this.state.text.trim();
      var chosen = listOf(this.props.value);
      if (text && chosen.indexOf(text) < 0) this.props.onChange(chosen.concat([text]));
      this.setState({ text: "" });
    },
    remove: function (text) {
      this.props.onChange(listOf(this.props.value).filter(function (t) { return t !== text; }));
    },
    render: function () {
      var self = this;
      var props = this.props;
      var chosen = listOf(props.value);
      var listId = props.forID + "-goi-y";
      var items = chosen.map(function (text) {
        var found = matches(text);
        var about = found.length === 1 ? found[0].title + " ngày " + found[0].issued + ": " + found[0].summary : "";
        return h("li", { key: text, className: "desk-related__item" },
          h("span", null, h("strong", null, text), about ? " — " + about : ""),
          h("button", {
            type: "button", className: "desk-related__remove", "aria-label": "Bỏ " + text,
            onClick: function () { self.remove(text); },
          }, "Bỏ"));
      });
      return h("div", { className: "desk-related" },
        items.length ? h("ul", { className: "desk-related__list" }, items) : null,
        h("div", { className: "desk-related__add" },
          h("input", {
            type: "text", id: props.forID, className: props.classNameWrapper,
            list: listId, value: this.state.text, autoComplete: "off",
            placeholder: "Ví dụ 215/QĐ-UBND",
            onChange: function (event) { self.setState({ text: event.target.value }); },
            onKeyDown: function (event) {
              if (event.key === "Enter") { event.preventDefault(); self.add(); }
            },
            onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle,
          }),
          h("button", { type: "button", className: "desk-related__button", onClick: this.add }, "Thêm")),
        h("datalist", { id: listId }, (knownDocuments || []).map(function (d) {
          var text = referenceText(d);
          return h("option", { key: text, value: text }, d.title + " ngày " + d.issued + ": " + d.summary);
        })));
    },
  });

  function Preview(props) {
    return h("span", null, String(props.value || ""));
  }

  window.SokhcnWidgets = {
    register: function (CMS) {
      CMS.registerWidget("ngay-gio", DateTimeControl, Preview);
      CMS.registerWidget("danh-sach", SelectControl, Preview);
      CMS.registerWidget("mo-ta-anh", AltTextControl, Preview);
      CMS.registerWidget("tuan", WeekControl, Preview);
      CMS.registerWidget("ngay-trong-tuan", DayControl, Preview);
      CMS.registerWidget("chu", TextControl, Preview);
      CMS.registerWidget("nhieu-lua-chon", ChoicesControl, Preview);
      CMS.registerWidget("van-ban-lien-quan", RelatedControl, Preview);
    },
  };
})();

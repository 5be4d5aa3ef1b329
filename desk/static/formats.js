/*
 * formats.js: the project's three file formats, read into the desk's form
 * data and written back as an editor would type them (window.SokhcnFormats in
 * the desk, module.exports under node for the tests).
 *
 * - Articles and pages: Pelican's "Key: value" header, a blank line, the
 *   Markdown body (docs/editors.md).
 * - Documents (Văn bản): the same with Vietnamese labels, "Số ký hiệu: ..."
 *   (docs/editors.md, Phụ lục; plugins/official_documents/document_file.py),
 *   and the checks the form makes across a document's fields.
 * - A week of the work calendar (docs/schedule.md).
 * - The linked websites file (content/data/website-lien-ket.md).
 *
 * Writing never reformats what the editor did not change: the data keeps the
 * file as it was read (_nguon); each header line, calendar item or group whose
 * value is unchanged is written back byte for byte, and a file saved with no
 * change comes back identical. New and changed values are written in the
 * project's own style (day-first dates, "Name - Unit" bylines, NFC text).
 * Plain ES2017, no dependencies.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SokhcnFormats = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var META_LINE = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
  var CONTINUATION = /^ {4,}(.*)$/;
  var TRUE_WORDS = ["yes", "true", "1", "có", "co", "x"];
  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  // --- text and dates ------------------------------------------------------

  function nfc(text) {
    return String(text == null ? "" : text).normalize("NFC");
  }

  function oneLine(text) {
    return nfc(text).replace(/\s+/g, " ").trim();
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  /*
   * A date as the site reads it (plugins/vietnamese/dates.py): day first
   * ("16/11/2017 10:00", "5/2/2020", "16-11-2017", "16.11.2017") or ISO
   * ("2017-11-16 10:00"). Returns {iso, hasTime} or {error} in Vietnamese.
   */
  function parseDate(text) {
    var value = String(text == null ? "" : text).trim();
    var time = "(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?";
    var iso = new RegExp("^(\\d{4})-(\\d{1,2})-(\\d{1,2})" + time + "$").exec(value);
    var dayFirst = new RegExp(
      "^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})" + time.replace("(?:T|\\s+)", "\\s+") + "$"
    ).exec(value);
    var year, month, day, hour, minute, second;
    if (iso) {
      year = +iso[1]; month = +iso[2]; day = +iso[3];
      hour = iso[4]; minute = iso[5]; second = iso[6];
    } else if (dayFirst) {
      day = +dayFirst[1]; month = +dayFirst[3]; year = +dayFirst[4];
      hour = dayFirst[5]; minute = dayFirst[6]; second = dayFirst[7];
    } else {
      return { error: "hãy viết ngày trước tháng, theo dạng dd/mm/yyyy HH:MM, ví dụ 16/11/2017 10:00" };
    }
    if (month < 1 || month > 12) {
      return { error: "không có tháng " + month + " (tháng từ 1 đến 12)" };
    }
    if (day < 1 || day > daysIn(year, month)) {
      return {
        error: "ngày " + pad(day) + "/" + pad(month) + "/" + year + " không có thật: tháng " +
          month + " năm " + year + " chỉ có " + daysIn(year, month) + " ngày"
      };
    }
    if (hour !== undefined && (+hour > 23 || +minute > 59 || +(second || 0) > 59)) {
      return { error: "giờ không có thật (giờ từ 0 đến 23, phút từ 00 đến 59)" };
    }
    var date = year + "-" + pad(month) + "-" + pad(day);
    var hasTime = hour !== undefined;
    return { iso: hasTime ? date + "T" + pad(+hour) + ":" + minute : date, hasTime: hasTime };
  }

  /* "2017-11-16T10:00" → "16/11/2017 10:00"; "2017-11-16" → "16/11/2017". */
  function formatDate(iso, withTime) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(iso || "");
    if (!match) return iso || "";
    var day = match[3] + "/" + match[2] + "/" + match[1];
    if (withTime === false) return day;
    return day + " " + (match[4] || "00") + ":" + (match[5] || "00");
  }

  function isIsoDate(value) {
    return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value || "");
  }

  function weekdayName(isoDay) {
    var parts = isoDay.split("-");
    return WEEKDAYS[new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])).getUTCDay()];
  }

  /* ISO week "2026-W48" of a day "2026-11-23". */
  function isoWeek(isoDay) {
    var parts = isoDay.split("-");
    var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
    var weekday = date.getUTCDay() || 7;
    date.setUTCDate(date.getUTCDate() + 4 - weekday);
    var yearStart = new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
    var week = Math.ceil(((date - yearStart) / 86400000 + 1) / 7);
    return date.getUTCFullYear() + "-W" + pad(week);
  }

  /* The seven days "YYYY-MM-DD" of ISO week "2026-W48", Monday first. */
  function weekDays(week) {
    var match = /^(\d{4})-W(\d{2})$/.exec(week || "");
    if (!match) return [];
    var jan4 = new Date(Date.UTC(+match[1], 0, 4));
    var monday = new Date(jan4);
    monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (+match[2] - 1) * 7);
    var days = [];
    for (var offset = 0; offset < 7; offset += 1) {
      var day = new Date(monday);
      day.setUTCDate(monday.getUTCDate() + offset);
      days.push(day.getUTCFullYear() + "-" + pad(day.getUTCMonth() + 1) + "-" + pad(day.getUTCDate()));
    }
    return days;
  }

  function weekTitle(week) {
    var days = weekDays(week);
    if (!days.length) return week || "";
    return "Tuần " + (+week.slice(6)) + " (" + formatDate(days[0], false) + " – " +
      formatDate(days[6], false) + ")";
  }

  // --- lines ---------------------------------------------------------------

  /* The file's text split into lines, with its line ending and BOM kept. */
  function splitText(raw) {
    var text = String(raw || "");
    var bom = text.charAt(0) === "\uFEFF" ? "\uFEFF" : "";
    if (bom) text = text.slice(1);
    var eol = text.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
    var endsWithEol = text === "" || /\n$/.test(text);
    var lines = text.split(/\r?\n/);
    if (endsWithEol) lines.pop();
    return { bom: bom, eol: eol, lines: lines, endsWithEol: endsWithEol };
  }

  function joinText(parts, lines) {
    return parts.bom + lines.join(parts.eol) + (lines.length ? parts.eol : "");
  }

  function sameValue(a, b) {
    return JSON.stringify(normalValue(a)) === JSON.stringify(normalValue(b));
  }

  function normalValue(value) {
    if (Array.isArray(value)) {
      var items = value.map(normalValue).filter(function (item) { return item !== ""; });
      return items;
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).sort().forEach(function (key) {
        if (key.charAt(0) !== "_") out[key] = normalValue(value[key]);
      });
      return out;
    }
    if (typeof value === "boolean") return value;
    return oneLine(value);
  }

  // --- articles and pages --------------------------------------------------

  /*
   * One field of the form: its key in the data, its name in the file, and how
   * its text reads and writes. "draft" is the Status line.
   */
  var TEXT = {
    read: function (text) { return text; },
    write: function (value) { return oneLine(value); }
  };
  var LIST = {
    read: function (text) {
      return text.split(",").map(function (item) { return item.trim(); })
        .filter(function (item) { return item !== ""; });
    },
    write: function (value) {
      return (value || []).map(oneLine).filter(function (item) { return item !== ""; }).join(", ");
    }
  };
  /* "Trương Thế Bình - Văn phòng": the last " - " parts the name from `second`. */
  function byline(second) {
    return {
      read: function (text) {
        var match = /^(.+?)\s+[-–]\s+([^-–]+)$/.exec(text.trim());
        var value = { name: match ? match[1].trim() : text.trim() };
        value[second] = match ? match[2].trim() : "";
        return value;
      },
      write: function (value) {
        var name = oneLine(value && value.name);
        var other = oneLine(value && value[second]);
        return name && other ? name + " - " + other : name || other;
      }
    };
  }
  var BYLINE = byline("unit");
  var FLAG = {
    read: function (text) { return TRUE_WORDS.indexOf(text.trim().toLowerCase()) >= 0; },
    write: function (value) { return value ? "yes" : ""; }
  };
  function dateKind(withTime) {
    return {
      read: function (text) {
        var parsed = parseDate(text);
        return parsed.iso || text;
      },
      write: function (value) {
        return isIsoDate(value) ? formatDate(value, withTime) : oneLine(value);
      }
    };
  }
  var STATUS = {
    read: function (text) { return text.trim().toLowerCase() === "draft"; },
    write: function (value) { return value ? "draft" : ""; }
  };

  var ARTICLE_FIELDS = [
    { key: "title", name: "Title", kind: TEXT },
    { key: "date", name: "Date", kind: dateKind(true) },
    { key: "category", name: "Category", kind: TEXT },
    { key: "tags", name: "Tags", kind: LIST },
    { key: "author", name: "Author", kind: BYLINE },
    { key: "summary", name: "Summary", kind: TEXT },
    { key: "image", name: "Image", kind: TEXT },
    { key: "imagealt", name: "ImageAlt", kind: TEXT },
    { key: "attachments", name: "Attachments", kind: LIST },
    { key: "hot", name: "Hot", kind: FLAG },
    { key: "hotuntil", name: "HotUntil", kind: dateKind(false) },
    { key: "featured", name: "Featured", kind: FLAG },
    { key: "draft", name: "Status", kind: STATUS }
  ];
  var PAGE_FIELDS = [
    { key: "title", name: "Title", kind: TEXT },
    { key: "lang", name: "Lang", kind: TEXT, omit: "vi" },
    { key: "translation", name: "Translation", kind: TEXT },
    { key: "order", name: "Order", kind: TEXT },
    { key: "summary", name: "Summary", kind: TEXT },
    { key: "draft", name: "Status", kind: STATUS }
  ];

  /* A parsed header, and the body from line `index` on. */
  function withBody(parts, header, separator, index) {
    var bodyLines = parts.lines.slice(index);
    var body = bodyLines.join("\n") + (parts.endsWithEol && bodyLines.length ? "\n" : "");
    return { parts: parts, header: header, separator: separator, body: body, bodyLines: bodyLines };
  }

  /* The header lines (each with its continuation lines) and the body. */
  function parseHeaderFile(raw) {
    var parts = splitText(raw);
    var header = [];
    var index = 0;
    var separator = null;
    for (; index < parts.lines.length; index += 1) {
      var line = parts.lines[index];
      if (line.trim() === "") {
        separator = line;
        index += 1;
        break;
      }
      var meta = META_LINE.exec(line);
      if (meta) {
        header.push({ name: meta[1], value: meta[2].trim(), lines: [line] });
        continue;
      }
      var more = CONTINUATION.exec(line);
      if (more && header.length) {
        var last = header[header.length - 1];
        last.value = (last.value + " " + more[1].trim()).trim();
        last.lines.push(line);
        continue;
      }
      break;
    }
    return withBody(parts, header, separator, index);
  }

  /* How articles and pages name their header lines: "Key: value". */
  var ARTICLE_HEADER = {
    parse: parseHeaderFile,
    continuation: CONTINUATION,
    yearField: "date",
    fieldOf: function (fields, name) {
      var lower = name.toLowerCase();
      for (var i = 0; i < fields.length; i += 1) {
        if (fields[i].name.toLowerCase() === lower) return fields[i];
      }
      return null;
    }
  };

  function headerFormat(fields, dialect) {
    dialect = dialect || ARTICLE_HEADER;
    function fieldOf(name) {
      return name === null ? null : dialect.fieldOf(fields, name);
    }

    function fromFile(raw) {
      var parsed = dialect.parse(raw);
      var data = { body: parsed.body, _nguon: String(raw || "") };
      var seen = {};
      parsed.header.forEach(function (line) {
        var field = fieldOf(line.name);
        if (field && !seen[field.key]) {
          seen[field.key] = true;
          data[field.key] = field.kind.read(line.value);
        }
      });
      var dated = data[dialect.yearField];
      if (dated && isIsoDate(dated)) data._nam = dated.slice(0, 4);
      return data;
    }

    function toFile(data) {
      var original = dialect.parse(data._nguon || "");
      var parts = data._nguon ? original.parts : { bom: "", eol: "\n", endsWithEol: true };
      var before = data._nguon ? fromFile(data._nguon) : {};
      var lines = [];
      var written = {};
      var positions = {}; // where each known field's line is in `lines`

      original.header.forEach(function (line) {
        var field = fieldOf(line.name);
        if (!field || written[field.key]) {
          lines.push.apply(lines, line.lines);
          return;
        }
        written[field.key] = true;
        if (sameValue(data[field.key], before[field.key])) {
          positions[field.key] = lines.length;
          lines.push.apply(lines, line.lines);
          return;
        }
        var text = field.kind.write(data[field.key]);
        if (text !== "" && text !== field.omit) {
          positions[field.key] = lines.length;
          lines.push(line.name + ": " + text);
        }
      });

      // Fields the file did not have go after the field before them in the
      // project's order, or first when none of those is there.
      fields.forEach(function (field, order) {
        if (written[field.key]) return;
        var text = field.kind.write(data[field.key]);
        if (text === "" || text === field.omit) return;
        var at = 0;
        for (var earlier = order - 1; earlier >= 0; earlier -= 1) {
          var key = fields[earlier].key;
          if (positions[key] !== undefined) {
            at = positions[key] + 1;
            while (at < lines.length && dialect.continuation.test(lines[at])) at += 1;
            break;
          }
        }
        lines.splice(at, 0, field.name + ": " + text);
        Object.keys(positions).forEach(function (key) {
          if (positions[key] >= at) positions[key] += 1;
        });
        positions[field.key] = at;
        written[field.key] = true;
      });

      var body;
      if (data._nguon && (data.body || "") === original.body) {
        body = original.bodyLines;
        if (original.separator !== null) lines.push(original.separator);
        else if (!body.length) return joinText(parts, lines);
      } else {
        var text = nfc(data.body || "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
        body = text ? text.split("\n") : [];
        if (body.length) lines.push(""); // no body: the file ends with its header
      }
      lines.push.apply(lines, body);
      var out = joinText(parts, lines);
      if (data._nguon && !original.parts.endsWithEol && out === data._nguon + parts.eol) {
        return data._nguon;
      }
      return out;
    }

    return { fromFile: fromFile, toFile: toFile };
  }

  // --- documents (Văn bản) ------------------------------------------------------

  /*
   * A document's header, as official_documents reads it: "Nhãn: giá trị" lines
   * up to the first blank line, the label matched without case or diacritics
   * ("So ky hieu" is "Số ký hiệu"), a line indented by two or more spaces
   * going on with the value above. A line that is no label stays as it was.
   */
  var DOCUMENT_LINE = /^([^:\d][^:]{0,40}?)\s*:\s*(.*)$/;
  var DOCUMENT_CONTINUATION = /^[ \t]{2,}\S/;
  // Folded label → field: LABELS of plugins/official_documents/document_file.py.
  var DOCUMENT_LABELS = {
    "so ky hieu": "number",
    "loai van ban": "kind",
    "loai": "kind",
    "co quan ban hanh": "issuer",
    "co quan": "issuer",
    "nguoi ky": "signer",
    "ngay ban hanh": "issued",
    "ngay hieu luc": "effective",
    "ngay co hieu luc": "effective",
    "ngay het hieu luc": "expires",
    "linh vuc": "sectors",
    "trich yeu": "summary",
    "tep": "files",
    "tep dinh kem": "files",
    "thay the": "replaces",
    "sua doi": "amends",
    "sua doi, bo sung": "amends",
    "du thao": "draft",
    "lay y kien tu": "comment_from",
    "lay y kien den": "comment_until",
    "gop y gui ve": "comment_email"
  };
  /* Several values: "Cải cách hành chính, Khoa học và công nghệ" (";" read too). */
  var VALUES = {
    read: function (text) {
      return text.split(/[,;]/).map(function (item) { return item.trim(); })
        .filter(function (item) { return item !== ""; });
    },
    write: LIST.write
  };
  var YES = {
    read: FLAG.read,
    write: function (value) { return value ? "có" : ""; }
  };
  // In the order editors write them (docs/editors.md).
  var DOCUMENT_FIELDS = [
    { key: "number", name: "Số ký hiệu", kind: TEXT },
    { key: "kind", name: "Loại văn bản", kind: TEXT },
    { key: "issuer", name: "Cơ quan ban hành", kind: TEXT },
    { key: "signer", name: "Người ký", kind: byline("title") },
    { key: "issued", name: "Ngày ban hành", kind: dateKind(false) },
    { key: "effective", name: "Ngày hiệu lực", kind: dateKind(false) },
    { key: "expires", name: "Ngày hết hiệu lực", kind: dateKind(false) },
    { key: "sectors", name: "Lĩnh vực", kind: VALUES },
    { key: "summary", name: "Trích yếu", kind: TEXT },
    { key: "files", name: "Tệp", kind: VALUES },
    { key: "replaces", name: "Thay thế", kind: VALUES },
    { key: "amends", name: "Sửa đổi", kind: VALUES },
    { key: "draft", name: "Dự thảo", kind: YES },
    { key: "comment_from", name: "Lấy ý kiến từ", kind: dateKind(false) },
    { key: "comment_until", name: "Lấy ý kiến đến", kind: dateKind(false) },
    { key: "comment_email", name: "Góp ý gửi về", kind: TEXT }
  ];

  function labelKey(label) {
    return fold(label).replace(/\s+/g, " ").trim();
  }

  function parseDocumentHeader(raw) {
    var parts = splitText(raw);
    var header = [];
    var index = 0;
    var separator = null;
    var last = null; // the entry of the last known label, which lines may go on
    for (; index < parts.lines.length; index += 1) {
      var line = parts.lines[index];
      if (line.trim() === "") {
        separator = line;
        index += 1;
        break;
      }
      if (last && DOCUMENT_CONTINUATION.test(line)) {
        last.value = (last.value + " " + line.trim()).trim();
        last.lines.push(line);
        continue;
      }
      var match = DOCUMENT_LINE.exec(line.trim());
      var entry = { name: match ? match[1].trim() : null, value: match ? match[2].trim() : "", lines: [line] };
      header.push(entry);
      last = match && DOCUMENT_LABELS[labelKey(entry.name)] ? entry : null;
    }
    return withBody(parts, header, separator, index);
  }

  var DOCUMENT_HEADER = {
    parse: parseDocumentHeader,
    continuation: DOCUMENT_CONTINUATION,
    yearField: "issued",
    fieldOf: function (fields, name) {
      var key = DOCUMENT_LABELS[labelKey(name)];
      for (var i = 0; key && i < fields.length; i += 1) {
        if (fields[i].key === key) return fields[i];
      }
      return null;
    }
  };

  var EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

  function dayOf(value) {
    return isIsoDate(value) ? value.slice(0, 10) : null;
  }

  function shown(day) {
    return formatDate(day, false);
  }

  /*
   * The build's checks that span a document's fields, made in the form before
   * saving: {field: message}, nested fields as "signer.name". Each field's own
   * checks (a date that exists, a value from the list, a required field) are
   * its control's.
   */
  function documentProblems(data) {
    var found = {};
    var draft = !!data.draft;
    var issued = dayOf(data.issued);
    var effective = dayOf(data.effective);
    var expires = dayOf(data.expires);
    var signer = data.signer || {};
    if (!draft && !oneLine(signer.name)) {
      found["signer.name"] = "Chưa điền họ tên người ký (chỉ dự thảo lấy ý kiến mới được bỏ trống).";
    } else if (oneLine(signer.name) && !oneLine(signer.title)) {
      found["signer.title"] = "Chưa điền chức vụ của người ký, ví dụ Giám đốc.";
    }
    if (!draft && !oneLine(data.effective)) {
      found.effective = "Chưa điền Ngày hiệu lực (chỉ dự thảo lấy ý kiến mới được bỏ trống).";
    } else if (issued && effective && effective < issued) {
      found.effective = "Ngày hiệu lực (" + shown(effective) + ") trước Ngày ban hành (" +
        shown(issued) + "): văn bản chỉ có hiệu lực từ ngày ban hành trở đi.";
    }
    var start = effective && issued && effective > issued ? effective : issued;
    if (expires && start && expires <= start) {
      found.expires = "Ngày hết hiệu lực (" + shown(expires) + ") phải sau " +
        (start === issued ? "Ngày ban hành" : "Ngày hiệu lực") + " (" + shown(start) + ").";
    }
    var from = dayOf(data.comment_from);
    var until = dayOf(data.comment_until);
    if (draft) {
      if (!oneLine(data.comment_until)) {
        found.comment_until = "Dự thảo lấy ý kiến phải có ngày Lấy ý kiến đến.";
      } else if (from && until && until < from) {
        found.comment_until = "Lấy ý kiến đến (" + shown(until) + ") trước Lấy ý kiến từ (" +
          shown(from) + ").";
      }
      var email = oneLine(data.comment_email);
      if (email && !EMAIL.test(email)) {
        found.comment_email = "Địa chỉ thư “" + email + "” không đúng: viết ví dụ gopy@quangninh.gov.vn.";
      }
    } else {
      ["comment_from", "comment_until", "comment_email"].forEach(function (key) {
        if (oneLine(data[key])) {
          found[key] = "Chỉ dùng cho dự thảo lấy ý kiến: bật “Dự thảo lấy ý kiến”, hoặc xoá ô này.";
        }
      });
    }
    return found;
  }

  // --- the work calendar -----------------------------------------------------

  var LABELS = {
    "noi dung": "content",
    "chu tri": "chair",
    "thanh phan": "participants",
    "dia diem": "location",
    "chuan bi": "preparation",
    "ghi chu": "note"
  };
  var DETAILS = [
    ["chair", "Chủ trì"],
    ["participants", "Thành phần"],
    ["location", "Địa điểm"],
    ["preparation", "Chuẩn bị"],
    ["note", "Ghi chú"]
  ];
  var SESSIONS = [["ca ngay", "Cả ngày"], ["sang", "Sáng"], ["chieu", "Chiều"], ["toi", "Tối"]];
  var MARKS = { "bo sung": "Bổ sung", "thay doi": "Thay đổi" };
  var ITEM_FIELDS = ["day", "session", "time", "mark", "content", "chair", "participants",
    "location", "preparation", "note"];

  /* Lower case without tones or marks, đ as d (for labels and sessions). */
  function fold(text) {
    return nfc(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function readItemHead(raw) {
    var text = nfc(raw);
    var item = { session: "", time: "", mark: "", content: "" };
    var colon = /:(?=\s|$)/.exec(text);
    var head = colon ? text.slice(0, colon.index).trim() : text.trim();
    item.content = colon ? text.slice(colon.index + 1).trim() : "";
    var mark = /^[[(]([^\])\d][^\])]*)[\])]\s*[-–,]?\s*/.exec(head);
    if (mark) {
      item.mark = MARKS[fold(mark[1]).replace(/\s+/g, " ").trim()] || mark[1].trim();
      head = head.slice(mark[0].length);
    }
    var folded = fold(head);
    for (var i = 0; i < SESSIONS.length; i += 1) {
      var found = new RegExp(
        "^" + SESSIONS[i][0] + "\\b(?:\\s*[,–-]\\s*|\\s+(?:luc\\s+|tu\\s+)?|$)"
      ).exec(folded);
      if (found) {
        item.session = SESSIONS[i][1];
        head = head.slice(found[0].length);
        break;
      }
    }
    item.time = head.trim();
    if (item.time && !/^[\d(]/.test(item.time) && !item.content) {
      item.content = item.time; // words where the time should be
      item.time = "";
    }
    return item;
  }

  function parseWeekFile(raw) {
    var parts = splitText(raw);
    var preamble = [];
    var days = [];
    var note = "";
    var noteIndex = -1;
    var week = "";
    var day = null;
    var item = null;
    var lastField = null;
    parts.lines.forEach(function (line) {
      var text = line.trim();
      var indented = /^[ \t]/.test(line);
      var heading = !indented && /^##\s+(.+)$/.exec(text);
      var listItem = !indented && /^[-*+]\s+(.*)$/.exec(text);
      if (heading) {
        var date = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$/.exec(heading[1]);
        var parsed = date ? parseDate(date[1]) : {};
        day = { day: parsed.iso || "", heading: line, items: [], after: [] };
        days.push(day);
        item = null;
        return;
      }
      if (!day) {
        var title = /^#\s+(.+)$/.exec(text);
        var labelled = /^([^:\d]{1,30}?)\s*:\s*(.*)$/.exec(text);
        if (title) {
          var number = /tuan\s+(\d{1,2})\D+(\d{4})/.exec(fold(title[1]));
          if (number) week = number[2] + "-W" + pad(+number[1]);
        } else if (labelled && LABELS[fold(labelled[1]).replace(/\s+/g, " ")] === "note" && noteIndex < 0) {
          note = labelled[2].trim();
          noteIndex = preamble.length;
        }
        preamble.push(line);
        return;
      }
      if (listItem) {
        item = readItemHead(listItem[1]);
        item.day = day.day;
        item.lines = [line];
        day.items.push(item);
        lastField = item.content ? "content" : null;
        return;
      }
      if (indented && item && text) {
        item.lines.push(line);
        var inner = /^[-*+]\s+(.*)$/.exec(text);
        var body = inner ? inner[1] : text;
        var detail = /^([^:\d]{1,30}?)\s*:\s*(.*)$/.exec(body);
        var name = detail && LABELS[fold(detail[1]).replace(/\s+/g, " ").trim()];
        if (name) {
          item[name] = item[name] ? item[name] + "; " + detail[2].trim() : detail[2].trim();
          lastField = name;
        } else if (lastField && !inner) {
          item[lastField] = (item[lastField] + " " + body).trim();
        }
        return;
      }
      // Blank lines, comments and stray lines stay where they were.
      (item ? item.lines : day.after).push(line);
    });
    days.forEach(function (each) {
      // Blank lines at the end of an item belong between it and the next one.
      each.items.forEach(function (entry) {
        entry.trailing = [];
        while (entry.lines.length > 1 && entry.lines[entry.lines.length - 1].trim() === "") {
          entry.trailing.unshift(entry.lines.pop());
        }
      });
    });
    if (!week && days.length && days[0].day) week = isoWeek(days[0].day);
    return { parts: parts, preamble: preamble, note: note, noteIndex: noteIndex, days: days, week: week };
  }

  function itemValues(item) {
    var values = {};
    ITEM_FIELDS.forEach(function (key) { values[key] = item[key] || ""; });
    return values;
  }

  function itemLines(item) {
    var head = (item.mark ? "[" + oneLine(item.mark) + "] " : "") +
      [oneLine(item.session), oneLine(item.time)].filter(Boolean).join(" ");
    var lines = ["- " + head + ": " + oneLine(item.content)];
    DETAILS.forEach(function (detail) {
      var value = oneLine(item[detail[0]]);
      if (value) lines.push("  - " + detail[1] + ": " + value);
    });
    return lines;
  }

  var schedule = {
    fromFile: function (raw) {
      var parsed = parseWeekFile(raw);
      var items = [];
      parsed.days.forEach(function (day) {
        day.items.forEach(function (item) { items.push(itemValues(item)); });
      });
      return {
        week: parsed.week,
        note: parsed.note,
        items: items,
        _nguon: String(raw || ""),
        _nam: parsed.week.slice(0, 4),
        _tieu_de: weekTitle(parsed.week)
      };
    },
    toFile: function (data) {
      var original = parseWeekFile(data._nguon || "");
      var parts = data._nguon ? original.parts : { bom: "", eol: "\n" };
      var before = data._nguon ? schedule.fromFile(data._nguon) : null;
      var items = (data.items || []).map(itemValues);
      if (before && sameValue(before.items, items) && sameValue(before.note, data.note)) {
        return data._nguon;
      }
      var lines = original.preamble.slice();
      if (!data._nguon) {
        var number = +(data.week || "").slice(6);
        lines.push("# Lịch công tác tuần " + number + " năm " + (data.week || "").slice(0, 4));
      }
      var note = oneLine(data.note);
      if (original.noteIndex >= 0) {
        if (sameValue(original.note, note)) {
          // unchanged: the line stays as it was
        } else if (note) lines[original.noteIndex] = "Ghi chú: " + note;
        else lines.splice(original.noteIndex, 1);
      } else if (note) {
        var titleAt = lines.findIndex(function (line) { return /^#\s/.test(line.trim()); });
        lines.splice(titleAt + 1, 0, "Ghi chú: " + note);
      }
      while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();

      var unused = [];
      var headings = {};
      original.days.forEach(function (day) {
        if (day.day && !headings[day.day]) headings[day.day] = day;
        day.items.forEach(function (item) { unused.push(item); });
      });
      var order = [];
      var byDay = {};
      items.forEach(function (item) {
        if (!byDay[item.day]) {
          byDay[item.day] = [];
          order.push(item.day);
        }
        byDay[item.day].push(item);
      });
      order.sort();
      order.forEach(function (day) {
        if (lines.length) lines.push("");
        if (headings[day]) {
          lines.push(headings[day].heading);
          lines.push.apply(lines, headings[day].after.filter(function (line) {
            return line.trim() !== "";
          }));
        } else {
          lines.push("## " + weekdayName(day) + ", " + formatDate(day, false));
        }
        byDay[day].forEach(function (item) {
          var same = -1;
          for (var i = 0; i < unused.length; i += 1) {
            if (sameValue(itemValues(unused[i]), item)) { same = i; break; }
          }
          if (same >= 0) {
            lines.push.apply(lines, unused[same].lines);
            unused.splice(same, 1);
          } else {
            lines.push.apply(lines, itemLines(item));
          }
        });
      });
      return joinText(parts, lines);
    }
  };

  // --- linked websites -------------------------------------------------------

  function parseLinksFile(raw) {
    var parts = splitText(raw);
    var preamble = [];
    var groups = [];
    parts.lines.forEach(function (line) {
      var text = line.trim();
      var heading = /^##\s+(.+?)\s*$/.exec(text);
      var link = /^[-*]\s+\[([^\]]*)\]\(([^)\s]*)\)\s*$/.exec(text);
      if (heading) groups.push({ name: heading[1], links: [] });
      else if (link && groups.length) {
        groups[groups.length - 1].links.push({ name: link[1].trim(), url: link[2] });
      } else if (!groups.length) preamble.push(line);
    });
    // A blank line between the notes at the top and the first group, or not.
    var gap = preamble.length > 0 && preamble[preamble.length - 1].trim() === "";
    while (preamble.length && preamble[preamble.length - 1].trim() === "") preamble.pop();
    return { parts: parts, preamble: preamble, groups: groups, gap: gap };
  }

  var links = {
    fromFile: function (raw) {
      var parsed = parseLinksFile(raw);
      return { groups: parsed.groups, _nguon: String(raw || "") };
    },
    toFile: function (data) {
      var original = parseLinksFile(data._nguon || "");
      if (data._nguon && sameValue(original.groups, data.groups || [])) return data._nguon;
      var lines = original.preamble.slice();
      (data.groups || []).forEach(function (group, index) {
        if (lines.length && (index > 0 || original.gap)) lines.push("");
        lines.push("## " + oneLine(group.name));
        lines.push("");
        (group.links || []).forEach(function (link) {
          lines.push("- [" + oneLine(link.name) + "](" + oneLine(link.url) + ")");
        });
      });
      return joinText(data._nguon ? original.parts : { bom: "", eol: "\n" }, lines);
    }
  };

  return {
    article: headerFormat(ARTICLE_FIELDS),
    page: headerFormat(PAGE_FIELDS),
    document: headerFormat(DOCUMENT_FIELDS, DOCUMENT_HEADER),
    documentProblems: documentProblems,
    schedule: schedule,
    links: links,
    parseDate: parseDate,
    formatDate: formatDate,
    isIsoDate: isIsoDate,
    isoWeek: isoWeek,
    weekDays: weekDays,
    weekTitle: weekTitle,
    weekdayName: weekdayName,
    ARTICLE_FIELDS: ARTICLE_FIELDS.map(function (f) { return { key: f.key, name: f.name }; }),
    PAGE_FIELDS: PAGE_FIELDS.map(function (f) { return { key: f.key, name: f.name }; }),
    DOCUMENT_FIELDS: DOCUMENT_FIELDS.map(function (f) { return { key: f.key, name: f.name }; }),
    DOCUMENT_LABELS: DOCUMENT_LABELS
  };
});

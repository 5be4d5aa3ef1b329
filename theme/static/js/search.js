/*
 * search.js: the search page (/tim-kiem/). Reads the static index written by
 * plugins/search_index (see its README.md for the formats and the ranking) and
 * shows results; needs vntext.js, loaded before it. Plain ES2017, no framework.
 *
 * In node it exports the parts that need no page (tests): require("./search.js").
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vntext.js"));
  } else {
    root.VnSearch = factory(root.VnText);
    root.VnSearch.start(root.document);
  }
})(typeof self !== "undefined" ? self : this, function (VnText) {
  "use strict";

  var PAGE_SIZE = 10;
  var PREFIX_WEIGHT = 0.5; // a completion of the last syllable counts half
  var PAIR_WEIGHT = 1; // adjacent syllables in the text: the phrase boost
  var EXACT_BOOST = 2; // the accented form the reader typed
  var MAX_COMPLETIONS = 50;
  var MAX_HEAVY_COMPLETIONS = 3; // big completions cost a file each
  var GROUP_LENGTH = 3;
  var DAY_MS = 86400000;

  // ---------- Keys and files (twin: plugins/search_index/terms.py) ----------

  function groupOf(key) {
    var space = key.indexOf(" ");
    if (space >= 0) {
      return key.slice(0, space + 1) + Array.from(key.slice(space + 1)).slice(0, GROUP_LENGTH).join("");
    }
    return Array.from(key).slice(0, GROUP_LENGTH).join("");
  }

  /** 32-bit FNV-1a of the UTF-8 bytes. */
  function hashKey(text) {
    var bytes = new TextEncoder().encode(text);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  /**
   * The key of a document's number that a query looks up: its syllables run
   * together, when there are two or more and one has a digit ("215 qd ubnd" →
   * "#215qdubnd"); else null. Twin: identifier_key in terms.py.
   */
  function identifierKey(query) {
    var folded = query.terms.map(function (term) { return term[1]; }).join("");
    return query.terms.length > 1 && /\d/.test(folded) ? "#" + folded : null;
  }

  function hex8(value) {
    return ("0000000" + value.toString(16)).slice(-8);
  }

  // ---------- gzip (RFC 1951/1952), small and synchronous ----------

  var LBASE = [], LEXT = [], DBASE = [], DEXT = [];
  (function () {
    for (var i = 0, b = 3; i < 28; i++) {
      LEXT[i] = i < 8 ? 0 : (i - 4) >> 2;
      LBASE[i] = b;
      b += 1 << LEXT[i];
    }
    LBASE[28] = 258;
    LEXT[28] = 0;
    for (i = 0, b = 1; i < 30; i++) {
      DEXT[i] = i < 4 ? 0 : (i - 2) >> 1;
      DBASE[i] = b;
      b += 1 << DEXT[i];
    }
  })();
  var CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function huffman(lengths) {
    var counts = new Uint16Array(16), offsets = new Uint16Array(16);
    var symbols = new Uint16Array(lengths.length);
    for (var i = 0; i < lengths.length; i++) counts[lengths[i]]++;
    counts[0] = 0;
    for (i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + counts[i - 1];
    for (i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offsets[lengths[i]]++] = i;
    return { counts: counts, symbols: symbols };
  }

  /** Decompress gzip data; data that is not gzip (a server undid it) is returned as is. */
  function gunzip(data) {
    if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) return data;
    var n = data.length;
    var out = new Uint8Array((data[n - 4] | (data[n - 3] << 8) | (data[n - 2] << 16) | (data[n - 1] << 24)) >>> 0);
    var flags = data[3], pos = 10, at = 0, bitBuffer = 0, bitCount = 0;
    if (flags & 4) pos += 2 + (data[10] | (data[11] << 8));
    if (flags & 8) while (data[pos++]);
    if (flags & 16) while (data[pos++]);
    if (flags & 2) pos += 2;

    function bits(count) {
      while (bitCount < count) {
        if (pos >= n) throw new Error("gzip: cut short");
        bitBuffer |= data[pos++] << bitCount;
        bitCount += 8;
      }
      var value = bitBuffer & ((1 << count) - 1);
      bitBuffer >>>= count;
      bitCount -= count;
      return value;
    }
    function decode(table) {
      var code = 0, first = 0, index = 0;
      for (var length = 1; length < 16; length++) {
        code |= bits(1);
        var count = table.counts[length];
        if (code - count < first) return table.symbols[index + code - first];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
      }
      throw new Error("gzip");
    }
    var last, lit, dist, i;
    do {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        bitBuffer = bitCount = 0;
        var size = data[pos] | (data[pos + 1] << 8);
        pos += 4;
        out.set(data.subarray(pos, pos + size), at);
        pos += size;
        at += size;
        continue;
      }
      var lengths;
      if (type === 1) {
        lengths = new Uint8Array(320);
        for (i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        for (; i < 320; i++) lengths[i] = 5;
        lit = huffman(lengths.subarray(0, 288));
        dist = huffman(lengths.subarray(288));
      } else {
        var literals = bits(5) + 257, distances = bits(5) + 1, codes = bits(4) + 4;
        var codeLengths = new Uint8Array(19);
        for (i = 0; i < codes; i++) codeLengths[CODE_ORDER[i]] = bits(3);
        var codeTable = huffman(codeLengths);
        lengths = new Uint8Array(literals + distances);
        for (i = 0; i < literals + distances; ) {
          var symbol = decode(codeTable);
          if (symbol < 16) {
            lengths[i++] = symbol;
            continue;
          }
          var repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
          var value = symbol === 16 ? lengths[i - 1] : 0;
          while (repeat--) lengths[i++] = value;
        }
        lit = huffman(lengths.subarray(0, literals));
        dist = huffman(lengths.subarray(literals));
      }
      for (;;) {
        symbol = decode(lit);
        if (symbol < 256) {
          out[at++] = symbol;
        } else if (symbol === 256) {
          break;
        } else {
          symbol -= 257;
          var length = LBASE[symbol] + bits(LEXT[symbol]);
          var d = decode(dist);
          var from = at - DBASE[d] - bits(DEXT[d]);
          while (length--) out[at++] = out[from++];
        }
      }
    } while (!last);
    return out;
  }

  // ---------- Index files ----------

  function Reader(data, offset) {
    this.data = data;
    this.at = offset || 0;
  }
  Reader.prototype.varint = function () {
    var value = 0, shift = 0, byte;
    do {
      byte = this.data[this.at++];
      value += (byte & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  var UTF8 = typeof TextDecoder === "function" ? new TextDecoder() : null;
  /* Keys are folded to ASCII and a file holds hundreds of them: plain ASCII
   * is read without a decoder call per key. Keys are short; longer text goes to
   * the decoder, as fromCharCode.apply takes each byte as an argument. */
  Reader.prototype.text = function () {
    var size = this.varint(), start = this.at, end = start + size, data = this.data;
    this.at = end;
    if (size > 256) return UTF8.decode(data.subarray(start, end));
    for (var i = start; i < end; i++) {
      if (data[i] > 0x7f) return UTF8.decode(data.subarray(start, end));
    }
    return String.fromCharCode.apply(null, data.subarray(start, end));
  };
  /** An ascending id list of `count` ids (gaps minus one). */
  Reader.prototype.ids = function (count) {
    var ids = new Int32Array(count), previous = -1;
    for (var i = 0; i < count; i++) ids[i] = previous += this.varint() + 1;
    return ids;
  };

  /**
   * A postings or forms file: {keys: [...], get(key) → Reader at the head,
   * with `tail` at the tail}. Tails follow the heads; a postings tail holds a
   * level byte per posting when there are levels, forms have none.
   */
  function keyedFile(data, scored) {
    var reader = new Reader(data), count = reader.varint(), keys = [], sizes = [];
    for (var i = 0; i < count; i++) {
      keys.push(reader.text());
      sizes.push(reader.varint());
    }
    var heads = Object.create(null), tails = Object.create(null), at = reader.at;
    for (i = 0; i < count; i++) {
      heads[keys[i]] = at;
      at += sizes[i];
    }
    for (i = 0; i < count; i++) {
      tails[keys[i]] = at;
      if (scored) at += postingsTailSize(new Reader(data, heads[keys[i]]));
    }
    return {
      keys: keys,
      get: function (key) {
        if (!(key in heads)) return null;
        var found = new Reader(data, heads[key]);
        found.tail = tails[key];
        return found;
      }
    };
  }
  function postingsFile(data) {
    return keyedFile(data, true);
  }
  function postingsTailSize(head) {
    var count = head.varint();
    head.varint();
    return head.varint() > 1 ? count : 0;
  }

  /** {ids, scores} of a postings entry. */
  function readPostings(reader) {
    var count = reader.varint(), step = reader.varint() / 1000, levels = reader.varint();
    var ids = reader.ids(count), scores = new Float32Array(count);
    for (var i = 0; i < count; i++) {
      scores[i] = ((levels > 1 ? reader.data[reader.tail + i] : 0) + 0.5) * step;
    }
    return { ids: ids, scores: scores };
  }

  /** Ids of the documents that use the accented `form`; null: every document. */
  function readForm(reader, form, total) {
    var forms = reader.varint();
    for (var i = 0; i < forms; i++) {
      var text = reader.text(), count = reader.varint();
      var ids = count < total ? reader.ids(count) : null;
      if (text === form) return { ids: ids };
    }
    return { ids: new Int32Array(0) };
  }

  /**
   * The index at `base` (ends with "/"). `load(url)` resolves to the bytes of a
   * file; the browser uses fetch, tests read the disk.
   */
  function Index(base, load) {
    this.base = base;
    this.load = load;
    this.cache = Object.create(null);
    this.metaPromise = null;
  }
  Index.prototype.meta = function () {
    var self = this;
    if (!self.metaPromise) {
      self.metaPromise = self.load(self.base + "meta.bin", true).then(function (bytes) {
        var meta = JSON.parse(UTF8.decode(gunzip(bytes)));
        meta.heavySet = new Set(meta.heavy);
        meta.heavyFormSet = new Set(meta.heavyForms);
        return meta;
      });
      self.metaPromise.catch(function () { self.metaPromise = null; });
    }
    return self.metaPromise;
  };
  /** Decompressed bytes of a data file (in the build's folder), fetched once. */
  Index.prototype.file = function (meta, path, parse) {
    var self = this, key = meta.build + "/" + path;
    if (!self.cache[key]) {
      self.cache[key] = self.load(self.base + key).then(function (bytes) {
        return parse ? parse(gunzip(bytes)) : gunzip(bytes);
      });
      // A failed file may mean a newer build replaced this one: the next
      // search reads the manifest again.
      self.cache[key].catch(function () {
        delete self.cache[key];
        self.metaPromise = null;
      });
    }
    return self.cache[key];
  };
  /** The file holding `key`: its own when big, else the shared file of its group. */
  Index.prototype.keyFile = function (meta, key, forms) {
    var own = forms ? meta.heavyFormSet : meta.heavySet, path;
    if (own.has(key)) {
      path = (forms ? "kf/" : "k/") + hex8(hashKey(key));
    } else {
      var shards = forms ? meta.formShards : meta.shards;
      path = (forms ? "f/" : "s/") + (hashKey(groupOf(key)) & (shards - 1)).toString(16);
    }
    return this.file(meta, path + ".bin", forms ? keyedFile : postingsFile);
  };
  Index.prototype.records = function (meta, ids) {
    var self = this;
    return Promise.all(ids.map(function (id) {
      var block = Math.floor(id / meta.docsPerFile);
      return self.file(meta, "d/" + block + ".bin", function (bytes) {
        return JSON.parse(UTF8.decode(bytes));
      }).then(function (records) {
        return records[id - block * meta.docsPerFile];
      });
    }));
  };

  // ---------- Search ----------

  /** Ids [from, to) of the documents dated within [fromDay, toDay]. */
  function idRange(runs, fromDay, toDay, total) {
    var low = total, high = total, id = 0;
    for (var i = 0; i < runs.length; i++) {
      var day = runs[i][0];
      if (low === total && toDay !== null && day <= toDay) low = id;
      if (fromDay !== null && day < fromDay) {
        high = id;
        break;
      }
      id += runs[i][1];
    }
    if (toDay === null) low = 0;
    return [Math.min(low, high), high];
  }

  /** Terms keyed by folded form; the prefix term is kept apart from an equal full one. */
  function distinctTerms(query) {
    var seen = Object.create(null), terms = [];
    query.terms.forEach(function (term, i) {
      var open = query.prefix && i === query.terms.length - 1;
      var name = (open ? "*" : "") + term[1];
      if (!seen[name]) {
        seen[name] = true;
        terms.push({ exact: term[0], folded: term[1], open: open });
      }
    });
    return terms;
  }

  function completes(key, prefix) {
    return key !== prefix && key.lastIndexOf(prefix, 0) === 0 && key.indexOf(" ", prefix.length) < 0;
  }

  /**
   * Load what a term or pair reads: [[file, key, weight]]. Its own key and, when
   * it is the prefix being typed, the keys completing it: small ones from the
   * shared file of its group, big ones (listed in meta, most frequent first).
   */
  function loadKeys(index, meta, key, open) {
    var jobs = [index.keyFile(meta, key, false).then(function (file) { return [[file, key, 1]]; })];
    if (open) {
      jobs.push(index.file(meta, "s/" + (hashKey(groupOf(key)) & (meta.shards - 1)).toString(16) + ".bin", postingsFile)
        .then(function (file) {
          return file.keys.filter(function (k) { return completes(k, key); }).slice(0, MAX_COMPLETIONS)
            .map(function (k) { return [file, k, PREFIX_WEIGHT]; });
        }));
      meta.heavy.filter(function (k) { return completes(k, key); }).slice(0, MAX_HEAVY_COMPLETIONS)
        .forEach(function (k) {
          jobs.push(index.keyFile(meta, k, false).then(function (file) { return [[file, k, PREFIX_WEIGHT]]; }));
        });
    }
    return Promise.all(jobs).then(function (lists) { return [].concat.apply([], lists); });
  }

  // ---------- Search, with queries typed in Telex or VNI read ----------

  /**
   * Run a search: request = {text, kind: slug|"", categories: [slug], from:
   * day|null, to: day|null, sort: "lien-quan"|"moi-nhat", verbatim: bool,
   * typing: bool}. Resolves to {query, ids (all matches in order), kindOf (each
   * document's kind), kind (the chosen one, -1 for all), categorised, fallback
   * (matched all words but one), sort, reading}: reading is how a query typed in
   * Telex or VNI was read ({text, words: [[typed, read]]}), null when it is
   * searched as typed.
   * Only while the reader is typing (`typing`) may the last syllable match as
   * a prefix; a submitted query matches whole syllables.
   */
  function search(index, request) {
    var read = request.verbatim
      ? Promise.resolve(null)
      : readTypedQuery(index, request.text, request.typing);
    return read.then(function (reading) {
      var text = reading ? reading.text : request.text;
      return searchText(index, Object.assign({}, request, { text: text })).then(function (result) {
        result.reading = reading;
        return result;
      });
    });
  }

  /**
   * VnText.readTyped, kept for the words that the index does not have as typed
   * and whose reading it has, accents included: "ddoong" → "đông"; "seen" stays
   * "seen" on a site without "sên", and a word the site has as typed is never
   * read. The word still being typed needs only its folded key ("trieeu" while
   * "trieeuf" is on its way).
   */
  function readTypedQuery(index, text, typing) {
    var reading = VnText.readTyped(text);
    if (!reading) return Promise.resolve(null);
    var open = Boolean(typing) && VnText.searchQuery(reading.text).prefix;
    return index.meta().then(function (meta) {
      return Promise.all(reading.words.map(function (pair, i) {
        var last = open && i === reading.words.length - 1;
        return wordIsRead(index, meta, VnText.fold(pair[0]), pair[1], last);
      }));
    }).then(function (verdicts) {
      var only = reading.words.filter(function (pair, i) { return verdicts[i]; })
        .map(function (pair) { return pair[0]; });
      return only.length ? VnText.readTyped(text, only) : null;
    });
  }

  function wordIsRead(index, meta, typed, read, open) {
    var folded = VnText.fold(read);
    return Promise.all([
      index.keyFile(meta, typed, false),
      index.keyFile(meta, folded, false),
      open ? null : index.keyFile(meta, folded, true)
    ]).then(function (files) {
      var postings = files[1].get(folded);
      if (files[0].get(typed) || !postings) return false;
      if (open) return true;
      var forms = files[2].get(folded);
      if (!forms) return false;
      var used = readForm(forms, read, readPostings(postings).ids.length);
      return !used.ids || used.ids.length > 0;
    });
  }

  /** A search of the text as given (see search). */
  function searchText(index, request) {
    return index.meta().then(function (meta) {
      var query = VnText.searchQuery(request.text);
      if (!request.typing) query.prefix = false;
      var dated = request.from !== null || request.to !== null;
      var kinds = meta.kinds, kind = position(kinds, request.kind);
      // Only news articles (kind 0) have categories: with another kind they do not apply.
      var categories = kind > 0 ? [] : (request.categories || [])
        .map(function (slug) { return position(meta.categories, slug); })
        .filter(function (i) { return i >= 0; });
      return Promise.all([
        dated ? index.file(meta, "ngay.bin", function (b) { return JSON.parse(UTF8.decode(b)); }) : null,
        Promise.all(categories.map(function (i) { return index.file(meta, "c/" + i + ".bin"); })),
        query.terms.length ? loadTerms(index, meta, query) : null,
        // Each document's kind: 0 unless listed in a later kind's file.
        Promise.all(kinds.map(function (k, i) { return i && k[2] ? index.file(meta, "t/" + i + ".bin") : null; }))
      ]).then(function (loaded) {
        var total = meta.count;
        var range = loaded[0] ? idRange(loaded[0], request.from, request.to, total) : [0, total];
        var allowed = categories.length ? idSet(loaded[1], total, 1) : null;
        var kindOf = idSet(loaded[3], total);
        var keep = function (id) {
          return id >= range[0] && id < range[1] && (!allowed || allowed[id]) && (kind < 0 || kindOf[id] === kind);
        };
        var result;
        if (!query.terms.length) {
          var ids = [];
          for (var id = range[0]; id < range[1]; id++) if (keep(id)) ids.push(id);
          result = { ids: ids, fallback: false, sort: "moi-nhat" };
        } else {
          result = rank(loaded[2], total, keep, request.sort === "moi-nhat");
        }
        result.query = query;
        result.kindOf = kindOf;
        result.kind = kind;
        result.categorised = categories.length > 0;
        return result;
      });
    });
  }

  /** Index of the entry [slug, …] named `slug` in `list`, -1 if none. */
  function position(list, slug) {
    for (var i = 0; i < list.length; i++) if (list[i][0] === slug) return i;
    return -1;
  }

  /**
   * An array over the documents: for the id list files in `lists` (null ones
   * skipped), each id gets `value`, or the list's position when no value is given.
   */
  function idSet(lists, total, value) {
    var set = new Uint8Array(total);
    lists.forEach(function (bytes, i) {
      if (!bytes) return;
      var reader = new Reader(bytes), ids = reader.ids(reader.varint());
      for (var j = 0; j < ids.length; j++) set[ids[j]] = value || i;
    });
    return set;
  }

  /** Fetch the files of every term, pair and accented form, in parallel. */
  function loadTerms(index, meta, query) {
    var terms = distinctTerms(query), pairs = [];
    query.pairs.forEach(function (key, i) {
      var open = query.prefix && i === query.pairs.length - 1;
      if (!pairs.some(function (p) { return p.key === key && p.open === open; })) pairs.push({ key: key, open: open });
    });
    var jobs = [];
    terms.concat(pairs).forEach(function (item) {
      var key = item.key || item.folded;
      jobs.push(loadKeys(index, meta, key, item.open).then(function (keys) { item.keys = keys; }));
    });
    terms.forEach(function (term) {
      if (term.exact === term.folded) return;
      jobs.push(index.keyFile(meta, term.folded, true).then(function (file) { term.forms = file; }));
    });
    var identifier = identifierKey(query), named = [];
    if (identifier) {
      jobs.push(index.keyFile(meta, identifier, false).then(function (file) {
        var reader = file.get(identifier);
        if (reader) named = readPostings(reader).ids;
      }));
    }
    return Promise.all(jobs).then(function () {
      return { terms: terms, pairs: pairs, named: named };
    });
  }

  /** Best score per document of a term or pair over its keys, into `best`. */
  function bestScores(item, best) {
    best.fill(0);
    item.keys.forEach(function (entry) {
      var reader = entry[0].get(entry[1]);
      if (!reader) return;
      var postings = readPostings(reader), exact = null, everyone = false;
      if (entry[2] === 1 && item.forms) {
        var forms = item.forms.get(entry[1]);
        var found = forms ? readForm(forms, item.exact, postings.ids.length) : null;
        everyone = !!found && !found.ids;
        exact = found && found.ids ? new Set(found.ids) : null;
      }
      for (var i = 0; i < postings.ids.length; i++) {
        var id = postings.ids[i], value = postings.scores[i] * entry[2];
        if (everyone || (exact && exact.has(id))) value *= EXACT_BOOST;
        if (value > best[id]) best[id] = value;
      }
    });
  }

  /**
   * Score every document; keep those with all terms (or all but one). The
   * documents whose number the query is (loaded.named) come first.
   */
  function rank(loaded, total, keep, newest) {
    var score = new Float32Array(total), matched = new Uint8Array(total);
    var best = new Float32Array(total), named = new Uint8Array(total), id;
    loaded.named.forEach(function (id) { named[id] = 1; });
    loaded.terms.forEach(function (term) {
      bestScores(term, best);
      for (id = 0; id < total; id++) {
        if (best[id] > 0) {
          score[id] += best[id];
          matched[id]++;
        }
      }
    });
    loaded.pairs.forEach(function (pair) {
      bestScores(pair, best);
      for (id = 0; id < total; id++) score[id] += PAIR_WEIGHT * best[id];
    });
    var need = loaded.terms.length, ids = collect(need), fallback = false;
    if (!ids.length && need > 1) {
      ids = collect(need - 1);
      fallback = ids.length > 0;
    }
    if (!newest) {
      ids.sort(function (a, b) { return named[b] - named[a] || score[b] - score[a] || a - b; });
    }
    return { ids: ids, fallback: fallback, sort: newest ? "moi-nhat" : "lien-quan" };

    function collect(least) {
      var found = [];
      for (var i = 0; i < total; i++) if (matched[i] >= least && keep(i)) found.push(i);
      return found;
    }
  }

  // ---------- Dates ----------

  /** "16/11/2017", "6/1/2017" or "2017-11-16" → day number; "" → null; bad → NaN. */
  function parseDay(text) {
    var value = String(text || "").trim();
    if (!value) return null;
    var match = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(value);
    var parts = match ? [+match[3], +match[2], +match[1]] : null;
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    if (match) parts = [+match[1], +match[2], +match[3]];
    if (!parts) return NaN;
    var time = Date.UTC(parts[0], parts[1] - 1, parts[2]);
    var date = new Date(time);
    if (date.getUTCFullYear() !== parts[0] || date.getUTCMonth() !== parts[1] - 1 || date.getUTCDate() !== parts[2]) {
      return NaN;
    }
    return Math.round(time / DAY_MS);
  }

  function formatDay(day, iso) {
    var date = new Date(day * DAY_MS);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var d = pad(date.getUTCDate()), m = pad(date.getUTCMonth() + 1), y = date.getUTCFullYear();
    return iso ? y + "-" + m + "-" + d : d + "/" + m + "/" + y;
  }

  // ---------- The page ----------

  /** The search state in a URL's query string. */
  function readState(search) {
    var params = new URLSearchParams(search);
    var page = parseInt(params.get("trang"), 10);
    var state = {
      q: params.get("q") || "",
      categories: params.getAll("chuyen-muc").filter(Boolean),
      from: params.get("tu-ngay") || "",
      to: params.get("den-ngay") || "",
      sort: params.get("sap-xep") === "moi-nhat" ? "moi-nhat" : "lien-quan",
      page: page > 0 ? page : 1
    };
    // "Tìm đúng như đã gõ": no Telex or VNI reading.
    if (params.get("nguyen-van") === "1") state.verbatim = true;
    // Tin bài or văn bản only; all when absent.
    if (params.get("loai")) state.kind = params.get("loai");
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.kind) params.set("loai", state.kind);
    state.categories.forEach(function (slug) { params.append("chuyen-muc", slug); });
    if (state.from) params.set("tu-ngay", state.from);
    if (state.to) params.set("den-ngay", state.to);
    if (state.sort === "moi-nhat") params.set("sap-xep", "moi-nhat");
    if (state.page > 1) params.set("trang", String(state.page));
    if (state.verbatim) params.set("nguyen-van", "1");
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /* Titles and excerpts repeat their syllables: fold each one once. */
  var foldedTokens = new Map();
  function foldToken(token) {
    var folded = foldedTokens.get(token);
    if (folded === undefined) {
      if (foldedTokens.size > 20000) foldedTokens.clear();
      folded = VnText.fold(token);
      foldedTokens.set(token, folded);
    }
    return folded;
  }

  /**
   * Text with the syllables that match the query in <mark>, as DOM nodes: whole
   * syllables on folded text ("ban" marks "bản", never "bằng"), and syllables
   * starting with the last one only while it is being typed (query.prefix).
   */
  function highlight(document, text, query) {
    var fragment = document.createDocumentFragment();
    var last = query.terms.length - 1, wanted = Object.create(null);
    query.terms.forEach(function (term) { wanted[term[1]] = true; });
    var prefix = query.prefix ? query.terms[last][1] : null;
    VnText.runs(VnText.nfc(text)).forEach(function (part) {
      var folded = part.token ? foldToken(part.text) : "";
      if (part.token && (wanted[folded] || (prefix && folded.lastIndexOf(prefix, 0) === 0))) {
        var mark = document.createElement("mark");
        mark.textContent = part.text;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part.text));
      }
    });
    return fragment;
  }

  function Page(document, root) {
    this.document = document;
    this.window = document.defaultView;
    this.root = root;
    this.form = root.querySelector("[data-search-form]");
    this.status = root.querySelector("[data-search-status]");
    this.results = root.querySelector("[data-search-results]");
    this.list = root.querySelector("[data-search-list]");
    this.pages = root.querySelector("[data-search-pages]");
    this.heading = root.querySelector("[data-search-heading]");
    this.browse = root.querySelector("[data-search-browse]");
    this.categories = root.querySelector("[data-search-categories]");
    this.siteUrl = root.getAttribute("data-site-url") || "";
    this.index = new Index(root.getAttribute("data-search-index"), function (url, fresh) {
      return fetch(url, { cache: fresh ? "no-cache" : "default", credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.arrayBuffer();
      }).then(function (buffer) { return new Uint8Array(buffer); });
    });
    this.runs = 0;
    this.timer = null;
  }

  Page.prototype.start = function () {
    var self = this;
    var hidden = self.root.querySelectorAll("[data-search-nojs]");
    Array.prototype.forEach.call(hidden, function (element) { element.hidden = true; });
    self.form.hidden = false;
    self.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.go(self.formState(), "push");
    });
    self.form.addEventListener("change", function (event) {
      if (event.target.name === "loai") self.categoriesApply();
    });
    self.form.elements.q.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.go(self.formState(true), "replace"); }, 300);
    });
    self.pages.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-page]");
      if (!link) return;
      event.preventDefault();
      var state = readState(self.window.location.search);
      state.page = +link.getAttribute("data-page");
      self.go(state, "push", true);
    });
    self.window.addEventListener("popstate", function () { self.show(readState(self.window.location.search)); });
    self.show(readState(self.window.location.search));
  };

  /** The form's search; `typing`: answering keystrokes, not a submitted form. */
  Page.prototype.formState = function (typing) {
    var elements = this.form.elements, kind = this.form.querySelector("input[name='loai']:checked");
    var categories = this.categoriesApply() ? Array.prototype.filter
      .call(this.form.querySelectorAll("input[name='chuyen-muc']"), function (box) { return box.checked; })
      .map(function (box) { return box.value; }) : [];
    var state = {
      q: elements.q.value,
      categories: categories,
      from: elements["tu-ngay"].value.trim(),
      to: elements["den-ngay"].value.trim(),
      sort: elements["sap-xep"].value === "moi-nhat" ? "moi-nhat" : "lien-quan",
      page: 1,
      typing: Boolean(typing)
    };
    if (kind && kind.value) state.kind = kind.value;
    return state;
  };

  /**
   * Whether the categories narrow the search: not for a kind that has none
   * (văn bản), whose choice disables them. Returns the answer.
   */
  Page.prototype.categoriesApply = function () {
    var kind = this.form.querySelector("input[name='loai']:checked");
    var apply = !(kind && kind.hasAttribute("data-search-no-categories"));
    if (this.categories) this.categories.disabled = !apply;
    return apply;
  };

  Page.prototype.fillForm = function (state) {
    var elements = this.form.elements, kinds = this.form.querySelectorAll("input[name='loai']");
    if (elements.q.value !== state.q) elements.q.value = state.q;
    Array.prototype.forEach.call(kinds, function (radio) {
      radio.checked = radio.value === (state.kind || "");
    });
    // A kind the form does not offer searches everything.
    if (kinds.length && !this.form.querySelector("input[name='loai']:checked")) kinds[0].checked = true;
    this.categoriesApply();
    Array.prototype.forEach.call(this.form.querySelectorAll("input[name='chuyen-muc']"), function (box) {
      box.checked = state.categories.indexOf(box.value) >= 0;
    });
    elements["tu-ngay"].value = state.from;
    elements["den-ngay"].value = state.to;
    elements["sap-xep"].value = state.sort;
  };

  Page.prototype.go = function (state, how, focus) {
    clearTimeout(this.timer);
    var url = this.window.location.pathname + stateQuery(state);
    if (url !== this.window.location.pathname + this.window.location.search) {
      this.window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    }
    this.show(state, focus);
  };

  Page.prototype.say = function (text) {
    this.status.textContent = text;
  };

  /** Check the dates; mark bad fields. Returns {from, to} days or null. */
  Page.prototype.dates = function (state) {
    var self = this, problems = [];
    var days = {};
    [["from", "tu-ngay", "Từ ngày"], ["to", "den-ngay", "Đến ngày"]].forEach(function (field) {
      var input = self.form.elements[field[1]], error = self.root.querySelector("[data-search-error='" + field[1] + "']");
      var day = parseDay(state[field[0]]);
      var bad = day !== null && isNaN(day);
      input.setAttribute("aria-invalid", bad ? "true" : "false");
      if (error) {
        error.hidden = !bad;
        error.textContent = bad ? field[2] + " không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 16/11/2017." : "";
      }
      if (bad) problems.push(field[2]);
      days[field[0]] = bad ? null : day;
    });
    if (!problems.length && days.from !== null && days.to !== null && days.from > days.to) {
      problems.push("khoảng ngày");
      self.say("“Từ ngày” đang sau “Đến ngày”: hãy đổi lại khoảng ngày.");
      return null;
    }
    if (problems.length) {
      self.say("Ngày không hợp lệ (" + problems.join(", ") + "): hãy viết ngày/tháng/năm, ví dụ 16/11/2017.");
      return null;
    }
    return days;
  };

  Page.prototype.show = function (state, focus) {
    var self = this, run = ++self.runs;
    self.fillForm(state);
    var days = self.dates(state);
    if (!days) {
      self.clear();
      return Promise.resolve();
    }
    var query = VnText.searchQuery(state.q);
    if (!query.terms.length && !state.kind && !state.categories.length && days.from === null && days.to === null) {
      self.clear();
      self.browse.hidden = false;
      self.say(state.q.trim() ? "Nội dung tìm kiếm không có chữ hay số nào. Hãy nhập từ cần tìm hoặc chọn chuyên mục, ngày tháng." : "");
      return Promise.resolve();
    }
    self.say("Đang tìm…");
    var request = {
      text: state.q, kind: state.kind || "", categories: state.categories, from: days.from, to: days.to, sort: state.sort,
      verbatim: state.verbatim, typing: Boolean(state.typing)
    };
    return search(self.index, request).then(function (result) {
      if (run !== self.runs) return null;
      var pages = Math.max(1, Math.ceil(result.ids.length / PAGE_SIZE));
      var page = Math.min(state.page, pages);
      var shown = result.ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return self.index.meta().then(function (meta) {
        return self.index.records(meta, shown).then(function (records) {
          if (run !== self.runs) return;
          self.render(state, result, records, meta, page, pages);
          if (focus) self.heading.focus();
        });
      });
    }).catch(function (error) {
      if (run !== self.runs) return;
      self.clear();
      self.browse.hidden = false;
      self.say("Không tải được dữ liệu tìm kiếm. Hãy thử lại sau, hoặc tra cứu theo chuyên mục, theo tháng ở dưới.");
      if (self.window.console) self.window.console.warn("search:", error);
    });
  };

  Page.prototype.clear = function () {
    this.showReading(null, null);
    this.results.hidden = true;
    this.list.textContent = "";
    this.pages.textContent = "";
  };

  Page.prototype.render = function (state, result, records, meta, page, pages) {
    var self = this, document = self.document, count = result.ids.length;
    self.list.textContent = "";
    records.forEach(function (record) {
      var item = document.createElement("li");
      item.className = "search-result";
      var title = document.createElement("h3");
      title.className = "search-result__title";
      var link = document.createElement("a");
      link.href = self.siteUrl + "/" + record[1];
      link.appendChild(highlight(document, record[0], result.query));
      title.appendChild(link);
      var facts = document.createElement("p");
      facts.className = "search-result__meta meta";
      var time = document.createElement("time");
      time.setAttribute("datetime", formatDay(record[2], true));
      time.textContent = formatDay(record[2]);
      if (record[5]) {
        // Not a news article: its kind ("Văn bản") and the day it was issued.
        facts.append(meta.kinds[record[5]][1] + " · ban hành ", time);
      } else {
        facts.appendChild(time);
      }
      if (meta.categories[record[3]]) {
        facts.appendChild(document.createTextNode(" · " + meta.categories[record[3]][1]));
      }
      var snippet = document.createElement("p");
      snippet.className = "search-result__snippet";
      snippet.appendChild(highlight(document, record[4], result.query));
      item.appendChild(title);
      item.appendChild(facts);
      item.appendChild(snippet);
      self.list.appendChild(item);
    });
    self.list.setAttribute("start", String((page - 1) * PAGE_SIZE + 1));
    self.renderPages(state, page, pages);
    self.results.hidden = count === 0;
    self.browse.hidden = count > 0;
    self.showReading(state, result.reading);
    self.say(self.summary(state, result, meta, page, pages));
  };

  /**
   * "Đã hiểu là: đông triều" above the results when the query was read as
   * Telex or VNI, with a link that searches the words as typed.
   */
  Page.prototype.showReading = function (state, reading) {
    var self = this, document = self.document, line = self.readingLine;
    if (!reading) {
      if (line) line.hidden = true;
      return;
    }
    if (!line) {
      line = self.readingLine = document.createElement("p");
      line.className = "search-results__reading";
      line.setAttribute("data-search-reading", "");
      self.status.parentNode.insertBefore(line, self.status);
    }
    var verbatim = Object.assign({}, state, { verbatim: true, page: 1 });
    var link = document.createElement("a");
    link.href = self.window.location.pathname + stateQuery(verbatim);
    link.textContent = "Tìm đúng như đã gõ “" + state.q.trim() + "”";
    link.addEventListener("click", function (event) {
      event.preventDefault();
      self.go(verbatim, "push");
    });
    var understood = document.createElement("strong");
    understood.textContent = reading.text.trim();
    line.textContent = "";
    line.append("Đã hiểu là: ", understood, ". ", link);
    line.hidden = false;
  };

  /**
   * The status line. Results are named by kind: "12 tin bài", "1 văn bản",
   * "13 kết quả (12 tin bài, 1 văn bản)"; none found, by what could be found.
   */
  Page.prototype.summary = function (state, result, meta, page, pages) {
    var count = result.ids.length, kinds = meta.kinds;
    var tally = kinds.map(function () { return 0; });
    result.ids.forEach(function (id) { tally[result.kindOf[id]]++; });
    var name = function (k) { return kinds[k][1].toLowerCase(); };
    var found = tally.map(function (n, k) { return n ? VnText.formatNumber(n) + " " + name(k) : ""; }).filter(Boolean);
    var number = found.length > 1 ? VnText.formatNumber(count) + " kết quả (" + found.join(", ") + ")" : found[0];
    // What could be found: the chosen kind, news with categories, or every kind the site has.
    var scope = result.kind >= 0 ? [result.kind] : result.categorised ? [0]
      : kinds.map(function (k, i) { return k[2] ? i : -1; }).filter(function (i) { return i >= 0; });
    var noun = scope.length === 1 ? name(scope[0]) : "kết quả";
    var words = result.query.terms.map(function (t) { return t[0]; }).join(" ");
    var text;
    if (!count) {
      text = "Không tìm thấy " + noun + " nào" + (words ? " chứa “" + words + "”" : "") + " với điều kiện đã chọn.";
    } else if (!words) {
      text = "Có " + number + " phù hợp, mới nhất trước.";
    } else {
      text = "Tìm thấy " + number + " cho “" + words + "”" +
        (result.sort === "moi-nhat" ? ", mới nhất trước." : ", liên quan nhất trước.");
    }
    if (result.fallback) {
      text = "Không có " + noun + " nào chứa đủ tất cả các từ. Dưới đây là " + number +
        " chứa đủ các từ trừ một từ.";
    }
    if (Array.from(state.q).length > 200 || VnText.tokenize(state.q).length > 10) {
      text += " Nội dung tìm kiếm dài quá nên chỉ dùng 200 ký tự, 10 từ đầu.";
    }
    return count && pages > 1 ? text + " Trang " + page + "/" + pages + "." : text;
  };

  Page.prototype.renderPages = function (state, page, pages) {
    var self = this, document = self.document;
    self.pages.textContent = "";
    if (pages < 2) return;
    var list = document.createElement("ul");
    list.className = "search-results__pages";
    var add = function (number, label, current) {
      var item = document.createElement("li"), target = Object.assign({}, state, { page: number });
      var element = document.createElement(current ? "span" : "a");
      element.textContent = label;
      if (current) {
        element.setAttribute("aria-current", "page");
      } else {
        element.href = self.window.location.pathname + stateQuery(target);
        element.setAttribute("data-page", String(number));
      }
      item.appendChild(element);
      list.appendChild(item);
    };
    if (page > 1) add(page - 1, "Trang trước");
    for (var n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) add(n, String(n), n === page);
    if (page < pages) add(page + 1, "Trang sau");
    self.pages.appendChild(list);
  };

  function start(document) {
    var view = document && document.defaultView;
    if (!view || !VnText || !view.fetch || !view.history.pushState || !view.TextDecoder) return;
    var begin = function () {
      var root = document.querySelector("[data-search]");
      if (root) new Page(document, root).start();
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", begin);
    } else {
      begin();
    }
  }

  return {
    groupOf: groupOf,
    hashKey: hashKey,
    identifierKey: identifierKey,
    gunzip: gunzip,
    Index: Index,
    search: search,
    readTypedQuery: readTypedQuery,
    parseDay: parseDay,
    formatDay: formatDay,
    readState: readState,
    stateQuery: stateQuery,
    start: start
  };
});

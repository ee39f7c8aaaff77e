// Search over the index made at build time, in five parts (see the architecture notes):
// search-index.js, loaded with the page, holds every PDU and region with their aliases and the
// places each PDU serves; search/s/<n>.js, the full-text shards, each loaded when a query has a
// word in it; search/p/<shard>-<k>-<n>.js, the rest of a word in many reports, whose shard holds
// only its best postings, loaded only when those cannot rank the results shown exactly;
// search/r/<n>.js, the reports' page names, a list of them loaded when a result shown is in it;
// search/t/<slug>.js, a report's text, loaded for the results shown, for their snippets.
// Every part is a script, so that search works from disk (file://) as well as from a server.
//
// Names and places match within words and rank first; then the reports that have every word of
// the query, by score (a word in a report's title, PDU, region or places counts most, then in a
// heading, recommendation or summary, then each use in its text). The query is kept in the
// address (?q=…). Its words are the page's, in the page's language: the status line carries them in
// data- attributes (a count's text in each plural form).
(function () {
  "use strict";
  var index = window.REPORTSITE_SEARCH || { shards: 1, lists: 0, perList: 1, names: [] };
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list) return;
  var PAGE = 10;
  // A language other than the default has its own names (search/names.js) and snippet texts, and
  // takes the shards and report lists of the one index of every language's words from the default
  // language's folder (`base`).
  var local = window.REPORTSITE_NAMES;
  var base = local ? local.base : "";
  if (local) index.names = local.names;
  var phrases = status ? status.dataset : {};
  var plurals = new Intl.PluralRules(document.documentElement.lang);
  // "3 results found": the form of `name` for `count`, its count filled in.
  function counted(name, count) {
    var category = plurals.select(count);
    var text = phrases[name + category.charAt(0).toUpperCase() + category.slice(1)] || phrases[name + "Other"] || "";
    return text.replace("{count}", count);
  }
  // "(2 PDUs or regions, 5 reports)": how many of the results are names and how many reports.
  function breakdown(names, reports) {
    var parts = { names: counted("pdus", names), regions: counted("regions", names), reports: counted("reports", reports) };
    return (phrases.breakdown || "").replace(/\{(names|regions|reports)\}/g, function (_, part) { return parts[part]; });
  }

  // The same rule as the build's (SearchText): lower case, accents off, split on what is not a
  // letter or digit.
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  // Words are looked up in Maps and Sets, never as a plain object's keys: a word such as
  // "constructor" or "hasownproperty" would otherwise find what every object inherits.
  function words(text) {
    var seen = new Set();
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      if (!w || w.length > 160 || seen.has(w)) return false;
      seen.add(w);
      return true;
    });
  }
  // FNV-1a over the word's UTF-8 bytes, as the build spreads words over the shards.
  var encoder = new TextEncoder();
  function shardOf(word) {
    var hash = 0x811c9dc5;
    encoder.encode(word).forEach(function (byte) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    });
    return hash & (index.shards - 1);
  }

  var names = index.names.map(function (e) {
    return { entry: e, name: fold(e.n), also: fold(e.a.concat(e.p).join(" | ")) };
  });

  // Scripts loaded once each; a part calls back with its data.
  // A shard arrives as an object literal; its words are copied into a Map, own properties only.
  var shards = new Map(), rests = new Map(), slugLists = new Map(), texts = new Map(), loading = new Map();
  window.__reportsiteShard = function (number, data) {
    var postings = new Map();
    Object.keys(data).forEach(function (w) { postings.set(w, data[w]); });
    shards.set(number, postings);
  };
  // (report, score) pairs, each report the difference from the one before (the first from `start`).
  function decode(pairs, start) {
    var scores = new Map();
    for (var i = 0, id = start; i < pairs.length; i += 2) {
      id += pairs[i];
      scores.set(id, pairs[i + 1]);
    }
    return scores;
  }
  // The rest of a split word's postings, those of the reports in one list of names.
  window.__reportsiteRest = function (shard, k, list, pairs) {
    rests.set(shard + "-" + k + "-" + list, decode(pairs, list * index.perList));
  };
  // A list of the reports' page names, each written as how many characters it shares with the one
  // before and the rest.
  window.__reportsiteReports = function (number, coded) {
    var slugs = [];
    for (var r = 0; r < coded.length; r += 2) {
      var before = slugs.length ? slugs[slugs.length - 1] : "";
      slugs.push(before.slice(0, coded[r]) + coded[r + 1]);
    }
    slugLists.set(number, slugs);
  };
  window.__reportsiteText = function (slug, data) { texts.set(slug, data); };
  function slugOf(id) {
    var slugs = slugLists.get(Math.floor(id / index.perList));
    return slugs ? slugs[id % index.perList] : undefined;
  }
  function load(src) {
    if (!loading.has(src)) {
      loading.set(src, new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = resolve; // a missing part leaves its words unmatched, not the page broken
        document.head.appendChild(script);
      }));
    }
    return loading.get(src);
  }

  function nameMatches(query) {
    var qs = fold(query).split(/\s+/).filter(Boolean);
    var found = [];
    names.forEach(function (item) {
      var inName = 0, all = true;
      qs.forEach(function (w) {
        if (item.name.indexOf(w) !== -1) inName++;
        else if (item.also.indexOf(w) === -1) all = false;
      });
      if (all && qs.length) found.push({ item: item, score: inName });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    return found.map(function (f) { return f.item.entry; });
  }

  // A query word's postings, as `reportMatches` asks of them: how many reports it is in, whether
  // it is in a report, its score there if known, and else at most what, and which file has it. A
  // word in many reports (an object in its shard, where others are lists) has only its best
  // postings there, with a bitmap or list of all its reports and the first posting left out
  // (`t`: score, report); the rest, in files by list of report names, are loaded when needed.
  var decoded = new Map();
  function postingsOf(w) {
    if (decoded.has(w)) return decoded.get(w);
    var number = shardOf(w);
    var shard = shards.get(number);
    var entry = (shard && shard.get(w)) || [];
    var result;
    if (Array.isArray(entry)) {
      var scores = decode(entry, 0);
      result = { n: scores.size, members: function (each) { scores.forEach(function (_, id) { each(id); }); },
                 has: function (id) { return scores.has(id); }, score: function (id) { return scores.get(id); } };
    } else {
      var best = decode(entry.p, 0);
      var bits = new Uint8Array(index.lists * index.perList / 8 + 1);
      var set = function (id) { bits[id >> 3] |= 1 << (id & 7); };
      if (typeof entry.m === "string") {
        var bytes = atob(entry.m);
        for (var b = 0; b < bytes.length; b++) bits[b] = bytes.charCodeAt(b);
      } else {
        best.forEach(function (_, id) { set(id); });
        for (var i = 0, id = 0; i < entry.m.length; i++) { id += entry.m[i]; set(id); }
      }
      var has = function (id) { return (bits[id >> 3] & (1 << (id & 7))) !== 0; };
      var file = function (id) { return number + "-" + entry.k + "-" + Math.floor(id / index.perList); };
      result = {
        n: entry.n, has: has,
        members: function (each) {
          for (var byte = 0; byte < bits.length; byte++) {
            if (!bits[byte]) continue;
            for (var bit = 0; bit < 8; bit++) if (bits[byte] & (1 << bit)) each(byte * 8 + bit);
          }
        },
        score: function (id) {
          var known = best.get(id);
          if (known !== undefined) return known;
          var rest = rests.get(file(id));
          return rest && rest.get(id);
        },
        // A report of the rest comes after `t` in the order best score first, lower report first.
        bound: function (id) { return id < entry.t[1] ? entry.t[0] - 1 : entry.t[0]; },
        file: function (id) { return base + "p/" + file(id) + ".js"; }
      };
    }
    // Kept only once its shard is here: a word looked up before (by a query typed on since) is
    // not in it for good.
    if (shard) decoded.set(w, result);
    return result;
  }

  // The order of results (report id, score): best score first, then by the index's order (by page
  // name); and whether one ranks before another in it.
  function order(a, b) {
    return b.score - a.score || a.id - b.id;
  }
  function before(a, b) {
    return order(a, b) < 0;
  }

  // The reports with every word: how many (`count`), the first of them best first, at least
  // `needed` of them where there are as many (`ranked`), or else the files of postings to load
  // before it can say (`missing`). A report whose every score is known has its place; one with a
  // score still in a file not loaded ranks no higher than its known scores plus the bounds of the
  // others, so the known reports that rank before every such report's best case are the first
  // results, exactly as with every posting loaded.
  function reportMatches(ws, needed) {
    var all = ws.map(postingsOf);
    var driver = all.reduce(function (a, b) { return b.n < a.n ? b : a; });
    var known = [], open = [];
    driver.members(function (id) {
      var score = 0, files = [];
      for (var i = 0; i < all.length; i++) {
        if (all[i] !== driver && !all[i].has(id)) return;
      }
      for (var j = 0; j < all.length; j++) {
        var s = all[j].score(id);
        if (s === undefined) {
          score += all[j].bound(id);
          files.push(all[j].file(id));
        } else {
          score += s;
        }
      }
      (files.length ? open : known).push({ id: id, score: score, files: files });
    });
    known.sort(order);
    var count = known.length + open.length;
    var top = open.reduce(function (a, b) { return a === null || before(b, a) ? b : a; }, null);
    var ranked = known;
    if (top !== null) {
      var sure = 0;
      while (sure < known.length && before(known[sure], top)) sure++;
      ranked = known.slice(0, sure);
    }
    var missing = [];
    if (ranked.length < Math.min(needed, count)) {
      // The files of the reports that may rank next, as many of them as results are wanted.
      open.sort(order);
      open.slice(0, Math.max(1, needed - ranked.length)).forEach(function (r) {
        r.files.forEach(function (f) { if (missing.indexOf(f) === -1) missing.push(f); });
      });
    }
    return { count: count, ranked: ranked.map(function (r) { return r.id; }), missing: missing };
  }

  // `reportMatches` once the postings it needs for the first `needed` results are loaded.
  function rankedReports(ws, needed) {
    var found = reportMatches(ws, needed);
    if (!found.missing.length) return Promise.resolve(found);
    return Promise.all(found.missing.map(load)).then(function () { return rankedReports(ws, needed); });
  }

  // The text around the first use of the query as typed, or else of its first word found, with
  // the query's words marked.
  function snippet(text, query, ws) {
    var lower = text.toLowerCase();
    var at = lower.indexOf(query.toLowerCase());
    for (var i = 0; at === -1 && i < ws.length; i++) {
      var match = new RegExp("(^|[^\\p{L}\\p{N}])" + ws[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\p{L}\\p{N}])", "u").exec(lower);
      if (match) at = match.index + match[1].length;
    }
    if (at === -1) return null;
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 80)) + 1);
    var end = text.indexOf(" ", Math.min(text.length, at + 160));
    if (end === -1) end = text.length;
    var piece = (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    var p = document.createElement("p");
    p.className = "search-snippet";
    var pattern = new RegExp("(" + ws.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "giu");
    var last = 0;
    piece.replace(pattern, function (found, _, offset) {
      if (/[\p{L}\p{N}]/u.test(piece.charAt(offset - 1) || "") || /[\p{L}\p{N}]/u.test(piece.charAt(offset + found.length) || "")) return found;
      p.appendChild(document.createTextNode(piece.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = found;
      p.appendChild(mark);
      last = offset + found.length;
      return found;
    });
    p.appendChild(document.createTextNode(piece.slice(last)));
    return p;
  }

  function item(href, title, details, extra) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = "../" + href;
    link.textContent = title;
    li.appendChild(link);
    var meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = " " + details;
    li.appendChild(meta);
    if (extra) li.appendChild(extra);
    return li;
  }

  var current = 0, shown = [], reports = [], found = 0, query = "", queryWords = [];

  function showReports(from, started, run) {
    // A query typed on since has its own results to show.
    if (run !== current) return Promise.resolve();
    // The results up to those shown here are ranked, loading the rest of a word's postings if need be.
    var ranking = reports.length >= Math.min(from + PAGE, found) ? Promise.resolve(null) : rankedReports(queryWords, from + PAGE);
    return ranking.then(function (more) {
      if (run !== current) return [];
      if (more) reports = more.ranked;
      var ids = reports.slice(from, from + PAGE);
      var lists = ids.map(function (id) { return Math.floor(id / index.perList); })
        .filter(function (n, i, all) { return all.indexOf(n) === i; });
      return Promise.all(lists.map(function (n) { return load(base + "r/" + n + ".js"); })).then(function () {
        var slugs = ids.map(slugOf).filter(Boolean);
        return Promise.all(slugs.map(function (slug) { return load("t/" + slug + ".js"); })).then(function () { return slugs; });
      });
    }).then(function (slugs) {
      if (run !== current) return;
      slugs.forEach(function (slug) {
        var t = texts.get(slug);
        if (!t) return;
        list.appendChild(item(t.u, t.t, t.d, snippet(t.x, query, queryWords)));
      });
      shown = reports.slice(0, from + PAGE);
      more.hidden = found <= shown.length;
      if (started !== null) window.__searchMilliseconds = performance.now() - started;
    });
  }

  function show(text) {
    var started = performance.now();
    var run = ++current;
    query = text;
    queryWords = words(text);
    window.__searchMilliseconds = null;
    var named = text ? nameMatches(text) : [];
    var needed = queryWords.map(shardOf).filter(function (n, i, all) { return all.indexOf(n) === i; });
    var parts = needed.map(function (n) { return load(base + "s/" + n + ".js"); });
    // A site whose reports fit one list loads it with the shards, rather than after them.
    if (queryWords.length && index.lists === 1) parts.push(load(base + "r/0.js"));
    return Promise.all(parts).then(function () {
      return queryWords.length ? rankedReports(queryWords, PAGE) : { count: 0, ranked: [] };
    }).then(function (matches) {
      if (run !== current) return;
      reports = matches.ranked;
      found = matches.count;
      list.textContent = "";
      named.forEach(function (e) { list.appendChild(item(e.u, e.n, e.d)); });
      var total = named.length + found;
      status.textContent = text ? counted("results", total) + (named.length ? " " + breakdown(named.length, found) : "") : "";
      return showReports(0, started, run);
    });
  }

  more.addEventListener("click", function () {
    showReports(shown.length, null, current);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    history.replaceState(null, "", text ? "?q=" + encodeURIComponent(text) : location.pathname);
    show(text);
  });
  input.addEventListener("input", function () { show(input.value.trim()); });

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  show(initial);
})();

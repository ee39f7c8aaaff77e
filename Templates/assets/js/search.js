// Search over the index made at build time, in four parts (see the architecture notes):
// search-index.js, loaded with the page, holds every PDU and region with their aliases and the
// places each PDU serves; search/s/<n>.js, the full-text shards, each loaded when a query has a
// word in it; search/r/<n>.js, the reports' page names, a list of them loaded when a result shown
// is in it; search/t/<slug>.js, a report's text, loaded for the results shown, for their snippets.
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
  var shards = new Map(), slugLists = new Map(), texts = new Map(), loading = new Map();
  window.__reportsiteShard = function (number, data) {
    var postings = new Map();
    Object.keys(data).forEach(function (w) { postings.set(w, data[w]); });
    shards.set(number, postings);
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

  // Reports with every word, best first; ties in the index's order (by page name).
  function reportMatches(ws) {
    var scores = null;
    ws.forEach(function (w) {
      var shard = shards.get(shardOf(w));
      var postings = (shard && shard.get(w)) || [];
      var next = new Map();
      for (var i = 0, id = 0; i < postings.length; i += 2) {
        id += postings[i];
        if (scores === null || scores.has(id)) next.set(id, (scores === null ? 0 : scores.get(id)) + postings[i + 1]);
      }
      scores = next;
    });
    if (scores === null) return [];
    return Array.from(scores.keys()).sort(function (a, b) {
      return scores.get(b) - scores.get(a) || a - b;
    });
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

  var current = 0, shown = [], reports = [], query = "", queryWords = [];

  function showReports(from, started, run) {
    var ids = reports.slice(from, from + PAGE);
    var lists = ids.map(function (id) { return Math.floor(id / index.perList); })
      .filter(function (n, i, all) { return all.indexOf(n) === i; });
    return Promise.all(lists.map(function (n) { return load(base + "r/" + n + ".js"); })).then(function () {
      var slugs = ids.map(slugOf).filter(Boolean);
      return Promise.all(slugs.map(function (slug) { return load("t/" + slug + ".js"); })).then(function () { return slugs; });
    }).then(function (slugs) {
      if (run !== current) return;
      slugs.forEach(function (slug) {
        var t = texts.get(slug);
        if (!t) return;
        list.appendChild(item(t.u, t.t, t.d, snippet(t.x, query, queryWords)));
      });
      shown = reports.slice(0, from + PAGE);
      more.hidden = reports.length <= shown.length;
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
      if (run !== current) return;
      reports = queryWords.length ? reportMatches(queryWords) : [];
      list.textContent = "";
      named.forEach(function (e) { list.appendChild(item(e.u, e.n, e.d)); });
      var total = named.length + reports.length;
      status.textContent = text ? counted("results", total) + (named.length ? " " + breakdown(named.length, reports.length) : "") : "";
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

// Search over the compact index made at build time (search-index.js). Works from a server and from
// disk (file://), with no request beyond the two scripts. Every word of the query must appear in an
// entry; matches in the PDU, region or title rank first. The query is kept in the address (?q=…).
(function () {
  "use strict";
  var index = window.REPORTSITE_SEARCH || [];
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list) return;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var prepared = index.map(function (e) {
    return { entry: e, primary: fold([e.p, e.r, e.t].join(" ")), all: fold([e.p, e.r, e.t, e.d, e.o].concat(e.h, e.c).join(" ")) };
  });

  function search(query) {
    var started = performance.now();
    var words = fold(query).split(/\s+/).filter(Boolean);
    var results = [];
    if (words.length) {
      prepared.forEach(function (item) {
        if (!words.every(function (w) { return item.all.indexOf(w) !== -1; })) return;
        var score = words.filter(function (w) { return item.primary.indexOf(w) !== -1; }).length;
        results.push({ item: item, score: score });
      });
      results.sort(function (a, b) { return b.score - a.score; });
    }
    window.__searchMilliseconds = performance.now() - started;
    return results.map(function (r) { return r.item.entry; });
  }

  function show(query) {
    var results = search(query);
    list.textContent = "";
    results.forEach(function (e) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "../" + e.u;
      link.textContent = e.t;
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + [e.r, e.d, e.o].filter(Boolean).join(" · ");
      item.appendChild(meta);
      list.appendChild(item);
    });
    status.textContent = query ? results.length + " report" + (results.length === 1 ? "" : "s") + " found" : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    show(query);
  });
  input.addEventListener("input", function () { show(input.value.trim()); });

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  show(initial);
})();

// Sorting and filtering for the national ratings tables. Progressive enhancement: without this
// script the tables are complete and static; with it, column headers sort and a small form filters
// rows by region, overall rating and programme. Filters live in the address (?region=…&rating=…&programme=…)
// so a filtered view can be bookmarked and shared. Its words are the page's, in the page's language:
// the filters' box carries them in data- attributes (a count's text in each plural form).
(function () {
  "use strict";
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.ratings-table[data-programme]"));
  var box = document.getElementById("table-filters");
  if (!tables.length || !box) return;
  var phrases = box.dataset;
  var plurals = new Intl.PluralRules(document.documentElement.lang);
  // "{count} inspections shown": the form of `name` for `count`, its count filled in.
  function counted(name, count) {
    var category = plurals.select(count);
    var text = phrases[name + category.charAt(0).toUpperCase() + category.slice(1)] || phrases[name + "Other"] || "";
    return text.replace("{count}", count);
  }

  // A rating's rank, from its badge's class (`rating-good`), which is the same in every language.
  var rankOf = { "outstanding": 3, "good": 2, "requires-improvement": 1, "inadequate": 0 };
  function rankOfBadge(badge) {
    var found = badge && /(?:^| )rating-([a-z-]+)/.exec(badge.className);
    return found && found[1] in rankOf ? rankOf[found[1]] : null;
  }
  function rows(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }
  function unique(values) { return values.filter(function (v, i) { return v && values.indexOf(v) === i; }).sort(); }

  var regions = unique([].concat.apply([], tables.map(function (t) { return rows(t).map(function (r) { return r.dataset.region; }); })));
  // The overall ratings the tables show, best first, named as the page names them.
  var ranked = {};
  tables.forEach(function (t) {
    rows(t).forEach(function (r) {
      var badge = Array.prototype.find.call(r.querySelectorAll(".rating"), function (b) { return b.textContent.trim() === r.dataset.overall; });
      var rank = rankOfBadge(badge);
      if (rank !== null) ranked[r.dataset.overall] = rank;
    });
  });
  var ratings = Object.keys(ranked).sort(function (a, b) { return ranked[b] - ranked[a]; });
  var programmes = tables.map(function (t) { return t.dataset.programme; });

  function select(name, label, options) {
    var wrapper = document.createElement("label");
    wrapper.textContent = label + " ";
    var control = document.createElement("select");
    control.name = name;
    control.appendChild(new Option(phrases.all, ""));
    options.forEach(function (o) { control.appendChild(new Option(o, o)); });
    wrapper.appendChild(control);
    box.appendChild(wrapper);
    return control;
  }
  var heading = document.createElement("h2");
  heading.textContent = phrases.heading;
  heading.className = "filters-heading";
  box.appendChild(heading);
  var controls = {
    region: select("region", phrases.region, regions),
    rating: select("rating", phrases.rating, ratings),
    programme: select("programme", phrases.programme, programmes)
  };
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "filters-status";
  box.appendChild(status);
  box.hidden = false;

  function apply() {
    var shown = 0;
    tables.forEach(function (table) {
      var section = table.closest("section") || table;
      var programmeOK = !controls.programme.value || table.dataset.programme === controls.programme.value;
      section.hidden = !programmeOK;
      rows(table).forEach(function (row) {
        var ok = programmeOK &&
          (!controls.region.value || row.dataset.region === controls.region.value) &&
          (!controls.rating.value || row.dataset.overall === controls.rating.value);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
    });
    status.textContent = counted("shown", shown);
    var params = new URLSearchParams();
    Object.keys(controls).forEach(function (k) { if (controls[k].value) params.set(k, controls[k].value); });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  var initial = new URLSearchParams(location.search);
  Object.keys(controls).forEach(function (k) {
    var value = initial.get(k);
    if (value && Array.prototype.some.call(controls[k].options, function (o) { return o.value === value; })) controls[k].value = value;
    controls[k].addEventListener("change", apply);
  });
  apply();

  // Sorting: each column header becomes a button; a second press reverses the order.
  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[column];
          var header = th.textContent.trim();
          if (header === phrases.scoreColumn) return row.dataset.score === "" ? -1 : Number(row.dataset.score);
          if (header === phrases.publishedColumn) return row.dataset.published || "";
          // A rating that is not published is a dash with hidden words: it sorts below every rating.
          if (cell.querySelector(".rating-none")) return -1;
          var rank = rankOfBadge(cell.querySelector(".rating"));
          return rank !== null ? rank : cell.textContent.trim();
        };
        var sorted = rows(table).sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  });
})();

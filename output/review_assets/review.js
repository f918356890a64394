/* kenmerk review report: go from a field to its mark, sort and filter the index.
   Everything also works without JavaScript: fields link to their marks, marks to their rows. */
(function () {
  "use strict";
  var doc = document;

  /* ---- note page: field row -> box ---- */
  function clearActive() {
    var act = doc.querySelectorAll(".is-active");
    for (var i = 0; i < act.length; i++) { act[i].classList.remove("is-active"); }
  }
  function activate(key, push) {
    var target = doc.getElementById("box-" + key);
    if (!target) { return false; }
    clearActive();
    var marks = [];
    if (target.classList.contains("ev-anchor")) {
      marks = doc.querySelectorAll('mark[data-items~="' + key + '"]');
    } else {
      marks = [target];
    }
    for (var i = 0; i < marks.length; i++) { marks[i].classList.add("is-active"); }
    if (target.classList.contains("alt")) {           /* a runner-up: unfold its field, show its box */
      var entry = doc.getElementById("cand-" + key), folded = entry && entry.closest("details");
      if (folded) { folded.open = true; }
      target.classList.add("shown");
    }
    var row = doc.getElementById("row-" + key) || doc.getElementById("cand-" + key);
    if (row) { row.classList.add("is-active"); }
    var scrollTo = marks.length ? marks[0] : target;
    scrollTo.scrollIntoView({ block: "center", inline: "nearest" });
    if (typeof scrollTo.focus === "function") {
      if (!scrollTo.hasAttribute("href") && !scrollTo.hasAttribute("tabindex")) { scrollTo.setAttribute("tabindex", "-1"); }
      scrollTo.focus({ preventScroll: true });
    }
    if (push && window.history && history.replaceState) { history.replaceState(null, "", "#box-" + key); }
    return true;
  }
  /* ---- note page: a field's runners-up, folded; their boxes show while they are unfolded ---- */
  function showRunnersUp(field, on) {
    var boxes = doc.querySelectorAll('a.box.alt[data-field="' + field + '"]');
    for (var i = 0; i < boxes.length; i++) { boxes[i].classList.toggle("shown", on); }
  }
  var folds = doc.querySelectorAll("details.cands");
  for (var f = 0; f < folds.length; f++) {
    folds[f].addEventListener("toggle", function () { showRunnersUp(this.getAttribute("data-field"), this.open); });
  }
  function openWhy(field) {
    var why = doc.getElementById("why-" + field);
    if (!why) { return false; }
    if (why.tagName === "DETAILS") { why.open = true; showRunnersUp(field, true); }
    why.scrollIntoView({ block: "center", inline: "nearest" });
    var summary = why.querySelector("summary");
    if (summary) { summary.focus({ preventScroll: true }); }
    return true;
  }
  var fieldTable = doc.querySelector("table.fields");
  if (fieldTable) {
    fieldTable.addEventListener("click", function (ev) {
      var alt = ev.target.closest("a.alt-goto[data-key]");
      if (alt) {
        if (activate(alt.getAttribute("data-key"), true)) { ev.preventDefault(); }
        return;
      }
      var row = ev.target.closest("tr[data-key]");
      if (!row) { return; }
      if (activate(row.getAttribute("data-key"), true)) { ev.preventDefault(); }
    });
  }
  var issueList = doc.querySelector("ul.issues");
  if (issueList) {
    issueList.addEventListener("click", function (ev) {
      var a = ev.target.closest("a[data-key]");
      if (a && activate(a.getAttribute("data-key"), true)) { ev.preventDefault(); return; }
      var w = ev.target.closest("a[data-why]");
      if (w && openWhy(w.getAttribute("data-why"))) { ev.preventDefault(); }
    });
  }
  if (location.hash.indexOf("#box-") === 0) { activate(decodeURIComponent(location.hash.slice(5)), false); }

  /* ---- index page: sort and filter ---- */
  var table = doc.querySelector("table.notes");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var status = doc.getElementById("shown-status");
  var headers = table.querySelectorAll("th[data-sort]");
  function value(row, key, numeric) {
    var v = row.getAttribute("data-" + key) || "";
    return numeric ? (v === "" ? null : parseFloat(v)) : (v === "" ? null : v.toLocaleLowerCase());
  }
  function sortBy(th) {
    var key = th.getAttribute("data-sort");
    var numeric = th.hasAttribute("data-numeric");
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", dir);
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (r, i) { r._pos = i; });
    rows.sort(function (a, b) {
      var x = value(a, key, numeric), y = value(b, key, numeric);
      if (x === null && y === null) { return a._pos - b._pos; }
      if (x === null) { return 1; }          /* empty values last, both ways */
      if (y === null) { return -1; }
      var c = numeric ? x - y : (x < y ? -1 : x > y ? 1 : 0);
      if (c === 0) { return a._pos - b._pos; }
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    var sortStatus = doc.getElementById("sort-status");
    if (sortStatus) { sortStatus.textContent = th.getAttribute("data-label") + ": " + th.getAttribute("data-" + dir); }
  }
  for (var i = 0; i < headers.length; i++) {
    (function (th) {
      var button = th.querySelector("button");
      if (button) { button.addEventListener("click", function () { sortBy(th); }); }
    })(headers[i]);
  }
  var filter = doc.getElementById("only-warnings");
  function applyFilter() {
    var only = filter.checked, shown = 0, rows = tbody.rows;
    for (var i = 0; i < rows.length; i++) {
      var hide = only && rows[i].getAttribute("data-warnings") === "0";
      rows[i].hidden = hide;
      if (!hide) { shown++; }
    }
    if (status) {
      status.textContent = status.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
    }
  }
  var toolbar = doc.getElementById("toolbar");
  if (toolbar) { toolbar.hidden = false; }
  if (filter) { filter.addEventListener("change", applyFilter); applyFilter(); }
})();

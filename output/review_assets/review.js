/* kenmerk review report: place the labels of the boxes, go from a field to its mark, sort and filter the index.
   Everything also works without JavaScript: fields link to their marks, marks to their rows, labels sit
   above their boxes. */
(function () {
  "use strict";
  var doc = document;

  /* ---- note page: labels that hide neither each other nor the text ----
     Per page image, in the order of the boxes (values first, then shown runners-up, top to bottom): a
     box's label goes above, beside or below it, where it stays on the page, covers no other label and no
     box, and covers the least ink of the page image (blank paper first). Where every such place would
     cover printed text, the label becomes its number, placed the same way (further out if need be), and
     the label goes to the page's legend. A number never covers another label or its own box; it covers
     another box only when nothing else is free. Placed again when the page's size changes, its image
     loads, or runners-up are shown. */
  var GAP = 2, BLANK = 0.01, INK = 160, CELL = 2;
  function intersects(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }
  function grown(r, by) { return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by }; }
  /* dark pixels of a page image, summed over the area above and left of each cell of CELL x CELL pixels */
  function inkOf(img) {
    if (img.inkMap !== undefined) { return img.inkMap; }
    if (!img.complete || !img.naturalWidth) { return null; }
    var w = Math.ceil(img.naturalWidth / CELL), h = Math.ceil(img.naturalHeight / CELL), map = null;
    try {
      var canvas = doc.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      var cx = canvas.getContext("2d", { willReadFrequently: true });
      cx.drawImage(img, 0, 0, w, h);
      var px = cx.getImageData(0, 0, w, h).data, sum = new Float32Array((w + 1) * (h + 1));
      for (var y = 0; y < h; y++) {
        var row = 0;
        for (var x = 0; x < w; x++) {
          var i = (y * w + x) * 4;
          row += (0.3 * px[i] + 0.59 * px[i + 1] + 0.11 * px[i + 2]) < INK ? 1 : 0;
          sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
        }
      }
      map = { w: w, h: h, sum: sum };
    } catch (e) { map = null; }
    img.inkMap = map;
    return map;
  }
  function inkIn(map, r, k) {   /* share of dark cells under r (display pixels; k: cells per display pixel) */
    if (!map) { return 0; }
    var W = map.w + 1, s = map.sum;
    var x0 = Math.max(0, Math.min(map.w, Math.floor(r.x * k))), x1 = Math.max(0, Math.min(map.w, Math.ceil((r.x + r.w) * k)));
    var y0 = Math.max(0, Math.min(map.h, Math.floor(r.y * k))), y1 = Math.max(0, Math.min(map.h, Math.ceil((r.y + r.h) * k)));
    var area = (x1 - x0) * (y1 - y0);
    return area > 0 ? (s[y1 * W + x1] - s[y0 * W + x1] - s[y1 * W + x0] + s[y0 * W + x0]) / area : 0;
  }
  function spots(b, w, h, far) {
    var out = [
      [b.x, b.y - h - GAP], [b.x + b.w - w, b.y - h - GAP],            /* above */
      [b.x + b.w + GAP, b.y], [b.x - w - GAP, b.y],                    /* beside */
      [b.x, b.y + b.h + GAP], [b.x + b.w - w, b.y + b.h + GAP],        /* below */
      [b.x + b.w + GAP, b.y + b.h - h], [b.x - w - GAP, b.y + b.h - h]
    ];
    for (var d = 1; d <= far; d++) {                                    /* further out, for a number */
      var step = d * (h + GAP);
      out.push([b.x - w - GAP - step, b.y], [b.x + b.w + GAP + step, b.y],
               [b.x, b.y - h - GAP - step], [b.x, b.y + b.h + GAP + step]);
    }
    return out;
  }
  /* the free spot for a w x h label of box b: none over a placed label or the box itself, nor (strict)
     over any box; the first on blank paper, else (`any`) the one over the least ink */
  function choose(b, w, h, page, placed, boxes, strict, far, any) {
    var list = spots(b, w, h, far), best = null, least = Infinity;
    for (var i = 0; i < list.length; i++) {
      var r = { x: Math.min(Math.max(list[i][0], 0), page.w - w), y: list[i][1], w: w, h: h };
      if (r.x < 0 || r.y < 0 || r.y + h > page.h) { continue; }
      var g = grown(r, 0.5), ok = !intersects(g, b);
      for (var j = 0; ok && j < placed.length; j++) { ok = !intersects(g, placed[j]); }
      for (var k = 0; ok && strict && k < boxes.length; k++) { ok = !intersects(g, boxes[k]); }
      if (!ok) { continue; }
      var dark = inkIn(page.ink, r, page.k);
      if (dark <= BLANK) { return r; }
      if (dark < least) { least = dark; best = r; }
    }
    return any ? best : null;
  }
  function placeTags(canvas) {
    var fig = canvas.closest("figure"), legend = fig && fig.querySelector("ol.legend");
    var img = canvas.querySelector("img");
    var all = canvas.querySelectorAll("a.box"), boxes = [], entries = [], i;
    for (i = 0; i < all.length; i++) {
      if (all[i].getClientRects().length) { boxes.push(all[i]); }
    }
    /* write: every tag back to its label at the box's corner */
    for (i = 0; i < boxes.length; i++) {
      var tag = boxes[i].querySelector(".tag");
      if (!tag) { continue; }
      if (!tag.hasAttribute("data-label")) { tag.setAttribute("data-label", tag.textContent); }
      tag.textContent = tag.getAttribute("data-label");
      tag.classList.remove("marker");
      tag.style.left = "0px";
      tag.style.top = "0px";
      entries.push({ box: boxes[i], tag: tag });
    }
    /* read: the page, the boxes and the labels' sizes */
    var c = canvas.getBoundingClientRect(), ox = c.left + canvas.clientLeft, oy = c.top + canvas.clientTop;
    var ink = img ? inkOf(img) : null;
    var page = { w: canvas.clientWidth, h: canvas.clientHeight, ink: ink, k: ink ? ink.w / canvas.clientWidth : 0 };
    function rel(el) {
      var r = el.getBoundingClientRect();
      return { x: r.left - ox, y: r.top - oy, w: r.width, h: r.height };
    }
    var rects = boxes.map(rel);
    entries.forEach(function (e) {
      e.rect = rel(e.box);
      e.w = e.tag.offsetWidth;
      e.h = e.tag.offsetHeight;
      e.alt = e.box.classList.contains("alt");
    });
    entries.sort(function (a, b) { return (a.alt - b.alt) || (a.rect.y - b.rect.y) || (a.rect.x - b.rect.x); });
    var placed = [], numbered = [];
    entries.forEach(function (e) {
      e.at = choose(e.rect, e.w, e.h, page, placed, rects, true, 0, false);
      if (e.at) { placed.push(e.at); } else { numbered.push(e); }
    });
    /* the rest become numbers, measured once more */
    numbered.forEach(function (e) { e.tag.textContent = e.tag.getAttribute("data-n"); e.tag.classList.add("marker"); });
    numbered.forEach(function (e) { e.w = e.tag.offsetWidth; e.h = e.tag.offsetHeight; });
    numbered.forEach(function (e) {
      e.at = choose(e.rect, e.w, e.h, page, placed, rects, true, 12, true) ||
             choose(e.rect, e.w, e.h, page, placed, rects, false, 40, true) ||
             { x: Math.max(0, e.rect.x - e.w - GAP), y: e.rect.y, w: e.w, h: e.h };
      placed.push(e.at);
    });
    /* write: each tag where it goes (relative to its box's padding edge) */
    entries.forEach(function (e) {
      e.tag.style.left = (e.at.x - e.rect.x - e.box.clientLeft) + "px";
      e.tag.style.top = (e.at.y - e.rect.y - e.box.clientTop) + "px";
    });
    if (legend) {
      var shown = {}, items = legend.querySelectorAll("li"), any = false;
      numbered.forEach(function (e) { shown[e.tag.getAttribute("data-n")] = true; });
      for (i = 0; i < items.length; i++) {
        items[i].hidden = !shown[items[i].getAttribute("data-n")];
        any = any || !items[i].hidden;
      }
      legend.hidden = !any;
    }
  }
  var canvases = doc.querySelectorAll(".page-canvas");
  function placeAll() { for (var i = 0; i < canvases.length; i++) { placeTags(canvases[i]); } }
  var pending = 0;
  function placeSoon() {
    if (!pending) { pending = window.requestAnimationFrame(function () { pending = 0; placeAll(); }); }
  }
  if (canvases.length) {
    doc.documentElement.classList.add("js-tags");
    placeAll();
    window.addEventListener("resize", placeSoon);
    window.addEventListener("hashchange", placeSoon);
    Array.prototype.forEach.call(canvases, function (canvas) {
      var img = canvas.querySelector("img");
      if (img && !img.complete) { img.addEventListener("load", function () { placeTags(canvas); }); }
    });
  }

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
      placeAll();
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
    placeAll();
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
  /* ---- note page: corrections, kept in this browser (localStorage, shared by the report's pages; memory
     when the browser keeps none) and downloaded as a corrections file, one JSON line per correction ---- */
  var panel = doc.getElementById("corrections");
  if (panel) {
    var STORE = "kenmerk-corrections", NAME = "kenmerk-reviewer", memory = {};
    var storage = (function () {
      try { localStorage.setItem(STORE + "-test", "1"); localStorage.removeItem(STORE + "-test"); return localStorage; }
      catch (e) { return { getItem: function (k) { return memory[k] || null; }, setItem: function (k, v) { memory[k] = v; },
                           removeItem: function (k) { delete memory[k]; } }; }
    })();
    var load = function () { try { return JSON.parse(storage.getItem(STORE) || "[]"); } catch (e) { return []; } };
    var reviewer = doc.getElementById("reviewer"), counter = doc.getElementById("corrections-count");
    var showCount = function () {
      var n = load().length;
      counter.textContent = n === 1 ? panel.getAttribute("data-count-one")
                                    : panel.getAttribute("data-count").replace("{count}", String(n));
    };
    reviewer.value = storage.getItem(NAME) || "";
    reviewer.addEventListener("change", function () { storage.setItem(NAME, reviewer.value.trim()); });
    showCount();
    var parse = function (form) {               /* the value in the Note's JSON shape */
      var input = form.elements.value, kind = form.getAttribute("data-kind"), text = input.value.trim();
      if (kind === "json") { return JSON.parse(text || "null"); }
      return text === "" ? null : text;
    };
    var forms = doc.querySelectorAll("form.correct-form");
    for (var c = 0; c < forms.length; c++) {
      forms[c].addEventListener("submit", function (ev) {
        ev.preventDefault();
        var form = this, said = form.querySelector("output.saved"), who = reviewer.value.trim(), value;
        if (!who) { said.textContent = panel.getAttribute("data-need-name"); reviewer.focus(); return; }
        try { value = parse(form); } catch (e) { said.textContent = panel.getAttribute("data-bad-json") + e.message; return; }
        var doc_ = panel.getAttribute("data-document"), field = form.getAttribute("data-field");
        var entry = { document: doc_, field: field, value: value, by: who, at: new Date().toISOString() };
        var why = form.elements.note.value.trim();
        if (why) { entry.note = why; }
        var kept = load().filter(function (e) { return !(e.document === doc_ && e.field === field); });
        kept.push(entry);
        storage.setItem(STORE, JSON.stringify(kept));
        storage.setItem(NAME, who);
        said.textContent = panel.getAttribute("data-saved");
        showCount();
      });
    }
    doc.getElementById("download-corrections").addEventListener("click", function () {
      var lines = load().map(function (e) { return JSON.stringify(e) + "\n"; }).join("");
      var url = URL.createObjectURL(new Blob([lines], { type: "application/jsonl" }));
      var a = doc.createElement("a");
      a.href = url;
      a.download = "corrections.jsonl";
      doc.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    });
    doc.getElementById("clear-corrections").addEventListener("click", function () {
      storage.removeItem(STORE);
      showCount();
    });
  }

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

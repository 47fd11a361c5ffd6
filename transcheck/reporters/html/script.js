
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var names = ["locale", "severity", "category"];
  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name='" + name + "']"));
  }
  function selected(name) {
    var out = {};
    boxes(name).forEach(function (b) { if (b.checked) { out[b.value] = true; } });
    return out;
  }
  function fromHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) { return; }
    h.split("&").forEach(function (part) {
      var kv = part.split("="), key = decodeURIComponent(kv[0] || "");
      var vals = decodeURIComponent(kv.slice(1).join("=")).split(",");
      if (names.indexOf(key) >= 0) {
        boxes(key).forEach(function (b) { b.checked = vals.indexOf(b.value) >= 0; });
      } else if (key === "only") {
        form.querySelector("input[name='only']").checked = vals[0] === "1";
      }
    });
  }
  function toHash() {
    var parts = [];
    names.forEach(function (n) {
      var all = boxes(n), on = all.filter(function (b) { return b.checked; });
      if (on.length !== all.length) {
        parts.push(n + "=" + encodeURIComponent(on.map(function (b) { return b.value; }).join(",")));
      }
    });
    if (form.querySelector("input[name='only']").checked) { parts.push("only=1"); }
    try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); }
    catch (e) { /* some file:// contexts refuse; filters still apply */ }
  }
  var rank = { error: 0, warning: 1, info: 2 };
  function apply() {
    var loc = selected("locale"), sev = selected("severity"), cat = selected("category");
    var only = form.querySelector("input[name='only']").checked;
    var shown = 0, total = 0, visible = {};
    document.querySelectorAll(".finding").forEach(function (f) {
      var d = f.dataset, on = !!(loc[d.locale] && sev[d.severity] && cat[d.category]);
      f.hidden = !on; total += 1;
      if (on) { shown += 1; visible[f.id] = d.severity; }
    });
    document.querySelectorAll(".lc").forEach(function (el) { el.hidden = !loc[el.dataset.locale]; });
    document.querySelectorAll("mark[data-f]").forEach(function (m) {
      m.classList.toggle("on", !!visible[m.dataset.f]);
    });
    document.querySelectorAll("td.cell").forEach(function (td) {
      var worst = null;
      td.querySelectorAll(".finding").forEach(function (f) {
        var s = visible[f.id];
        if (s && (worst === null || rank[s] < rank[worst])) { worst = s; }
      });
      ["error", "warning", "info"].forEach(function (s) { td.classList.toggle("flag-" + s, worst === s); });
      td.dataset.flag = worst || "";
    });
    document.querySelectorAll("a.hm[data-row]").forEach(function (a) {
      var tr = document.getElementById(a.dataset.row);
      var td = tr && tr.querySelector("td.cell[data-locale='" + CSS.escape(a.dataset.locale) + "']");
      a.classList.toggle("flag", !!(td && td.dataset.flag));
    });
    document.querySelectorAll("tr.row").forEach(function (tr) {
      var hit = tr.querySelector("td.cell:not([hidden]) .finding:not([hidden])");
      tr.hidden = only && !hit;
    });
    document.getElementById("shown").textContent = shown + " of " + total + " findings shown";
    document.documentElement.setAttribute("data-filtered", "1");
  }
  form.addEventListener("change", function () { apply(); toHash(); });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
})();

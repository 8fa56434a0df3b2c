(function () {
  var I = window.Intl, D = document, H = D.documentElement;
  if (!I || !I.DateTimeFormat.prototype.formatToParts) return;
  var L = H.dataset.locale || H.lang || undefined;
  var f = new I.DateTimeFormat(L, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  var r = I.RelativeTimeFormat && new I.RelativeTimeFormat(L, { numeric: "auto", style: "short" });
  function zone(d) {
    var ls = [L, "en-GB", "en-US", "en-AU", "en-IN", "ja-JP"], own, i, n;
    for (i = 0; i < ls.length; i++) {
      n = new I.DateTimeFormat(ls[i], { timeZoneName: "short" }).formatToParts(d).find(function (p) { return p.type == "timeZoneName"; });
      n = n && n.value;
      if (!i) own = n;
      if (n && (i ? /^[A-Z]{2,5}$/.test(n) : !/[0-9]/.test(n))) return n;
    }
    return own;
  }
  function ago(d) {
    var m = Math.round((d - Date.now()) / 6e4), a = Math.abs(m);
    return a < 60 ? r.format(m, "minute") : a < 2880 ? r.format(Math.round(m / 60), "hour") : r.format(Math.round(m / 1440), "day");
  }
  function u(n, x) {
    return n ? new I.NumberFormat(L, { style: "unit", unit: x, unitDisplay: x == "day" ? "long" : "short" }).format(n) : "";
  }
  function span(m) {
    var h = m / 60 | 0;
    return new I.ListFormat(L, { type: "unit", style: "narrow" }).format((m < 60 ? [u(m, "minute")] : h < 48 ? [u(h, "hour"), u(m % 60, "minute")] : [u(h / 24 | 0, "day"), u(h % 24, "hour")]).filter(String));
  }
  var ts = [], os = D.querySelectorAll("[data-overdue]");
  D.querySelectorAll("time[data-local]").forEach(function (t) {
    var d = new Date(t.dateTime);
    if (isNaN(d)) return;
    t.title = t.textContent;
    t.textContent = f.format(d) + " " + zone(d);
    if (r) {
      var s = D.createElement("span");
      s.className = "ago";
      t.after(s);
      ts.push([s, d]);
    }
  });
  function tick() {
    ts.forEach(function (x) { x[0].textContent = " (" + ago(x[1]) + ")"; });
    os.forEach(function (e) {
      var m = (Date.now() - Date.parse(e.dataset.overdue)) / 6e4 | 0;
      if (m > 0) e.textContent = e.dataset.words.replace("{span}", span(m));
    });
  }
  if (ts.length || os.length) setInterval(tick, 3e4);
  tick();
})();

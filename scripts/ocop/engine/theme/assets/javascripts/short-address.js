// On the 404 page (overrides/404.html), before anything is drawn: a short address typed or read in lower
// case (/q/nm/, /Q/nm/l2406a/) is sent on to its upper-case form, the only one that exists (as printed
// in the QR code). An upper-case address that still fails (an unknown code) stays on the 404 page.
(function () {
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var path = window.location.pathname;
  if (path.slice(0, base.length).toLowerCase() !== base.toLowerCase()) return;
  var rest = path.slice(base.length);
  if (!/^q\/[a-z0-9]+(\/[a-z0-9]+)?\/?$/i.test(rest)) return;
  var upper = "Q/" + rest.slice(2).replace(/\/$/, "").toUpperCase() + "/";
  if (upper !== rest) window.location.replace(base + upper + window.location.search + window.location.hash);
})();

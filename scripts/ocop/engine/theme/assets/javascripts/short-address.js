// On the 404 page (overrides/404.html), before anything is drawn:
// 1. A per-pack stamp's address /Q/<CODE>/XXXX-XXXX-XXXX/ (any case, dashes optional) has no file of its
//    own on a static host: it is sent on to the product's stamp page, /Q/<CODE>/kiem-tra-tem/#<SERIAL>,
//    which checks the serial and puts the printed address back (stamp.js). Tested first: a second segment
//    of 12 stamp symbols cannot be an existing batch (whose page would have been found), so it is a stamp.
// 2. A short address typed or read in lower case (/q/nm/, /Q/nm/l2406a/) is sent on to its upper-case
//    form, the only one that exists (as printed in the QR code). An upper-case address that still fails
//    (an unknown code) stays on the 404 page.
(function () {
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var path = window.location.pathname;
  if (path.slice(0, base.length).toLowerCase() !== base.toLowerCase()) return;
  var rest = path.slice(base.length);
  var stamp = /^q\/([a-z0-9]{1,8})\/([0-9a-z]{4})-?([0-9a-z]{4})-?([0-9a-z]{4})\/?$/i.exec(rest);
  if (stamp) {
    var serial = (stamp[2] + "-" + stamp[3] + "-" + stamp[4]).toUpperCase();
    window.location.replace(base + "Q/" + stamp[1].toUpperCase() + "/kiem-tra-tem/#" + serial);
    return;
  }
  if (!/^q\/[a-z0-9]+(\/[a-z0-9]+)?\/?$/i.test(rest)) return;
  var upper = "Q/" + rest.slice(2).replace(/\/$/, "").toUpperCase() + "/";
  if (upper !== rest) window.location.replace(base + upper + window.location.search + window.location.hash);
})();

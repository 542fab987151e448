// What changes on the buyer's own phone, after the page was built.
// 1. A certificate's last valid day is in the page (data-ocop-until="YYYY-MM-DD"): once the visitor's own
//    date is past it, the badge, the state in words and the catalogue's cards say "expired" (the text of
//    data-ocop-expired). A page not rebuilt since never shows stars that have ended; without script the
//    date is still written beside the badge.
// 3. Share buttons: nothing is loaded from another host until one is pressed. "Send" opens the phone's own
//    share sheet (Zalo among its apps) where the browser has one; "Copy link" copies the address. Both stay
//    hidden without script; the Facebook link is a plain link, in the same window (in-app browsers block
//    new windows and pop-ups).
// 2. A printed QR code opens the product page through /Q/<CODE>/, which adds "?qr": the page then shows
//    its "check the pack" block first, and takes the marker out of the address (a shared link is plain).
//    The switch to the page's twin in the other language keeps the marker: a tourist who scanned the pack
//    and reads on in English sees the same check first.
(function () {
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var dated = document.querySelectorAll("[data-ocop-until]");
  for (var i = 0; i < dated.length; i++) {
    var element = dated[i];
    if (today <= element.getAttribute("data-ocop-until")) continue;
    element.textContent = element.getAttribute("data-ocop-expired");
    if (element.classList.contains("ocop-stars")) {
      element.className = "ocop-stars ocop-stars--expired";
      element.removeAttribute("title");
    }
    element.removeAttribute("data-ocop-until");
  }

  var check = document.getElementById("kiem-tra-bao-bi");
  var fromCode = /(^|[?&])qr(=|&|$)/.test(location.search.slice(1)) || location.hash === "#qr";
  if (check && fromCode) {
    check.hidden = false;
    document.documentElement.classList.add("ocop-from-qr");
  }
  var twin = document.querySelector(".ocop-language__switch[data-ocop-twin='page']");
  if (check && fromCode && twin) {
    twin.setAttribute("href", twin.getAttribute("href").split(/[?#]/)[0] + "?qr");
  }
  if (fromCode) {
    if (window.history && history.replaceState) {
      history.replaceState(history.state, "", location.pathname + (location.hash === "#qr" ? "" : location.hash));
    }
  }

  function copied(button) { button.textContent = button.getAttribute("data-ocop-copied"); }
  function copy(button, text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { fallback(button, text); });
    } else {
      fallback(button, text);
    }
  }
  function fallback(button, text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    try { if (document.execCommand("copy")) copied(button); } catch (error) { /* nothing more to try */ }
    document.body.removeChild(field);
  }
  var copiers = document.querySelectorAll("[data-ocop-copy]");
  for (var c = 0; c < copiers.length; c++) {
    copiers[c].hidden = false;
    copiers[c].addEventListener("click", function (event) {
      copy(event.currentTarget, event.currentTarget.getAttribute("data-ocop-copy"));
    });
  }
  if (navigator.share) {
    var senders = document.querySelectorAll("[data-ocop-share]");
    for (var s = 0; s < senders.length; s++) {
      senders[s].hidden = false;
      senders[s].addEventListener("click", function (event) {
        navigator.share({ title: document.title, url: event.currentTarget.getAttribute("data-ocop-share") })["catch"](function () {});
      });
    }
  }
})();

// The offer of the English page. A visitor whose phone is not set to Vietnamese, on a Vietnamese
// page that has an English twin (typically a product page opened from the QR code on its pack),
// gets a bar at the bottom of the screen: one tap opens the same page in English. Nothing is
// decided for them: once they choose a language or close the bar, it is not offered again.
(function () {
  var KEY = "ocop-language";

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function remember(choice) {
    try { window.localStorage.setItem(KEY, choice); } catch (error) { /* private mode: offer again */ }
  }

  function readsVietnamese() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    return Array.prototype.some.call(languages, function (code) { return /^vi(-|$)/i.test(code); });
  }

  function offer(link) {
    var bar = document.createElement("aside");
    bar.className = "ocop-offer";
    bar.lang = "en";
    bar.setAttribute("aria-label", "English version");
    var text = document.createElement("p");
    text.textContent = "This page is also in English.";
    var open = document.createElement("a");
    open.className = "ocop-offer__open";
    open.href = link.href;
    open.hreflang = "en";
    open.textContent = "Read in English";
    // Read again when tapped: buyer.js may have added the printed code's marker to the switch since.
    open.addEventListener("click", function () { open.href = link.href; remember("en"); });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ocop-offer__close";
    close.setAttribute("aria-label", "Close: stay on the Vietnamese page");
    close.textContent = "×";
    close.addEventListener("click", function () {
      remember("vi");
      bar.remove();
    });
    bar.append(text, open, close);
    document.body.append(bar);
  }

  function setUp() {
    var link = document.querySelector(".ocop-language__switch");
    if (!link || link.dataset.ready) return;
    link.dataset.ready = "1";
    link.addEventListener("click", function () { remember(link.hreflang); });
    var twin = link.getAttribute("data-ocop-twin") === "page";
    if (document.documentElement.lang === "vi" && twin && !readsVietnamese() && !remembered()) offer(link);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

// The 404 page (overrides/404.html), run after its content and before Material's bundle starts. A static
// host serves this one page for every missing address: under /en/ it turns English, texts and chrome.
//   - each text with data-ocop-en shows that English (links their data-ocop-en-href, the search form
//     its data-ocop-en-action, the title its data-ocop-en);
//   - the header, the tabs, the drawer's menu and the footer are replaced by the English ones the page
//     carries in <template id="ocop-chrome-en">, and Material's search words by theirs: Material binds
//     its components when its bundle starts, after this;
//   - <html lang="en">, which also makes the search look in the English index (search-language.js).
// Then the words of the missing address (…/san-pham/nuoc-mam/ → "nuoc mam") fill the search field.
(function () {
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var path = window.location.pathname;

  function replaceChrome(chrome) {
    var parts = ["header.md-header", "nav.md-tabs", ".md-sidebar--primary nav.md-nav--primary", ".md-copyright"];
    parts.forEach(function (selector) {
      var current = document.querySelector(selector);
      var english = chrome.content.querySelector(selector.split(" ").pop());
      if (current && english) current.replaceWith(english.cloneNode(true));
    });
    var words = chrome.content.querySelector("[data-ocop-translations]");
    var settings = document.getElementById("__config");
    if (words && settings) {
      var config = JSON.parse(settings.textContent);
      var translations = JSON.parse(words.textContent);
      for (var key in translations) config.translations[key] = translations[key];
      settings.textContent = JSON.stringify(config);
    }
  }

  function speakEnglish() {
    document.documentElement.lang = "en";
    var texts = document.querySelectorAll("[data-ocop-en]");
    for (var i = 0; i < texts.length; i++) {
      if (texts[i].tagName === "TITLE") document.title = texts[i].getAttribute("data-ocop-en");
      else texts[i].textContent = texts[i].getAttribute("data-ocop-en");
      if (texts[i].hasAttribute("data-ocop-en-href")) texts[i].href = texts[i].getAttribute("data-ocop-en-href");
    }
    var form = document.querySelector("form[data-ocop-en-action]");
    if (form) form.action = form.getAttribute("data-ocop-en-action");
    var query = document.getElementById("ocop-not-found-query");
    if (query) query.placeholder = query.getAttribute("data-ocop-en-placeholder");
    var viOnly = document.querySelector("[data-ocop-vi-only]");
    if (viOnly) viOnly.hidden = true;
    var chrome = document.getElementById("ocop-chrome-en");
    if (chrome) replaceChrome(chrome);
  }

  if (path.slice(0, base.length) === base && /^en(\/|$)/.test(path.slice(base.length))) speakEnglish();

  var parts = path.split("/").filter(Boolean);
  var last = parts.length ? parts[parts.length - 1] : "";
  try { last = decodeURIComponent(last); } catch (error) { /* left as typed */ }
  last = last.replace(/\.html?$/i, "").replace(/[-_+]+/g, " ").trim();
  var field = document.getElementById("ocop-not-found-query");
  if (last && field) field.value = last;
})();

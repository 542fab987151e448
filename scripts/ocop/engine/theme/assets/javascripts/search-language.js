// The search of a page looks in the index of the page's language. The ocop plugin writes one index a
// translated language, of the pages under its folder (en/search/search_index.json), and keeps the
// Vietnamese pages in search/search_index.json (scripts/ocop/engine/search.py). Material reads the index
// from search/ under the `base` of the page's settings (the #__config block) when its bundle starts, so
// this file, loaded just before the bundle (overrides/main.html), moves that base to the language's
// folder on a page whose <html lang> is one of the languages named in data-languages.
(function () {
  var script = document.currentScript;
  var settings = document.getElementById("__config");
  var language = document.documentElement.lang;
  var languages = ((script && script.getAttribute("data-languages")) || "").split(" ");
  if (!settings || !language || languages.indexOf(language) < 0) return;
  var config = JSON.parse(settings.textContent);
  config.base = config.base.replace(/\/?$/, "/") + language + "/";
  settings.textContent = JSON.stringify(config);
})();

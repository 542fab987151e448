// The 404 page (overrides/404.html), loaded in its <head> with the site's path in data-ocop-base. A file,
// not an inline script, so that the Content-Security-Policy refuses every inline script.
(function () {
  var base = document.currentScript.getAttribute("data-ocop-base");
  var path = window.location.pathname;

  // A short address typed or read in lower case (/q/nm/) goes on to its upper-case form (/Q/NM/) before
  // anything is drawn. An upper-case address that still fails (an unknown code) stays here: no loop.
  if (path.slice(0, base.length).toLowerCase() === base.toLowerCase()) {
    var rest = path.slice(base.length);
    if (/^q\/[a-z0-9]+(\/[a-z0-9]+)?\/?$/i.test(rest)) {
      var upper = "Q/" + rest.slice(2).replace(/\/$/, "").toUpperCase() + "/";
      if (upper !== rest) {
        window.location.replace(base + upper + window.location.search + window.location.hash);
        return;
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Under /en/, the page speaks English.
    if (path.slice(0, base.length) === base && /^en(\/|$)/.test(path.slice(base.length))) {
      document.documentElement.lang = "en";
      document.title = "Page not found - " + document.title.replace(/^[^-]*- /, "");
      var texts = document.querySelectorAll("[data-ocop-en]");
      for (var i = 0; i < texts.length; i++) {
        texts[i].textContent = texts[i].getAttribute("data-ocop-en");
        if (texts[i].hasAttribute("data-ocop-en-href")) texts[i].href = texts[i].getAttribute("data-ocop-en-href");
      }
      var query = document.getElementById("ocop-not-found-query");
      query.placeholder = query.getAttribute("data-ocop-en-placeholder");
      document.querySelector("[data-ocop-vi-only]").hidden = true;
    }
    // The words of the missing address (…/san-pham/nuoc-mam/ → "nuoc mam") are a good first search.
    var parts = path.split("/").filter(Boolean);
    var last = parts.length ? parts[parts.length - 1] : "";
    try { last = decodeURIComponent(last); } catch (error) { /* left as typed */ }
    last = last.replace(/\.html?$/i, "").replace(/[-_+]+/g, " ").trim();
    if (last) document.getElementById("ocop-not-found-query").value = last;
  });
})();

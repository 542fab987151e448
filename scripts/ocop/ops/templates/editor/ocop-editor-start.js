// The editor's page (/quan-tri/), before the CMS's script runs.
// The preview (ocop serve) adds a script that reloads every page after each rebuild: here it would
// wipe what the officer is typing. It calls a global `livereload`; this page's stays a no-op.
Object.defineProperty(window, "livereload", {value: function () {}, writable: false, configurable: false});
// The interface in Vietnamese, unless the officer chose another language in the editor's settings.
try {
  var prefs = JSON.parse(localStorage.getItem("sveltia-cms.prefs") || "{}") || {};
  if (!prefs.locale) { prefs.locale = "vi"; localStorage.setItem("sveltia-cms.prefs", JSON.stringify(prefs)); }
} catch (error) {}

// Checks a per-pack stamp on the buyer's own phone (scripts/ocop/pages/stamp_page.py, stamp_data.py).
// A stamp's address is /Q/<CODE>/XXXX-XXXX-XXXX/: nginx answers it with the product's stamp page, a static
// host reaches that page through 404.html (short-address.js), with the serial after "#". The register
// publishes no serial, only part of each stamp's slow hash: the phone computes PBKDF2-HMAC-SHA256 of the
// serial with the site's salt (WebCrypto, only in a secure context: https://, or 127.0.0.1), fetches the
// one bucket the hash's first byte names, and looks for the hash's next 7 bytes there.
// On /kiem-tra/ and /en/check/ the buyer types the serial: one mistyped character is corrected (the check
// symbol says which serials are one substitution or one swap away), never on a scanned address.
// Everything is written as text (textContent): nothing from the address or the data becomes HTML.
(function () {
  var source = document.getElementById("ocop-stamp");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var verdict = document.getElementById("ocop-stamp-verdict");
  var report = document.getElementById("ocop-stamp-report");
  var form = document.getElementById("ocop-stamp-form");
  var languages = Object.keys(data.texts);
  var started = 0;

  function normalise(text) {
    var out = "", upper = text.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
    for (var i = 0; i < upper.length; i++) if (ALPHABET.indexOf(upper[i]) >= 0) out += upper[i];
    return out;
  }
  function timesAlpha(x) { x <<= 1; return x & 32 ? x ^ 37 : x; }
  function wellFormed(serial) {
    if (serial.length !== 12) return false;
    var acc = 0;
    for (var i = 0; i < serial.length; i++) acc = timesAlpha(acc) ^ ALPHABET.indexOf(serial[i]);
    return acc === 0;
  }
  function corrections(serial) {
    var found = [], k, candidate;
    for (k = 0; k < serial.length; k++) {
      for (var j = 0; j < ALPHABET.length; j++) {
        candidate = serial.slice(0, k) + ALPHABET[j] + serial.slice(k + 1);
        if (ALPHABET[j] !== serial[k] && wellFormed(candidate)) found.push(candidate);
      }
    }
    for (k = 0; k + 1 < serial.length; k++) {
      candidate = serial.slice(0, k) + serial[k + 1] + serial[k] + serial.slice(k + 2);
      if (candidate !== serial && wellFormed(candidate) && found.indexOf(candidate) < 0) found.push(candidate);
    }
    return found;
  }
  function printed(serial) { return serial.slice(0, 4) + "-" + serial.slice(4, 8) + "-" + serial.slice(8); }
  function bytes(base64) { return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); }); }
  function hex(array) { return Array.prototype.map.call(array, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""); }

  async function stampHash(serial) {
    var key = await crypto.subtle.importKey("raw", new TextEncoder().encode(serial), "PBKDF2", false, ["deriveBits"]);
    var bits = await crypto.subtle.deriveBits(
      {name: "PBKDF2", hash: "SHA-256", salt: bytes(data.salt), iterations: data.iterations}, key, 120);
    return new Uint8Array(bits);
  }
  var fetched = {};
  function json(path) {
    if (!fetched[path]) {
      fetched[path] = fetch(data.root + path).then(function (answer) {
        if (!answer.ok) throw new Error(path + ": " + answer.status);
        return answer.json();
      });
    }
    return fetched[path];
  }
  // The stamp's issue number and its counts, or null when no stamp of the register has this hash.
  async function lookup(serial) {
    var digest = await stampHash(serial);
    var bucket = await json(data.buckets + hex(digest.subarray(0, 1)) + ".json");
    var entries = bytes(bucket.e);
    for (var i = 0; i < entries.length; i += 9) {
      var same = true;
      for (var j = 0; j < 7 && same; j++) same = entries[i + j] === digest[1 + j];
      if (same) return {issue: (entries[i + 7] << 8) | entries[i + 8], seen: (bucket.seen || {})[hex(digest.subarray(1, 8))]};
    }
    return null;
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, name) { return values[name] === undefined ? "" : values[name]; });
  }
  function value(values, name, code) {  // a value given per language ({vi: …, en: …}) or once
    var v = values[name];
    return v && typeof v === "object" ? v[code] : v;
  }
  // One paragraph: the sentence in each language of the page, the first as the page's, the others under it.
  function say(key, values, kind, link) {
    var paragraph = document.createElement("p");
    if (kind) paragraph.className = "ocop-stamp__" + kind;
    paragraph.setAttribute("data-ocop-stamp", key);
    languages.forEach(function (code, index) {
      var localised = {};
      Object.keys(values || {}).forEach(function (name) { localised[name] = value(values, name, code); });
      var part = document.createElement("span");
      if (index) { paragraph.appendChild(document.createElement("br")); part.lang = code; part.className = "ocop-stamp__en"; }
      part.textContent = fill(data.texts[code][key], localised);
      paragraph.appendChild(part);
    });
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = " " + fill(data.texts[languages[0]][link.key], link.values);
      paragraph.appendChild(anchor);
    }
    verdict.appendChild(paragraph);
    return paragraph;
  }
  function clear() { verdict.textContent = ""; if (report) report.hidden = true; }
  function done(state) {
    var ms = performance.now() - started;
    document.documentElement.setAttribute("data-ocop-stamp-ms", ms.toFixed(1));
    document.documentElement.setAttribute("data-ocop-stamp", state);
  }
  function day(iso, code) {
    var parts = iso.split("-");
    if (code === "vi") return parts[2] + "/" + parts[1] + "/" + parts[0];
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }
  function perLanguage(maker) { var out = {}; languages.forEach(function (code) { out[code] = maker(code); }); return out; }

  function counts(found, serial) {
    if (!data.counted || !data.as_of) return;
    var seen = found.seen;
    if (!seen) { say("not_checked", {as_of: data.as_of}, "counts"); return; }
    say("counts", {checks: seen[0], phones: seen[1], first: perLanguage(function (code) { return day(seen[2], code); }), as_of: data.as_of}, "counts");
    if (seen[1] > data.warning_phones) {
      say("copied", {phones: seen[1], serial: serial}, "warning");
      if (report) report.hidden = false;
    }
  }
  async function verdictOnThisPage(serial) {
    var values = {serial: printed(serial), commune: data.commune, product: data.product};
    var found = wellFormed(serial) ? await lookup(serial) : null;
    var issue = found && data.issues[String(found.issue)];
    if (issue) {
      values.batch = issue.batch;
      values.date = issue.date;
      say(issue.sample ? "sample" : "valid", values, issue.sample ? "sample" : "valid",
          issue.href ? {href: issue.href, key: "batch_link", values: {batch: issue.batch}} : null);
      if (!issue.sample) counts(found, serial);
      return done(issue.sample ? "sample" : "valid");
    }
    if (found) {
      var other = (await json(data.issues_file))[found.issue];
      if (other) {
        values.product = other.name;
        say("other_product", values, "warning");
        if (report) report.hidden = false;
        return done("other-product");
      }
    }
    say("not_issued", values, "warning");
    if (report) report.hidden = false;
    if (serial.length === 12 && !wellFormed(serial) && form) {
      // A printed QR code never fails its check symbol: this address was typed by hand, so the buyer may
      // type the number again, and the form then offers the stamps one character away (never offered here).
      say("retype", {}, "correction");
      form.querySelector("input").value = printed(serial);
      form.hidden = false;
    }
    done("not-issued");
  }

  // The typed serial (/kiem-tra/, or the stamp page's form): open its own address when it was issued.
  async function typed(text) {
    started = performance.now();
    clear();
    var serial = normalise(text);
    if (serial.length !== 12) { say("not_a_serial", {}, "warning"); return done("not-a-serial"); }
    if (wellFormed(serial)) {
      var found = await lookup(serial);
      var issue = found && (await json(data.issues_file))[found.issue];
      if (issue) {
        done("found");
        location.assign(data.root + "Q/" + issue.code + "/" + printed(serial) + "/");
        return;
      }
      say("not_issued", {serial: printed(serial), commune: data.commune}, "warning");
      if (report) report.hidden = false;
      return done("not-issued");
    }
    var candidates = corrections(serial);
    var results = await Promise.all(candidates.map(lookup));
    var issues = await json(data.issues_file);
    var any = false;
    candidates.forEach(function (candidate, index) {
      var issue = results[index] && issues[results[index].issue];
      if (!issue) return;
      any = true;
      var paragraph = say("did_you_mean", {serial: printed(candidate)}, "correction");
      var anchor = document.createElement("a");
      anchor.href = data.root + "Q/" + issue.code + "/" + printed(candidate) + "/";
      anchor.textContent = " " + printed(candidate) + " (" + issue.name + ")";
      paragraph.appendChild(anchor);
    });
    if (!any) say("mistyped", {serial: printed(serial)}, "warning");
    done(any ? "corrections" : "mistyped");
  }

  function serialOfAddress() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash) return hash;
    var parts = location.pathname.split("/").filter(Boolean);
    var last = parts[parts.length - 1] || "";
    return /^kiem-tra-tem$/i.test(last) ? "" : last;
  }

  function start() {
    if (!window.crypto || !crypto.subtle || !window.fetch) { clear(); say("cannot", {}, "warning"); return done("cannot"); }
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        typed(form.querySelector("input").value).catch(failed);
      });
    }
    if (!data.code) {  // /kiem-tra/: a serial in the address (?so=…, the form without script) is checked at once
      var asked = new URLSearchParams(location.search).get("so");
      if (asked) { form.querySelector("input").value = asked; typed(asked).catch(failed); }
      return;
    }
    started = performance.now();
    var text = serialOfAddress();
    clear();
    if (!text) { say("no_serial", {}, ""); form.hidden = false; return done("no-serial"); }
    var serial = normalise(text);
    if (location.hash && history.replaceState && serial.length === 12) {
      // Back to the printed address (404.html sent the browser here with the serial after "#").
      history.replaceState(null, "", data.root + "Q/" + data.code + "/" + printed(serial) + "/");
    }
    say("checking", {serial: printed(serial)}, "waiting");
    verdictOnThisPage(serial).then(function () {
      var waiting = verdict.querySelector("[data-ocop-stamp='checking']");
      if (waiting) waiting.remove();
    }).catch(failed);
  }
  function failed() { clear(); say("failed", {}, "warning"); done("failed"); }
  start();
})();

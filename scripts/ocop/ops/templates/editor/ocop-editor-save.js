// What a form saves, as the site reads it (the CMS's own preSave event; see ARCHITECTURE.md). One handler:
// each handler of the event is given the entry as the form left it, and the last one's answer is saved.
// - A block opened and left empty (an English part, an address, a list's empty line) is not written as a
//   half-filled block, which `ocop check` would refuse.
// - The certificate's one choice "đang đề nghị công nhận" is written as `candidate: true`, without stars.
// - A new product is written with its page address (`slug:`), which the form shows read-only: the name
//   of the file the CMS makes from the product's name once, at creation (the file is never renamed).
//   Existing products keep theirs untouched.
// The collections' names, the longest slug and the candidate's value come from the page (ops/editor.py),
// on this script's element: data-products, data-news, data-slug-max, data-candidate.
(function (settings) {
  const products = settings.products, news = settings.news;
  const slugMax = Number(settings.slugMax), candidate = Number(settings.candidate);
  function withoutEmpty(value) {
    if (Array.isArray(value)) {
      const items = value.map(withoutEmpty).filter((item) => item !== undefined);
      return items.length ? items : undefined;
    }
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const kept = Object.entries(value).map(([key, item]) => [key, withoutEmpty(item)])
        .filter(([, item]) => item !== undefined);
      return kept.length ? Object.fromEntries(kept) : undefined;
    }
    return value === null || value === "" ? undefined : value;
  }
  CMS.registerEventListener({name: "preSave", handler: ({entry}) => {
    if (entry.get("collection") === news) return;
    const data = withoutEmpty(entry.get("data").toJS()) || {};
    const certification = data.certification;
    if (certification && certification.stars === candidate) {
      delete certification.stars;
      certification.candidate = true;
    } else if (certification) {
      delete certification.candidate;
    }
    if (entry.get("collection") === products && entry.get("newRecord") && !data.slug) {
      const slug = String(entry.get("slug") || "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
        .slice(0, slugMax).replace(/^-+|-+$/g, "");
      if (slug) data.slug = slug;
    }
    return entry.set("data", data);
  }});
})(document.currentScript.dataset);

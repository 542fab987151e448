// Catalogue filters: by product group and stars, without leaving the page.
// Without JavaScript the form stays hidden and every product is listed.
(function () {
  function setUp() {
    var form = document.querySelector("[data-ocop-filters]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(document.querySelectorAll(".ocop-card"));
    var count = form.querySelector(".ocop-filters__count");
    var empty = document.querySelector(".ocop-empty");
    var params = new URLSearchParams(location.search);
    ["group", "stars"].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });

    function apply() {
      var group = form.elements.group.value;
      var stars = form.elements.stars.value;
      var shown = 0;
      cards.forEach(function (card) {
        var match = (!group || card.dataset.group === group) && (!stars || card.dataset.stars === stars);
        card.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " / " + cards.length + " " + (form.dataset.countLabel || "sản phẩm");
      if (empty) empty.hidden = shown !== 0;
      var query = new URLSearchParams();
      if (group) query.set("group", group);
      if (stars) query.set("stars", stars);
      var search = query.toString();
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  // Material's instant loading swaps pages without a reload: document$ fires on each one.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();

// The quarterly report page while its PDF is being made: instead of reloading the whole page (a timed refresh
// the user cannot stop, WCAG 2.2.1), ask for the page again now and then and put the new status in place; the
// status is a live region, so a screen reader announces when the PDF is ready. Without JavaScript the page has
// a link to look again.
(function () {
  "use strict";
  var blok = document.getElementById("rapport-status");
  if (!blok || blok.getAttribute("data-status") !== "wachtrij") {
    return;
  }
  var wachttijd = 2000;

  function vraag() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error(antwoord.status);
        }
        return antwoord.text();
      })
      .then(function (html) {
        var nieuw = new DOMParser().parseFromString(html, "text/html").getElementById("rapport-status");
        if (!nieuw) {
          throw new Error("geen status");
        }
        if (nieuw.getAttribute("data-status") === "wachtrij") {
          window.setTimeout(vraag, wachttijd);
          return;
        }
        blok.setAttribute("data-status", nieuw.getAttribute("data-status"));
        blok.replaceChildren.apply(blok, Array.prototype.slice.call(nieuw.childNodes));
      })
      .catch(function () {
        window.setTimeout(vraag, 5000);
      });
  }
  window.setTimeout(vraag, wachttijd);
})();

// Polls the progress of the last "Alle factsheets genereren" run and shows the ZIP link when it is done.
(function () {
  "use strict";
  var blok = document.querySelector("[data-run-status-url]");
  if (!blok || blok.getAttribute("data-afgerond") === "1") {
    return;
  }
  var url = blok.getAttribute("data-run-status-url");
  var tekst = blok.querySelector("[data-run-tekst]");
  var balk = blok.querySelector("[data-run-voortgang]");
  var zip = blok.querySelector("[data-run-zip]");

  function toon(run) {
    tekst.textContent = run.status_label + " – " + run.gedaan + " van " + run.totaal + " klaar, " + run.mislukt + " mislukt";
    balk.value = run.percentage;
    balk.textContent = run.percentage + "%";
    if (run.afgerond) {
      zip.hidden = false;
    }
  }

  function vraag() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error(antwoord.status);
        }
        return antwoord.json();
      })
      .then(function (run) {
        toon(run);
        if (!run.afgerond) {
          window.setTimeout(vraag, 1500);
        }
      })
      .catch(function () {
        window.setTimeout(vraag, 5000);
      });
  }
  window.setTimeout(vraag, 1000);
})();

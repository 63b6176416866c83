/*
 * The park list's column chooser (templates/overzicht/terrein_lijst.html): buttons that move a column up or down
 * instead of typing its place. The place fields stay in the form (hidden) and are renumbered, so the form posts
 * exactly what it posts without JavaScript. Texts come from data attributes (translated on the server).
 */
(function () {
  "use strict";

  function vul(sjabloon, waarden) {
    return sjabloon.replace(/%\((\w+)\)s/g, function (geheel, sleutel) {
      return sleutel in waarden ? waarden[sleutel] : geheel;
    });
  }

  function verrijk(lijst) {
    var teksten = lijst.dataset;
    var melder = document.createElement("div");
    melder.className = "nal-visually-hidden";
    melder.setAttribute("role", "status");
    lijst.insertAdjacentElement("afterend", melder);

    function rijen() {
      return Array.prototype.slice.call(lijst.querySelectorAll(":scope > li"));
    }

    function hernummer() {
      var alle = rijen();
      alle.forEach(function (rij, i) {
        rij.querySelector("input[type=number]").value = String(i + 1);
        rij.querySelector("[data-richting=omhoog]").setAttribute("aria-disabled", i === 0 ? "true" : "false");
        rij.querySelector("[data-richting=omlaag]").setAttribute("aria-disabled", i === alle.length - 1 ? "true" : "false");
      });
    }

    function verplaats(rij, richting, knop) {
      var buur = richting === "omhoog" ? rij.previousElementSibling : rij.nextElementSibling;
      if (!buur) {
        return;
      }
      if (richting === "omhoog") {
        lijst.insertBefore(rij, buur);
      } else {
        lijst.insertBefore(buur, rij);
      }
      hernummer();
      knop.focus();
      var plaats = rijen().indexOf(rij) + 1;
      melder.textContent = "";
      window.setTimeout(function () {
        melder.textContent = vul(teksten.tekstPlaats, { kop: rij.dataset.kop, plaats: plaats, totaal: rijen().length });
      }, 50);
    }

    // The form's help speaks of the arrows now, not of typing a number.
    var uitleg = document.getElementById("kolomkeuze-uitleg");
    if (uitleg && teksten.tekstUitleg) {
      uitleg.textContent = teksten.tekstUitleg;
    }

    rijen().forEach(function (rij) {
      var plaats = rij.querySelector(".nal-kolomkeuze__plaats");
      plaats.querySelectorAll("input, label").forEach(function (el) {
        el.hidden = true;
      });
      ["omhoog", "omlaag"].forEach(function (richting) {
        var knop = document.createElement("button");
        knop.type = "button";
        knop.className = "utrecht-button utrecht-button--secondary-action nal-kolomkeuze__knop";
        knop.dataset.richting = richting;
        knop.setAttribute("aria-label", vul(richting === "omhoog" ? teksten.tekstOmhoog : teksten.tekstOmlaag, { kop: rij.dataset.kop }));
        knop.textContent = richting === "omhoog" ? "↑" : "↓";
        knop.addEventListener("click", function () {
          if (knop.getAttribute("aria-disabled") !== "true") {
            verplaats(rij, richting, knop);
          }
        });
        plaats.appendChild(knop);
      });
    });
    hernummer();
  }

  function start() {
    document.querySelectorAll("[data-kolomkeuze]").forEach(verrijk);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

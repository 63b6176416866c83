/*
 * Multi-select with type-ahead, on top of a plain <select multiple data-meerkeuze> (nal_oost/meerkeuze.py).
 *
 * The select stays in the form (hidden) and carries the value; the script adds a text box that filters the
 * options (ARIA 1.2 combobox with a multi-selectable listbox), the chosen options as removable chips, and a live
 * region that announces how many options match and what was chosen or removed. Without JavaScript the plain
 * select remains. Texts come from data-meerkeuze-teksten (translated on the server). No inline script or style.
 *
 * Keyboard: type to filter; Arrow Down/Up move through the options (Arrow Down opens the list); Enter chooses or
 * removes the highlighted option; Escape closes the list, a second Escape clears the text; Backspace in an empty
 * text box removes the last choice; each chip is a button that removes its choice.
 */
(function () {
  "use strict";

  var STANDAARD_TEKSTEN = {
    zoeken: "Typ om te zoeken",
    uitleg: "Typ een deel van de naam en kies met pijl omlaag en Enter.",
    gekozen: "Gekozen",
    geenKeuze: "Nog niets gekozen.",
    verwijderen: "%(naam)s verwijderen",
    toegevoegd: "%(naam)s gekozen.",
    weggehaald: "%(naam)s verwijderd.",
    aantal: "%(aantal)s van %(totaal)s opties.",
    eenOptie: "1 optie.",
    geenOpties: "Geen opties gevonden.",
    aantalGekozen: "%(aantal)s gekozen."
  };
  var volgnummer = 0;
  var gedeeldeMelder = null;

  // One live region for every multi-select of the page, at the end of the body (announcements only).
  function melder() {
    if (!gedeeldeMelder) {
      gedeeldeMelder = element("div", { klasse: "nal-visually-hidden", id: "meerkeuze-melding", role: "status", "aria-live": "polite" });
      document.body.appendChild(gedeeldeMelder);
    }
    return gedeeldeMelder;
  }

  function vul(sjabloon, waarden) {
    return sjabloon.replace(/%\((\w+)\)s/g, function (geheel, sleutel) {
      return sleutel in waarden ? waarden[sleutel] : geheel;
    });
  }

  // Case and accents do not matter: "ede" finds "Ede", "e" finds "É".
  function zoekvorm(tekst) {
    return tekst.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function element(tag, eigenschappen) {
    var el = document.createElement(tag);
    Object.keys(eigenschappen || {}).forEach(function (naam) {
      if (naam === "tekst") {
        el.textContent = eigenschappen[naam];
      } else if (naam === "klasse") {
        el.className = eigenschappen[naam];
      } else {
        el.setAttribute(naam, eigenschappen[naam]);
      }
    });
    return el;
  }

  function verrijk(select) {
    if (select.dataset.meerkeuzeActief === "ja" || !select.multiple) {
      return;
    }
    select.dataset.meerkeuzeActief = "ja";
    var teksten = Object.assign({}, STANDAARD_TEKSTEN);
    try {
      Object.assign(teksten, JSON.parse(select.dataset.meerkeuzeTeksten || "{}"));
    } catch (fout) {
      // Keep the built-in texts.
    }
    volgnummer += 1;
    var basis = select.id || "meerkeuze-" + volgnummer;
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var labelTekst = label ? label.textContent.trim() : "";
    if (label && !label.id) {
      label.id = basis + "-label";
    }

    var opties = Array.prototype.filter.call(select.options, function (optie) {
      return optie.value !== "";
    });

    var houder = element("div", { klasse: "nal-meerkeuze" });
    var keuzes = element("ul", { klasse: "nal-meerkeuze__keuzes", id: basis + "-keuzes" });
    keuzes.setAttribute("aria-label", teksten.gekozen + (labelTekst ? ": " + labelTekst : ""));
    var uitleg = element("p", { klasse: "nal-hulptekst", id: basis + "-uitleg", tekst: teksten.uitleg });
    var invoer = element("input", {
      type: "text",
      id: basis + "-zoek",
      klasse: "utrecht-textbox utrecht-textbox--html-input nal-meerkeuze__invoer",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": basis + "-lijst",
      "aria-describedby": basis + "-uitleg " + basis + "-stand",
      placeholder: teksten.zoeken
    });
    var lijst = element("ul", {
      klasse: "nal-meerkeuze__lijst",
      id: basis + "-lijst",
      role: "listbox",
      "aria-multiselectable": "true",
      tabindex: "-1"
    });
    if (label) {
      lijst.setAttribute("aria-labelledby", label.id);
    }
    lijst.hidden = true;
    var leeg = element("p", { klasse: "nal-meerkeuze__leeg", tekst: teksten.geenOpties });
    leeg.hidden = true;
    // How many are chosen, for the text box's description (read with the field, not announced on each change).
    var stand = element("span", { klasse: "nal-visually-hidden", id: basis + "-stand" });

    var items = opties.map(function (optie, i) {
      var li = element("li", {
        klasse: "nal-meerkeuze__optie",
        id: basis + "-optie-" + i,
        role: "option",
        "aria-selected": optie.selected ? "true" : "false",
        tekst: optie.text
      });
      li.dataset.zoek = zoekvorm(optie.text);
      li.addEventListener("mousedown", function (event) {
        event.preventDefault(); // the text box keeps the focus
      });
      li.addEventListener("click", function () {
        actief = zichtbaar().indexOf(li);
        wissel(i, true);
        markeer();
      });
      lijst.appendChild(li);
      return li;
    });

    // The list opens right under the text box.
    var veld = element("div", { klasse: "nal-meerkeuze__veld" });
    veld.appendChild(invoer);
    veld.appendChild(lijst);
    veld.appendChild(leeg);
    houder.appendChild(keuzes);
    houder.appendChild(veld);
    houder.appendChild(uitleg);
    houder.appendChild(stand);
    select.insertAdjacentElement("afterend", houder);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    if (label) {
      label.htmlFor = invoer.id;
    }
    // The "hold Ctrl to choose more" hint belongs to the plain select only.
    if (select.parentElement) {
      select.parentElement.querySelectorAll("[data-meerkeuze-hulp]").forEach(function (hulp) {
        hulp.hidden = true;
      });
    }

    var actief = -1;
    var meldTimer = null;

    function zichtbaar() {
      return items.filter(function (li) {
        return !li.hidden;
      });
    }

    function meld(tekst, direct) {
      var regio = melder();
      window.clearTimeout(meldTimer);
      // Clear first, so the same words are announced again.
      regio.textContent = "";
      meldTimer = window.setTimeout(function () {
        regio.textContent = tekst;
      }, direct ? 50 : 400);
    }

    function telling() {
      var n = zichtbaar().length;
      if (n === 0) {
        return teksten.geenOpties;
      }
      if (n === 1) {
        return teksten.eenOptie;
      }
      return vul(teksten.aantal, { aantal: n, totaal: items.length });
    }

    function open() {
      var n = zichtbaar().length;
      lijst.hidden = n === 0;
      leeg.hidden = n !== 0;
      invoer.setAttribute("aria-expanded", n === 0 ? "false" : "true");
    }

    function sluit() {
      lijst.hidden = true;
      leeg.hidden = true;
      invoer.setAttribute("aria-expanded", "false");
      actief = -1;
      markeer();
    }

    function isOpen() {
      return invoer.getAttribute("aria-expanded") === "true";
    }

    function markeer() {
      var zicht = zichtbaar();
      items.forEach(function (li) {
        li.classList.remove("nal-meerkeuze__optie--actief");
      });
      if (actief >= 0 && actief < zicht.length) {
        var li = zicht[actief];
        li.classList.add("nal-meerkeuze__optie--actief");
        invoer.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      } else {
        invoer.removeAttribute("aria-activedescendant");
      }
    }

    function filter() {
      var vraag = zoekvorm(invoer.value);
      items.forEach(function (li) {
        li.hidden = vraag !== "" && li.dataset.zoek.indexOf(vraag) === -1;
      });
    }

    function aantalGekozen() {
      return opties.filter(function (optie) {
        return optie.selected;
      }).length;
    }

    function toonKeuzes() {
      keuzes.textContent = "";
      opties.forEach(function (optie, i) {
        items[i].setAttribute("aria-selected", optie.selected ? "true" : "false");
        if (!optie.selected) {
          return;
        }
        var li = element("li");
        var knop = element("button", {
          type: "button",
          klasse: "nal-meerkeuze__chip",
          "aria-label": vul(teksten.verwijderen, { naam: optie.text })
        });
        knop.appendChild(element("span", { tekst: optie.text }));
        knop.appendChild(element("span", { "aria-hidden": "true", tekst: "×" }));
        knop.addEventListener("click", function () {
          var knoppen = Array.prototype.slice.call(keuzes.querySelectorAll("button"));
          var plek = knoppen.indexOf(knop);
          wissel(i, false);
          var over = keuzes.querySelectorAll("button");
          (over[Math.min(plek, over.length - 1)] || invoer).focus();
        });
        li.appendChild(knop);
        keuzes.appendChild(li);
      });
      var n = aantalGekozen();
      stand.textContent = n ? vul(teksten.aantalGekozen, { aantal: n }) : teksten.geenKeuze;
    }

    function wissel(i, houdLijstOpen) {
      var optie = opties[i];
      optie.selected = !optie.selected;
      toonKeuzes();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      var sjabloon = optie.selected ? teksten.toegevoegd : teksten.weggehaald;
      meld(vul(sjabloon, { naam: optie.text }) + " " + vul(teksten.aantalGekozen, { aantal: aantalGekozen() }), true);
      if (houdLijstOpen && invoer.value !== "") {
        // Start the next search afresh, on the option just chosen.
        invoer.value = "";
        filter();
        open();
        actief = zichtbaar().indexOf(items[i]);
      }
    }

    invoer.addEventListener("input", function () {
      filter();
      open();
      actief = zichtbaar().length ? 0 : -1;
      markeer();
      meld(telling(), false);
    });

    invoer.addEventListener("click", function () {
      if (!isOpen()) {
        filter();
        open();
        meld(telling(), false);
      }
    });

    invoer.addEventListener("keydown", function (event) {
      var zicht = zichtbaar();
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (event.altKey || !isOpen()) {
            filter();
            open();
            actief = zichtbaar().length ? Math.max(actief, 0) : -1;
            meld(telling(), false);
          } else if (actief < zicht.length - 1) {
            actief += 1;
          }
          markeer();
          break;
        case "ArrowUp":
          if (!isOpen()) {
            return;
          }
          event.preventDefault();
          if (event.altKey) {
            sluit();
          } else if (actief > 0) {
            actief -= 1;
            markeer();
          }
          break;
        case "Enter":
          if (isOpen() && actief >= 0 && actief < zicht.length) {
            event.preventDefault();
            wissel(items.indexOf(zicht[actief]), true);
            markeer();
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            sluit();
          } else if (invoer.value !== "") {
            event.preventDefault();
            invoer.value = "";
            filter();
          }
          break;
        case "Backspace":
          if (invoer.value === "") {
            var gekozen = opties.filter(function (optie) {
              return optie.selected;
            });
            if (gekozen.length) {
              event.preventDefault();
              wissel(opties.indexOf(gekozen[gekozen.length - 1]), false);
            }
          }
          break;
        case "Tab":
          sluit();
          break;
        default:
          break;
      }
    });

    houder.addEventListener("focusout", function (event) {
      if (!houder.contains(event.relatedTarget)) {
        sluit();
      }
    });

    // A form reset restores the select's options; show that.
    if (select.form) {
      select.form.addEventListener("reset", function () {
        window.setTimeout(toonKeuzes, 0);
      });
    }

    toonKeuzes();
  }

  function start() {
    document.querySelectorAll("select[multiple][data-meerkeuze]").forEach(verrijk);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

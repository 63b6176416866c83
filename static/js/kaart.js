/*
 * The offline park map (Leaflet, no tile layer): province and municipality outlines as the base layer,
 * parks coloured by step, status or demand. Everything it needs comes from data-* attributes of #kaart
 * and from the legend (colours are defined once, in static/css/terreinen.css). No inline script or style.
 */
(function () {
  "use strict";

  function kleurenUitLegenda(soort) {
    var kleuren = {};
    var lijst = document.querySelector('[data-legenda="' + soort + '"]');
    if (!lijst) {
      return kleuren;
    }
    lijst.querySelectorAll("li[data-waarde]").forEach(function (li) {
      var staal = li.querySelector(".nal-legenda__kleur");
      kleuren[li.dataset.waarde] = window.getComputedStyle(staal).backgroundColor;
    });
    return kleuren;
  }

  function vraagGrenzen() {
    var el = document.getElementById("kaart-vraag-grenzen");
    return el ? JSON.parse(el.textContent) : [];
  }

  function vraagKlasse(kw, grenzen) {
    if (kw === null || kw === undefined) {
      return "geen";
    }
    var klasse = grenzen.length ? grenzen[0].klasse : "geen";
    grenzen.forEach(function (g) {
      if (kw >= g.vanaf) {
        klasse = g.klasse;
      }
    });
    return klasse;
  }

  function legendaTonen(kleur) {
    var soort = kleur.indexOf("vraag") === 0 ? "vraag" : kleur;
    document.querySelectorAll("[data-legenda]").forEach(function (lijst) {
      lijst.hidden = lijst.dataset.legenda !== soort;
    });
  }

  function haal(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status + " " + url);
      }
      return r.json();
    });
  }

  function getal(waarde) {
    return Math.round(waarde).toLocaleString("nl-NL");
  }

  // Leaflet puts a string into the DOM as HTML; an element built with textContent stays text.
  function tekstElement(tekst) {
    var span = document.createElement("span");
    span.textContent = tekst === null || tekst === undefined ? "" : String(tekst);
    return span;
  }

  function popupInhoud(feature, el) {
    var p = feature.properties;
    var d = el.dataset;
    var wrapper = document.createElement("div");
    var kop = document.createElement("strong");
    kop.textContent = p.naam;
    wrapper.appendChild(kop);
    var regels = [
      p.gemeente_naam,
      d.tekstStap + ": " + (stapLabels[p.stap_nr] || p.stap_nr),
      d.tekstStatus + ": " + (statusLabels[p.status_code] || p.status_code),
      d.tekstVraag + ": " + (p.kw_2030 === null ? d.tekstGeen : getal(p.kw_2030) + " kW"),
    ];
    regels.forEach(function (tekst) {
      wrapper.appendChild(document.createElement("br"));
      wrapper.appendChild(document.createTextNode(tekst));
    });
    wrapper.appendChild(document.createElement("br"));
    var link = document.createElement("a");
    link.href = d.detailUrl.replace(/0\/$/, encodeURIComponent(feature.id) + "/");
    link.textContent = d.tekstNaarTerrein;
    wrapper.appendChild(link);
    return wrapper;
  }

  var stapLabels = {};
  var statusLabels = {};

  function labelsUitLegenda() {
    document.querySelectorAll('[data-legenda="stap"] li').forEach(function (li) {
      stapLabels[li.dataset.waarde] = li.textContent.trim();
    });
    document.querySelectorAll('[data-legenda="status"] li').forEach(function (li) {
      statusLabels[li.dataset.waarde] = li.textContent.trim();
    });
  }

  function start(el) {
    var d = el.dataset;
    var kleuren = { stap: kleurenUitLegenda("stap"), status: kleurenUitLegenda("status"), vraag: kleurenUitLegenda("vraag") };
    var grenzen = vraagGrenzen();
    var kleur = d.kleur || "stap";
    var status = document.getElementById("kaart-status");
    labelsUitLegenda();

    var kaart = L.map(el, { zoomControl: false, attributionControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 17 });
    L.control.zoom({ zoomInTitle: d.tekstZoomIn, zoomOutTitle: d.tekstZoomUit }).addTo(kaart);
    // Leaflet's attribution control takes HTML; the source line is text in a control of our own.
    var bron = L.control({ position: "bottomright" });
    bron.onAdd = function () {
      var div = L.DomUtil.create("div", "leaflet-control-attribution");
      div.textContent = d.tekstBron;
      return div;
    };
    bron.addTo(kaart);
    kaart.setView([52.3, 6.1], 8);
    kaart.createPane("gemeenten").style.zIndex = 350;
    kaart.createPane("provincies").style.zIndex = 360;

    function vulKleur(feature) {
      var p = feature.properties;
      if (kleur === "status") {
        return kleuren.status[p.status_code];
      }
      if (kleur.indexOf("vraag_") === 0) {
        return kleuren.vraag[vraagKlasse(p["kw_" + kleur.slice(6)], grenzen)];
      }
      return kleuren.stap[String(p.stap_nr)];
    }

    function stijl(feature) {
      return { color: "#1a1a1a", weight: 1, opacity: 1, fillColor: vulKleur(feature), fillOpacity: 0.9 };
    }

    var terreinen = null;
    var gemeenten = haal(d.gemeentenUrl).then(function (data) {
      return L.geoJSON(data, {
        pane: "gemeenten",
        interactive: false,
        style: { color: "#8c8c8c", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: 1 },
      }).addTo(kaart);
    });
    haal(d.provinciesUrl).then(function (data) {
      L.geoJSON(data, { pane: "provincies", interactive: false, style: { color: "#1a1a1a", weight: 2.5, fill: false } }).addTo(kaart);
    });
    var parken = haal(d.terreinenUrl).then(function (data) {
      terreinen = L.geoJSON(data, {
        className: "nal-kaart-terrein",
        style: stijl,
        onEachFeature: function (feature, laag) {
          laag.bindPopup(function () {
            return popupInhoud(feature, el);
          });
          laag.bindTooltip(tekstElement(feature.properties.naam), { sticky: true });
        },
      }).addTo(kaart);
      el.dataset.aantalTerreinen = String(data.features.length);
      return terreinen;
    });
    Promise.all([gemeenten, parken])
      .then(function (lagen) {
        var bron = lagen[1].getLayers().length ? lagen[1] : lagen[0];
        if (bron.getLayers().length) {
          kaart.fitBounds(bron.getBounds(), { padding: [16, 16], maxZoom: 14 });
        }
        el.dataset.geladen = "ja";
      })
      .catch(function () {
        if (status) {
          status.textContent = d.tekstLadenMislukt;
        }
      });

    var keuze = document.getElementById("kleur");
    if (keuze) {
      keuze.addEventListener("change", function () {
        kleur = keuze.value;
        legendaTonen(kleur);
        if (terreinen) {
          terreinen.setStyle(stijl);
        }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("kaart");
    if (el && window.L) {
      start(el);
    }
  });
})();

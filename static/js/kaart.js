/*
 * The offline park map (Leaflet, no tile layer): province and municipality outlines as the base layer with the
 * municipalities' names, parks coloured by step, status or demand. Everything it needs comes from data-* attributes
 * of #kaart and from the legend (colours are defined once, in static/css/terreinen.css). No inline script or style.
 * Every text it puts on the page is text (textContent), never HTML.
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

  function labelsUitLegenda(soort) {
    var labels = {};
    document.querySelectorAll('[data-legenda="' + soort + '"] li[data-waarde]').forEach(function (li) {
      labels[li.dataset.waarde] = li.querySelector(".nal-legenda__label").textContent.trim();
    });
    return labels;
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

  // The legend that belongs to a colouring: "vraag_2035" uses the demand legend.
  function legendaSoort(kleur) {
    return kleur.indexOf("vraag_") === 0 ? "vraag" : kleur;
  }

  function legendaTonen(kleur) {
    var soort = legendaSoort(kleur);
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
  function tekstElement(tekst, klasse) {
    var span = document.createElement("span");
    if (klasse) {
      span.className = klasse;
    }
    span.textContent = tekst === null || tekst === undefined ? "" : String(tekst);
    return span;
  }

  var RING_MAX_TERREINEN = 3;
  var RING_ONDER_PX = 16;

  function start(el) {
    var d = el.dataset;
    var kleuren = { stap: kleurenUitLegenda("stap"), status: kleurenUitLegenda("status"), vraag: kleurenUitLegenda("vraag") };
    var labels = { stap: labelsUitLegenda("stap"), status: labelsUitLegenda("status"), vraag: labelsUitLegenda("vraag") };
    var grenzen = vraagGrenzen();
    var kleur = d.kleur || "stap";
    var status = document.getElementById("kaart-status");
    // Fitting the view to the filtered parks never zooms closer than this: one small park stays in its surroundings.
    var zoomMaxFilter = Number(d.zoomMaxFilter) || 12;

    var kaart = L.map(el, { zoomControl: false, attributionControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 16 });
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
    // Names above the parks, so a cluster of parks never hides them; they let every click through (CSS).
    var naamPane = kaart.createPane("namen");
    naamPane.style.zIndex = 450;
    naamPane.setAttribute("aria-hidden", "true");

    kaart.on("zoomend", function () {
      el.dataset.zoom = String(kaart.getZoom());
    });

    // -- What a park shows: its colour and its popup follow the chosen variable ----------------------------

    function waardeVan(p, variabele) {
      if (variabele === "status") {
        return p.status_code;
      }
      if (variabele.indexOf("vraag_") === 0) {
        return p["kw_" + variabele.slice(6)];
      }
      return String(p.stap_nr);
    }

    function klasseVan(p, variabele) {
      var w = waardeVan(p, variabele);
      return variabele.indexOf("vraag_") === 0 ? vraagKlasse(w, grenzen) : w;
    }

    function regel(variabele, p) {
      var w = waardeVan(p, variabele);
      if (variabele === "status") {
        return d.tekstStatus + ": " + (labels.status[w] || w);
      }
      if (variabele === "stap") {
        return d.tekstStap + ": " + (labels.stap[w] || w);
      }
      var tekst = w === null || w === undefined ? d.tekstGeen : getal(w) + " kW";
      return d.tekstVraag + " " + variabele.slice(6) + ": " + tekst;
    }

    function popupInhoud(feature) {
      var p = feature.properties;
      var wrapper = document.createElement("div");
      wrapper.className = "nal-kaart-popup";
      var naam = document.createElement("strong");
      naam.className = "nal-kaart-popup__naam";
      naam.textContent = p.naam;
      wrapper.appendChild(naam);
      wrapper.appendChild(tekstElement(p.gemeente_naam));
      // First what the map is coloured by, then the step and status that are not that.
      var regels = [regel(kleur, p)];
      ["stap", "status"].forEach(function (v) {
        if (v !== kleur) {
          regels.push(regel(v, p));
        }
      });
      regels.forEach(function (tekst, i) {
        wrapper.appendChild(tekstElement(tekst, i === 0 ? "nal-kaart-popup__kleur" : ""));
      });
      if (p.geometrie_bron === "benaderd") {
        wrapper.appendChild(tekstElement(d.tekstBenaderd, "nal-kaart-popup__benaderd"));
      }
      var link = document.createElement("a");
      link.href = d.detailUrl.replace(/0\/$/, encodeURIComponent(feature.id) + "/");
      link.textContent = d.tekstNaarTerrein;
      wrapper.appendChild(link);
      return wrapper;
    }

    function stijl(feature) {
      var p = feature.properties;
      var soort = legendaSoort(kleur);
      var basis = { color: "#1a1a1a", weight: 1, opacity: 1, fillColor: kleuren[soort][klasseVan(p, kleur)], fillOpacity: 0.9 };
      if (p.geometrie_bron === "benaderd") {
        // An approximate square: dashed edge, as in the legend.
        basis.dashArray = "4 3";
        basis.weight = 1.5;
      }
      return basis;
    }

    // The number of parks per legend class, so the legend is also a summary a screen reader can read.
    function legendaTellen(features) {
      var soort = legendaSoort(kleur);
      var telling = {};
      features.forEach(function (f) {
        var k = klasseVan(f.properties, kleur);
        telling[k] = (telling[k] || 0) + 1;
      });
      document.querySelectorAll('[data-legenda="' + soort + '"] li[data-waarde]').forEach(function (li) {
        li.querySelector(".nal-legenda__aantal").textContent = "(" + (telling[li.dataset.waarde] || 0) + ")";
      });
    }

    // -- Municipality names: at a point inside each outline, larger municipalities first, none overlapping ---

    var namen = [];

    function namenPlaatsen() {
      var rand = el.getBoundingClientRect();
      // Measure all first, then show or hide: one layout, not one per name.
      var maten = namen.map(function (n) {
        return n.element ? n.element.firstChild.getBoundingClientRect() : null;
      });
      var geplaatst = [];
      namen.forEach(function (n, i) {
        var r = maten[i];
        if (!r) {
          return;
        }
        var binnen = r.left >= rand.left && r.right <= rand.right && r.top >= rand.top && r.bottom <= rand.bottom;
        var botst =
          !binnen ||
          geplaatst.some(function (g) {
            return !(r.right + 6 < g.left || r.left - 6 > g.right || r.bottom + 2 < g.top || r.top - 2 > g.bottom);
          });
        n.element.classList.toggle("nal-kaart-naam--verborgen", botst);
        if (!botst) {
          geplaatst.push(r);
        }
      });
      el.dataset.namenZichtbaar = String(geplaatst.length);
    }

    function namenMaken(gemeenteLaag) {
      gemeenteLaag.eachLayer(function (laag) {
        var p = laag.feature.properties;
        if (p.label_lat === null || p.label_lon === null || p.label_lat === undefined) {
          return;
        }
        var grens = laag.getBounds();
        var inhoud = document.createElement("div");
        inhoud.appendChild(tekstElement(p.naam));
        var marker = L.marker([p.label_lat, p.label_lon], {
          pane: "namen",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "nal-kaart-naam", html: inhoud, iconSize: null }),
        }).addTo(kaart);
        // The bounding box's extent in degrees is enough to rank municipalities by size.
        var grootte = (grens.getNorth() - grens.getSouth()) * (grens.getEast() - grens.getWest());
        namen.push({ marker: marker, grootte: grootte, element: marker.getElement() });
      });
      namen.sort(function (a, b) {
        return b.grootte - a.grootte;
      });
      kaart.on("zoomend moveend resize", namenPlaatsen);
      namenPlaatsen();
    }

    // -- Layers -----------------------------------------------------------------------------------------

    var terreinen = null;
    var features = [];
    var gemeenten = haal(d.gemeentenUrl).then(function (data) {
      var laag = L.geoJSON(data, {
        pane: "gemeenten",
        interactive: false,
        style: { color: "#8c8c8c", weight: 1, fill: true, fillColor: "#ffffff", fillOpacity: 1 },
      }).addTo(kaart);
      return laag;
    });
    haal(d.provinciesUrl).then(function (data) {
      L.geoJSON(data, { pane: "provincies", interactive: false, style: { color: "#1a1a1a", weight: 2.5, fill: false } }).addTo(kaart);
    });
    var parken = haal(d.terreinenUrl).then(function (data) {
      features = data.features;
      terreinen = L.geoJSON(data, {
        className: "nal-kaart-terrein",
        style: stijl,
        onEachFeature: function (feature, laag) {
          // Panned clear of the zoom buttons (top left) and the source line (bottom).
          laag.bindPopup(
            function () {
              return popupInhoud(feature);
            },
            { maxWidth: 260, autoPanPaddingTopLeft: [52, 12], autoPanPaddingBottomRight: [12, 28] }
          );
          laag.bindTooltip(tekstElement(feature.properties.naam), { sticky: true });
        },
      }).addTo(kaart);
      el.dataset.aantalTerreinen = String(features.length);
      legendaTellen(features);
      return terreinen;
    });

    // With only a few parks on the map, a ring marks each one that is smaller on screen than a fingertip.
    var ringen = [];
    function ringenTonen() {
      ringen.forEach(function (r) {
        var ne = kaart.latLngToContainerPoint(r.grens.getNorthEast());
        var zw = kaart.latLngToContainerPoint(r.grens.getSouthWest());
        var klein = Math.max(Math.abs(ne.x - zw.x), Math.abs(ne.y - zw.y)) < RING_ONDER_PX;
        r.ring.setStyle({ opacity: klein ? 1 : 0 });
      });
    }
    function ringenMaken(laag) {
      if (laag.getLayers().length > RING_MAX_TERREINEN) {
        return;
      }
      laag.eachLayer(function (park) {
        var grens = park.getBounds();
        var ring = L.circleMarker(grens.getCenter(), {
          radius: 12,
          color: "#1a1a1a",
          weight: 2,
          fill: false,
          interactive: false,
          className: "nal-kaart-ring",
        }).addTo(kaart);
        ringen.push({ ring: ring, grens: grens });
      });
      kaart.on("zoomend", ringenTonen);
      ringenTonen();
    }
    Promise.all([gemeenten, parken])
      .then(function (lagen) {
        var bron = lagen[1].getLayers().length ? lagen[1] : lagen[0];
        if (bron.getLayers().length) {
          kaart.fitBounds(bron.getBounds(), { padding: [24, 24], maxZoom: zoomMaxFilter, animate: false });
        }
        if (lagen[0].getLayers().length) {
          // Panning stops half a region beyond the region: no wandering off into empty background.
          kaart.setMaxBounds(lagen[0].getBounds().pad(0.5));
        }
        el.dataset.zoom = String(kaart.getZoom());
        ringenMaken(lagen[1]);
        namenMaken(lagen[0]);
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
        el.dataset.kleur = kleur;
        legendaTonen(kleur);
        if (terreinen) {
          terreinen.setStyle(stijl);
          legendaTellen(features);
          // An open popup follows the new colouring at once.
          terreinen.eachLayer(function (laag) {
            if (laag.isPopupOpen()) {
              laag.setPopupContent(popupInhoud(laag.feature));
            }
          });
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

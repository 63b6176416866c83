// The in-page half of pixel measuring (tests/schermen/schermcontrole.py), installed as window.__nalMeten:
// all text of the page made transparent at once (a constructed style sheet: CSSOM, which the page's
// Content-Security-Policy allows), and the visible part of the text boxes of the elements to measure.
window.__nalMeten = {
  blad: null,

  verbergen() {
    const blad = new CSSStyleSheet();
    const weg =
      "color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; " +
      "caret-color: transparent !important; text-decoration-color: transparent !important;";
    for (const kiezer of ["*", "*::before", "*::after", "*::placeholder", "*::marker"]) blad.insertRule(`${kiezer} { ${weg} }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, blad];
    this.blad = blad;
  },

  tonen() {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((b) => b !== this.blad);
    this.blad = null;
  },

  centreren(kiezer) {
    const el = document.querySelector(kiezer);
    if (el) el.scrollIntoView({ block: "center", inline: "center" });
  },

  // Per selector: the visible text boxes ({x, y, breedte, hoogte}; page coordinates for a screenshot of the
  // whole page, else viewport coordinates), or the reason there is nothing to measure.
  posities({ kiezers, heelPagina }) {
    const doc = document.documentElement;
    return kiezers.map((kiezer) => {
      const el = document.querySelector(kiezer);
      if (!el) return { reden: "element niet gevonden" };
      const rechthoeken = [];
      const bereik = document.createRange();
      for (const kind of el.childNodes) {
        if (kind.nodeType !== Node.TEXT_NODE || !kind.textContent.trim()) continue;
        bereik.selectNodeContents(kind);
        for (const r of bereik.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rechthoeken.push(r);
      }
      if (!rechthoeken.length) rechthoeken.push(el.getBoundingClientRect());
      // What can be seen of the text: inside every ancestor that clips its content, and inside the viewport
      // (or, for a screenshot of the whole page, the document).
      let vak = heelPagina
        ? { l: -scrollX, t: -scrollY, r: doc.scrollWidth - scrollX, b: doc.scrollHeight - scrollY }
        : { l: 0, t: 0, r: innerWidth, b: innerHeight };
      for (let n = el.parentElement; n && n !== doc && n !== document.body; n = n.parentElement) {
        const cs = getComputedStyle(n);
        if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
        const k = n.getBoundingClientRect();
        const l = k.left + n.clientLeft;
        const t = k.top + n.clientTop;
        vak = {
          l: Math.max(vak.l, l),
          t: Math.max(vak.t, t),
          r: Math.min(vak.r, l + n.clientWidth),
          b: Math.min(vak.b, t + n.clientHeight),
        };
      }
      const zichtbaar = rechthoeken
        .map((r) => ({
          l: Math.max(r.left, vak.l),
          t: Math.max(r.top, vak.t),
          r: Math.min(r.right, vak.r),
          b: Math.min(r.bottom, vak.b),
        }))
        .filter((r) => r.r - r.l >= 1 && r.b - r.t >= 1);
      if (!zichtbaar.length) return { reden: "de tekst is niet te zien (buiten beeld of weggeklemd)" };
      // Covered by something else (only where the point is in the viewport: elementFromPoint sees no further).
      const x = (zichtbaar[0].l + zichtbaar[0].r) / 2;
      const y = (zichtbaar[0].t + zichtbaar[0].b) / 2;
      if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const boven = document.elementFromPoint(x, y);
        if (boven && boven !== el && !el.contains(boven)) {
          const klassen = [...boven.classList].slice(0, 2).map((k) => `.${k}`).join("");
          return { reden: `de tekst is bedekt door ${boven.localName}${boven.id ? `#${boven.id}` : ""}${klassen}` };
        }
      }
      const dx = heelPagina ? scrollX : 0;
      const dy = heelPagina ? scrollY : 0;
      return { rechthoeken: zichtbaar.map((r) => ({ x: r.l + dx, y: r.t + dy, breedte: r.r - r.l, hoogte: r.b - r.t })) };
    });
  },
};

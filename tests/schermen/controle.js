// The in-page half of the screen checks (tests/schermen/schermcontrole.py): run axe, recompute the colour
// contrast of what axe could not decide, and find what makes the page scroll sideways. Evaluated by Playwright
// (page.evaluate), so the page's Content-Security-Policy does not apply to it. Returns plain data only.
async ({ axeOpties, contrastVoor }) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const tekenen = canvas.getContext("2d", { willReadFrequently: true });

  // Any CSS colour as straight sRGB {r, g, b, a}: rgb()/rgba() parsed, anything else (oklch, color-mix…) drawn.
  function kleur(css) {
    const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/);
    if (m) {
      const a = m[4] === undefined ? 1 : m[5] ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return { r: +m[1], g: +m[2], b: +m[3], a };
    }
    if (css === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
    tekenen.clearRect(0, 0, 1, 1);
    tekenen.fillStyle = "#000";
    tekenen.fillStyle = css;
    tekenen.fillRect(0, 0, 1, 1);
    const d = tekenen.getImageData(0, 0, 1, 1).data;
    return { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
  }
  const LEEG = { r: 0, g: 0, b: 0, a: 0 };
  const WIT = { r: 255, g: 255, b: 255, a: 1 };

  // Source-over compositing of straight-alpha colours: `boven` painted on `onder`.
  function over(boven, onder) {
    const a = boven.a + onder.a * (1 - boven.a);
    if (a <= 0) return { ...LEEG };
    const kanaal = (k) => (boven[k] * boven.a + onder[k] * onder.a * (1 - boven.a)) / a;
    return { r: kanaal("r"), g: kanaal("g"), b: kanaal("b"), a };
  }
  const css = (k) => `rgb(${Math.round(k.r)}, ${Math.round(k.g)}, ${Math.round(k.b)}${k.a < 1 ? ` / ${k.a.toFixed(2)}` : ""})`;

  // A short, readable CSS selector that finds only this element: id where there is one, else
  // tag.classes:nth-of-type, climbing to the parents until the selector is unique.
  function selector(el) {
    const delen = [];
    for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
      if (n.id && document.querySelectorAll(`#${CSS.escape(n.id)}`).length === 1) {
        delen.unshift(`#${CSS.escape(n.id)}`);
        break;
      }
      let deel = n.localName;
      const klassen = [...n.classList].slice(0, 2);
      if (klassen.length) deel += klassen.map((k) => `.${CSS.escape(k)}`).join("");
      const ouder = n.parentElement;
      if (ouder) {
        const zelfde = [...ouder.children].filter((c) => c.localName === n.localName);
        if (zelfde.length > 1) deel += `:nth-of-type(${zelfde.indexOf(n) + 1})`;
      }
      delen.unshift(deel);
      if (document.querySelectorAll(delen.join(" > ")).length === 1) break;
    }
    return delen.join(" > ");
  }

  function element(target) {
    // axe's target: one selector per document or shadow root on the way down.
    let root = document;
    let el = null;
    for (const deel of target) {
      el = root.querySelector(Array.isArray(deel) ? deel.join(" ") : deel);
      if (!el) return null;
      root = el.shadowRoot || el;
    }
    return el;
  }

  function tekstRechthoeken(el) {
    const bereik = document.createRange();
    const uit = [];
    for (const kind of el.childNodes) {
      if (kind.nodeType !== Node.TEXT_NODE || !kind.textContent.trim()) continue;
      bereik.selectNodeContents(kind);
      for (const r of bereik.getClientRects()) if (r.width > 0.5 && r.height > 0.5) uit.push(r);
    }
    if (!uit.length) {
      // Form controls (their value is no text node) and elements whose text sits in pseudo-content: the content box.
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const px = (v) => parseFloat(v) || 0;
      const x = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
      const y = r.top + px(cs.borderTopWidth) + px(cs.paddingTop);
      const b = r.right - px(cs.borderRightWidth) - px(cs.paddingRight) - x;
      const h = r.bottom - px(cs.borderBottomWidth) - px(cs.paddingBottom) - y;
      if (b > 0.5 && h > 0.5) uit.push(new DOMRect(x, y, b, h));
    }
    return uit;
  }

  function pseudoAchtergrond(n) {
    for (const pseudo of ["::before", "::after"]) {
      const cs = getComputedStyle(n, pseudo);
      if (cs.content === "none" || cs.content === "normal" || cs.display === "none") continue;
      if (kleur(cs.backgroundColor).a > 0 || cs.backgroundImage !== "none") return pseudo;
    }
    return null;
  }

  // The colours a reader sees: the text colour and every background below it, composed up to the canvas.
  // Ancestors are walked from the element up; each group is composed over what lies below it and scaled
  // by its opacity, as the browser paints it. A background image or gradient, a pseudo-element with a
  // background, or another element painted under the text cannot be composed from colours: those are
  // marked `meten` (measured from the screen by the caller) with the reason.
  function contrast(el) {
    const cs = getComputedStyle(el);
    const rechthoeken = tekstRechthoeken(el);
    if (!rechthoeken.length || cs.visibility !== "visible") return null;
    const vulling = cs.webkitTextFillColor && cs.webkitTextFillColor !== cs.color ? cs.webkitTextFillColor : cs.color;
    const tekstkleur = kleur(vulling);
    let metTekst = { ...tekstkleur };
    let zonderTekst = { ...LEEG };
    let meten = null;
    let dekkend = null;
    for (let n = el; n; n = n.parentElement) {
      const ncs = n === el ? cs : getComputedStyle(n);
      if (!meten && zonderTekst.a < 0.999) {
        if (ncs.backgroundImage !== "none") {
          meten = `achtergrondafbeelding of verloop op ${selector(n)}: ${ncs.backgroundImage.slice(0, 60)}`;
        } else {
          const pseudo = pseudoAchtergrond(n);
          if (pseudo) meten = `${pseudo} met achtergrond op ${selector(n)}`;
        }
      }
      const eigen = kleur(ncs.backgroundColor);
      metTekst = over(metTekst, eigen);
      zonderTekst = over(zonderTekst, eigen);
      const opaciteit = parseFloat(ncs.opacity);
      if (opaciteit < 1) {
        metTekst.a *= opaciteit;
        zonderTekst.a *= opaciteit;
      }
      if (!dekkend && zonderTekst.a >= 0.999) dekkend = n;
    }
    metTekst = over(metTekst, WIT);
    zonderTekst = over(zonderTekst, WIT);
    // Another element painted under the text (not one of its ancestors) before the first opaque ancestor.
    if (!meten) {
      const r = rechthoeken[0];
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const stapel = document.elementsFromPoint(x, y);
        const i = stapel.indexOf(el);
        for (const onder of i >= 0 ? stapel.slice(i + 1) : []) {
          if (onder.contains(el)) {
            if (onder === dekkend) break;
            continue;
          }
          const ocs = getComputedStyle(onder);
          if (kleur(ocs.backgroundColor).a > 0 || ocs.backgroundImage !== "none" || onder.localName === "img" || onder.localName === "svg") {
            meten = `${selector(onder)} ligt onder de tekst`;
            break;
          }
        }
      }
    }
    const grootte = parseFloat(cs.fontSize);
    const gewicht = parseInt(cs.fontWeight, 10) || 400;
    const groot = grootte >= 24 || (grootte >= 18.66 && gewicht >= 700);
    return {
      tekst: css(metTekst),
      achtergrond: css(zonderTekst),
      // The text colour as painted (alpha and opacity included), for composing over measured pixels.
      tekstkleur: { ...tekstkleur, a: metTekstAlpha(el, tekstkleur.a) },
      voorgrond: metTekst,
      onder: zonderTekst,
      verhouding: verhouding(metTekst, zonderTekst),
      grootte,
      gewicht,
      groot,
      nodig: groot ? 3 : 4.5,
      meten,
    };
  }

  // In view first: what lies under the text is asked of the elements at that point on the screen.
  function contrastInBeeld(el) {
    const r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) {
      el.scrollIntoView({ block: "center", inline: "nearest" });
    }
    return contrast(el);
  }

  function metTekstAlpha(el, a) {
    for (let n = el; n; n = n.parentElement) a *= parseFloat(getComputedStyle(n).opacity);
    return a;
  }

  function luminantie(k) {
    const lin = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(k.r) + 0.7152 * lin(k.g) + 0.0722 * lin(k.b);
  }
  function verhouding(a, b) {
    const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  }

  // Sideways scrolling: the elements that stick out of the viewport and out of their parent, with nothing
  // clipping them (an ancestor with overflow other than visible, or a fixed position); only the outermost
  // of those (not inside another one), widest first.
  function zijwaarts() {
    const breedte = document.documentElement.scrollWidth;
    if (breedte <= innerWidth) return null;
    const uitstekend = new Set();
    const daders = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right + scrollX <= innerWidth + 0.5 || (r.width === 0 && r.height === 0)) continue;
      let geklemd = getComputedStyle(el).position === "fixed";
      for (let n = el.parentElement; n && n !== document.body && !geklemd; n = n.parentElement) {
        const ncs = getComputedStyle(n);
        geklemd = ncs.position === "fixed" || (ncs.overflowX !== "visible" && ncs.overflowX !== "");
      }
      if (geklemd) continue;
      uitstekend.add(el);
      const ouder = el.parentElement;
      if (uitstekend.has(ouder) && r.right <= ouder.getBoundingClientRect().right + 0.5) continue;
      // Not inside another culprit: that one is what to fix first.
      let binnen = false;
      for (let n = ouder; n && !binnen; n = n.parentElement) binnen = daders.some((d) => d.el === n);
      if (!binnen) daders.push({ el, breedte: Math.round(r.width), rechts: Math.round(r.right + scrollX) });
    }
    // Text that runs out of its element (a long word, a line that may not wrap): the element itself fits.
    const bereik = document.createRange();
    for (const el of document.body.querySelectorAll("*")) {
      if (uitstekend.has(el)) continue;
      let rechts = 0;
      for (const kind of el.childNodes) {
        if (kind.nodeType !== Node.TEXT_NODE || !kind.textContent.trim()) continue;
        bereik.selectNodeContents(kind);
        for (const r of bereik.getClientRects()) rechts = Math.max(rechts, r.right + scrollX);
      }
      if (rechts <= innerWidth + 0.5) continue;
      let geklemd = false;
      for (let n = el; n && n !== document.body && !geklemd; n = n.parentElement) {
        const ncs = getComputedStyle(n);
        geklemd = ncs.position === "fixed" || (n !== el && ncs.overflowX !== "visible" && ncs.overflowX !== "") || (n === el && ncs.overflowX !== "visible");
      }
      if (geklemd) continue;
      let binnen = false;
      for (let n = el.parentElement; n && !binnen; n = n.parentElement) binnen = daders.some((d) => d.el === n);
      if (!binnen) daders.push({ el, breedte: Math.round(el.getBoundingClientRect().width), rechts: Math.round(rechts), tekst: true });
    }
    daders.sort((a, b) => b.rechts - a.rechts || b.breedte - a.breedte);
    return {
      scrollWidth: breedte,
      innerWidth,
      elementen: daders.slice(0, 3).map((d) => ({ selector: selector(d.el), breedte: d.breedte, rechts: d.rechts, tekst: !!d.tekst })),
      aantal: daders.length,
    };
  }

  const uit = { overtredingen: [], contrast: [], zijwaarts: null };
  if (axeOpties) {
    const resultaat = await axe.run(document, axeOpties);
    uit.overtredingen = resultaat.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      doelen: v.nodes.map((n) => n.target.flat().join(" >> ")),
    }));
    for (const item of resultaat.incomplete.filter((i) => i.id === "color-contrast")) {
      for (const knoop of item.nodes) {
        const el = element(knoop.target);
        const data = (knoop.any[0] || knoop.all[0] || knoop.none[0] || {}).data || {};
        const doel = knoop.target.flat().join(" >> ");
        if (!el) {
          uit.contrast.push({ selector: doel, fout: "element niet gevonden", axe: data.messageKey || "" });
          continue;
        }
        const gemeten = contrastInBeeld(el);
        if (gemeten) uit.contrast.push({ selector: doel, axe: data.messageKey || "", ...gemeten });
      }
    }
  }
  for (const doel of contrastVoor || []) {
    const el = document.querySelector(doel);
    const gemeten = el && contrastInBeeld(el);
    uit.contrast.push(gemeten ? { selector: doel, axe: "", ...gemeten } : { selector: doel, fout: "element niet gevonden" });
  }
  scrollTo(0, 0);
  uit.zijwaarts = zijwaarts();
  return uit;
};

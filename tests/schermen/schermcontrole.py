"""The checks every screen must pass in headless chromium, and a runner that visits many screens in one browser.

For one loaded page, `pagina_controleren` returns its findings (`Bevinding`):

- `axe`: every violation of axe-core's WCAG 2.0/2.1/2.2 A and AA rules, with the offending selectors;
- `contrast`: every text axe lists under "incomplete" for colour contrast ("needs review"), measured again: the
  text colour composed with every background below it (ancestors walked up to the canvas, alpha and opacity
  composed as the browser paints them). Where colours alone cannot tell (a background image or gradient, a
  pseudo-element with a background, another element painted under the text) the text is made transparent
  and the pixels under it are read from a screenshot; the lowest ratio over those pixels counts. Below
  4.5:1 (3:1 for large text: 24 px, or 18.66 px bold) is a finding, as is a text that could not be measured;
- `zijwaarts`: `document.documentElement.scrollWidth > innerWidth` (the page scrolls sideways), naming the
  widest element that sticks out of its parent without anything clipping it.

`rondgang` visits a list of `Bezoek`s in one chromium (Playwright's async API in a thread of its own, several
pages at a time) and returns the findings per visit; screenshots of the visits that ask for one are written
full page into a folder.
"""

import asyncio
import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from PIL import Image

from tests.conftest import CHROMIUM_ARGS

AXE_URL = f"{settings.STATIC_URL}npm/axe-core/axe.min.js"
AXE_OPTIES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations", "incomplete"],
}
CONTROLE_JS = Path(__file__).with_name("controle.js").read_text(encoding="utf-8")
# Viewport per width: a laptop and a phone (iPhone 12–15 size).
HOOGTES = {1280: 800, 390: 844}
# Widgets that draw after the load event: wait for the marker they set when they are done.
KLAAR = {"#kaart": '#kaart[data-geladen="ja"]', "#swagger-ui": "#swagger-ui .swagger-ui .info"}

_VERBERGEN = """el => {
  const rechthoeken = [];
  const bereik = document.createRange();
  for (const kind of el.childNodes) {
    if (kind.nodeType !== Node.TEXT_NODE || !kind.textContent.trim()) continue;
    bereik.selectNodeContents(kind);
    for (const r of bereik.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rechthoeken.push(r);
  }
  if (!rechthoeken.length) rechthoeken.push(el.getBoundingClientRect());
  // CSSOM only: the Content-Security-Policy refuses style attributes, not element.style.
  window.__nalStijl = new Map();
  for (const n of [el, ...el.querySelectorAll('*')]) {
    window.__nalStijl.set(n, n.style.cssText);
    for (const eigenschap of ['color', '-webkit-text-fill-color', 'caret-color', 'text-decoration-color'])
      n.style.setProperty(eigenschap, 'transparent', 'important');
    n.style.setProperty('text-shadow', 'none', 'important');
  }
  return rechthoeken.map(r => ({x: r.left, y: r.top, breedte: r.width, hoogte: r.height}));
}"""
_HERSTELLEN = """el => {
  for (const [n, stijl] of window.__nalStijl) n.style.cssText = stijl;
  window.__nalStijl = null;
}"""


@dataclass(frozen=True)
class Bevinding:
    soort: str  # axe, contrast, zijwaarts, pagina
    reden: str
    selector: str = ""

    def __str__(self) -> str:
        return f"{self.soort}: {self.reden}" + (f" — {self.selector}" if self.selector else "")


@dataclass(frozen=True)
class Bezoek:
    rol: str
    breedte: int
    pad: str
    naam: str  # the URL name (with variant), for messages and screenshot names
    status: int = 200
    schermafbeelding: bool = False
    # A body served in place of the live server's answer (a page the URL conf cannot produce on demand, the 500 page).
    inhoud: str | None = None

    def __str__(self) -> str:
        return f"{self.rol} {self.breedte}px {self.pad} ({self.naam})"


@dataclass
class Uitkomst:
    bezoek: Bezoek
    bevindingen: list[Bevinding] = field(default_factory=list)
    seconden: float = 0.0
    # Seconds per phase (laden, axe, meten, schermafbeelding), to see where the time goes.
    fasen: dict = field(default_factory=dict)


def _luminantie(r: float, g: float, b: float) -> float:
    def lin(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def verhouding(a: tuple, b: tuple) -> float:
    """WCAG contrast ratio of two opaque sRGB colours (r, g, b in 0–255)."""
    l1, l2 = sorted((_luminantie(*a[:3]), _luminantie(*b[:3])), reverse=True)
    return (l1 + 0.05) / (l2 + 0.05)


def _kleur(k: tuple) -> str:
    return f"rgb({round(k[0])}, {round(k[1])}, {round(k[2])})"


async def _pixels_meten(page, selector: str, tekstkleur: dict) -> tuple[float, tuple, tuple] | str:
    """The lowest ratio of the text colour against the pixels under the text (text made transparent first).

    Returns (ratio, text colour, background pixel) or, when nothing could be measured, the reason.
    """
    element = page.locator(selector).first
    try:
        await element.scroll_into_view_if_needed(timeout=2_000)
    except Exception as fout:  # noqa: BLE001 - reported as a finding, not raised
        return f"niet in beeld te brengen ({type(fout).__name__})"
    rechthoeken = await element.evaluate(_VERBERGEN)
    try:
        png = await page.screenshot(animations="disabled", caret="hide")
    finally:
        await element.evaluate(_HERSTELLEN)
    beeld = Image.open(io.BytesIO(png)).convert("RGB")
    schaal = beeld.width / (await page.evaluate("innerWidth"))
    alfa = tekstkleur["a"]
    voorgrond = (tekstkleur["r"], tekstkleur["g"], tekstkleur["b"])
    slechtste = None
    for r in rechthoeken:
        links, boven = max(0, r["x"] * schaal), max(0, r["y"] * schaal)
        rechts, onder = min(beeld.width, (r["x"] + r["breedte"]) * schaal), min(beeld.height, (r["y"] + r["hoogte"]) * schaal)
        if rechts - links < 1 or onder - boven < 1:
            continue
        kleuren = beeld.crop((int(links), int(boven), int(rechts), int(onder))).getcolors(maxcolors=1 << 20) or []
        for _aantal, pixel in kleuren:
            tekst = tuple(alfa * v + (1 - alfa) * p for v, p in zip(voorgrond, pixel, strict=True))
            gemeten = verhouding(tekst, pixel)
            if slechtste is None or gemeten < slechtste[0]:
                slechtste = (gemeten, tekst, pixel)
    return slechtste or "de tekst ligt buiten beeld"


async def pagina_controleren(
    page, *, axe: bool = True, contrast_voor: tuple[str, ...] = (), fasen: dict | None = None
) -> list[Bevinding]:
    """The findings on the page as it is now loaded (axe is added from the app's own static files)."""
    fasen = {} if fasen is None else fasen
    begin = time.monotonic()
    if axe:
        # From the app's own static files: the Content-Security-Policy refuses inline scripts.
        await page.add_script_tag(url=AXE_URL)
    uit = await page.evaluate(CONTROLE_JS, {"axeOpties": AXE_OPTIES if axe else None, "contrastVoor": list(contrast_voor)})
    fasen["axe"] = time.monotonic() - begin
    fasen["gemeten"] = 0
    begin = time.monotonic()
    bevindingen = []
    for v in uit["overtredingen"]:
        doelen = v["doelen"]
        meer = f" (en nog {len(doelen) - 3})" if len(doelen) > 3 else ""
        bevindingen.append(Bevinding("axe", f"{v['id']} ({v['impact']}): {v['help']}", "; ".join(doelen[:3]) + meer))
    for c in uit["contrast"]:
        axe_reden = f"; axe: {c['axe']}" if c.get("axe") else ""
        if c.get("fout"):
            bevindingen.append(Bevinding("contrast", f"niet te meten: {c['fout']}{axe_reden}", c["selector"]))
            continue
        groot = "groot" if c["groot"] else "normaal"
        tekst_op = f"tekst {c['tekst']} op {c['achtergrond']}"
        gemeten, hoe = c["verhouding"], "berekend"
        if c["meten"]:
            fasen["gemeten"] += 1
            meting = await _pixels_meten(page, c["selector"], c["tekstkleur"])
            if isinstance(meting, str):
                reden = f"niet te meten ({c['meten']}): {meting}{axe_reden}"
                bevindingen.append(Bevinding("contrast", reden, c["selector"]))
                continue
            gemeten, tekst, pixel = meting
            hoe = f"gemeten in het scherm ({c['meten']})"
            tekst_op = f"tekst {_kleur(tekst)} op {_kleur(pixel)}"
        if gemeten < c["nodig"]:
            reden = (
                f"{gemeten:.2f}:1 < {c['nodig']:g}:1 ({tekst_op}, {c['grootte']:g}px {c['gewicht']} {groot}; {hoe}{axe_reden})"
            )
            bevindingen.append(Bevinding("contrast", reden, c["selector"]))
    z = uit["zijwaarts"]
    if z:
        reden = f"de pagina schuift zijwaarts: scrollWidth {z['scrollWidth']} > innerWidth {z['innerWidth']}"
        daders = [f"{e['selector']} ({e['breedte']} px breed, rechterrand op {e['rechts']} px)" for e in z["elementen"]]
        if not daders:
            daders = ["geen element gevonden (marges of pseudo-elementen)"]
        elif z["aantal"] > len(daders):
            daders.append(f"en nog {z['aantal'] - len(daders)}")
        bevindingen.append(Bevinding("zijwaarts", reden, "; ".join(daders)))
    fasen["meten"] = time.monotonic() - begin
    return bevindingen


async def pagina_klaar(page) -> None:
    """Wait until widgets that draw after the load event are done, and the fonts are in."""
    for houder, klaar in KLAAR.items():
        if await page.locator(houder).count():
            await page.wait_for_selector(klaar, timeout=15_000)
    await page.evaluate("document.fonts.ready.then(() => true)")


async def _bezoeken(context, bezoek: Bezoek, map_: Path | None, fasen: dict) -> list[Bevinding]:
    page = await context.new_page()
    try:
        begin = time.monotonic()
        if bezoek.inhoud is not None:
            await page.route(
                f"**{bezoek.pad}",
                lambda route: route.fulfill(status=bezoek.status, body=bezoek.inhoud, content_type="text/html; charset=utf-8"),
            )
        antwoord = await page.goto(bezoek.pad, wait_until="load")
        if antwoord is None or antwoord.status != bezoek.status:
            gekregen = antwoord.status if antwoord else "geen antwoord"
            return [Bevinding("pagina", f"status {gekregen} in de browser, {bezoek.status} verwacht")]
        await pagina_klaar(page)
        fasen["laden"] = time.monotonic() - begin
        bevindingen = await pagina_controleren(page, fasen=fasen)
        if bezoek.schermafbeelding and map_ is not None:
            begin = time.monotonic()
            naam = f"{bezoek.rol}-{bezoek.breedte}-{bezoek.naam}".replace(":", "-").replace("/", "-").replace(" ", "")
            await page.screenshot(path=str(map_ / f"{naam}.png"), full_page=True, animations="disabled", caret="hide")
            fasen["schermafbeelding"] = time.monotonic() - begin
        return bevindingen
    finally:
        await page.close()


async def _rondgang(base_url: str, bezoeken: list[Bezoek], cookies: Callable[[str], list[dict]], map_, parallel: int):
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        contexten = {}
        for rol, breedte in {(b.rol, b.breedte) for b in bezoeken}:
            context = await browser.new_context(
                base_url=base_url, locale="nl-NL", viewport={"width": breedte, "height": HOOGTES.get(breedte, 800)}
            )
            context.set_default_timeout(20_000)
            await context.add_cookies(cookies(rol))
            contexten[rol, breedte] = context
        beperking = asyncio.Semaphore(parallel)

        async def een(bezoek: Bezoek) -> Uitkomst:
            async with beperking:
                begin, fasen = time.monotonic(), {}
                try:
                    bevindingen = await _bezoeken(contexten[bezoek.rol, bezoek.breedte], bezoek, map_, fasen)
                except Exception as fout:  # noqa: BLE001 - a page that breaks the check is a finding of its own
                    bevindingen = [Bevinding("pagina", f"controle afgebroken: {type(fout).__name__}: {str(fout)[:300]}")]
                return Uitkomst(bezoek, bevindingen, time.monotonic() - begin, fasen)

        try:
            return await asyncio.gather(*(een(b) for b in bezoeken))
        finally:
            await browser.close()


def in_eigen_draad(coroutine):
    """Run a coroutine to its end in a thread of its own (the test thread may hold Playwright's sync loop)."""
    resultaat, fout = [], []

    def draaien():
        try:
            resultaat.append(asyncio.run(coroutine))
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            fout.append(e)

    draad = threading.Thread(target=draaien, name="schermcontrole")
    draad.start()
    draad.join()
    if fout:
        raise fout[0]
    return resultaat[0]


def rondgang(
    base_url: str, bezoeken: list[Bezoek], *, cookies: Callable[[str], list[dict]], map_: Path | None, parallel: int = 3
) -> list[Uitkomst]:
    """Visit every `Bezoek` (a browser context per role and width; `cookies(rol)` logs it in) and check each page."""
    return in_eigen_draad(_rondgang(base_url, bezoeken, cookies, map_, parallel))


def html_controleren(html: str, *, breedte: int = 1280, contrast_voor: tuple[str, ...] = ()) -> list[Bevinding]:
    """The findings on a page with this body (no server: the page and axe are served by the browser's router)."""
    axe = settings.NODE_MODULES_DIR / "axe-core" / "axe.min.js"

    async def antwoorden(route):
        if route.request.url.endswith(AXE_URL):
            await route.fulfill(path=axe, content_type="text/javascript")
        else:
            await route.fulfill(body=html, content_type="text/html; charset=utf-8")

    async def controleren():
        from playwright.async_api import async_playwright

        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            try:
                context = await browser.new_context(
                    locale="nl-NL", viewport={"width": breedte, "height": HOOGTES.get(breedte, 800)}
                )
                await context.route("http://proef.invalid/**", antwoorden)
                page = await context.new_page()
                await page.goto("http://proef.invalid/proef/")
                return await pagina_controleren(page, contrast_voor=contrast_voor)
            finally:
                await browser.close()

    return in_eigen_draad(controleren())

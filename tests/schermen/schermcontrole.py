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
from PIL import Image, ImageChops

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

METEN_JS = Path(__file__).with_name("meten.js").read_text(encoding="utf-8")


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


def _slechtste_pixel(met: Image.Image, zonder: Image.Image, schaal: float, rechthoeken: list[dict], tekstkleur: dict):
    """(ratio, text colour, pixel): the background pixel under the glyphs that gives the lowest ratio, or None.

    The glyphs are where the screenshot with text differs from the one without; the background there is read
    from the one without. Text that does not differ from its background at all (one colour) is measured
    against every pixel of its boxes.
    """
    alfa = tekstkleur["a"]
    voorgrond = (tekstkleur["r"], tekstkleur["g"], tekstkleur["b"])
    achtergronden = set()
    for r in rechthoeken:
        links, boven = max(0, r["x"] * schaal), max(0, r["y"] * schaal)
        rechts, onder = min(met.width, (r["x"] + r["breedte"]) * schaal), min(met.height, (r["y"] + r["hoogte"]) * schaal)
        if rechts - links < 1 or onder - boven < 1:
            continue
        vak = (int(links), int(boven), int(rechts), int(onder))
        onder_tekst = zonder.crop(vak)
        verschil = ImageChops.difference(met.crop(vak), onder_tekst).convert("L")
        kleuren = {p for v, p in zip(verschil.get_flattened_data(), onder_tekst.get_flattened_data(), strict=True) if v > 16}
        achtergronden |= kleuren or {k for _n, k in onder_tekst.getcolors(maxcolors=1 << 20) or []}
    slechtste = None
    for pixel in achtergronden:
        tekst = tuple(alfa * v + (1 - alfa) * p for v, p in zip(voorgrond, pixel, strict=True))
        gemeten = verhouding(tekst, pixel)
        if slechtste is None or gemeten < slechtste[0]:
            slechtste = (gemeten, tekst, pixel)
    return slechtste


async def _schermafbeelding(page, *, heel: bool = False) -> Image.Image:
    png = await page.screenshot(full_page=heel, animations="disabled", caret="hide")
    return Image.open(io.BytesIO(png)).convert("RGB")


async def _meetronde(page, te_meten: list[dict], open_: list[int], *, heel: bool) -> dict[int, tuple | str]:
    """Measure the elements `open_` from one pair of screenshots (with and without text) of the viewport as it
    is, or of the whole page; returns (ratio, text colour, pixel) or the reason, per element."""
    posities = await page.evaluate(
        "a => __nalMeten.posities(a)", {"kiezers": [te_meten[i]["selector"] for i in open_], "heelPagina": heel}
    )
    met = await _schermafbeelding(page, heel=heel)
    await page.evaluate("__nalMeten.verbergen()")
    try:
        zonder = await _schermafbeelding(page, heel=heel)
    finally:
        await page.evaluate("__nalMeten.tonen()")
    schaal = await page.evaluate("devicePixelRatio")
    uit = {}
    for i, positie in zip(open_, posities, strict=True):
        if "rechthoeken" in positie:
            gemeten = _slechtste_pixel(met, zonder, schaal, positie["rechthoeken"], te_meten[i]["tekstkleur"])
            uit[i] = gemeten or "de tekst is niet te zien"
        else:
            uit[i] = positie["reden"]
    return uit


async def _pixels_meten(page, te_meten: list[dict]) -> list[tuple[float, tuple, tuple] | str]:
    """Per element, the lowest ratio of its text colour against the pixels under its glyphs, read from two
    screenshots (with the page's text, and with all text made transparent): (ratio, text colour, background
    pixel), or why it could not be measured.

    First one pair of screenshots of the whole page (at the top); what that could not show (text scrolled out
    of its box, covered at that moment) is then brought to the middle of the viewport, one element at a time,
    and measured with every other element left that is then in view.
    """
    await page.evaluate(METEN_JS)
    await page.evaluate("scrollTo(0, 0)")
    uitkomsten = await _meetronde(page, te_meten, list(range(len(te_meten))), heel=True)
    open_ = [i for i, u in uitkomsten.items() if isinstance(u, str)]
    try:
        while open_:
            eerste = open_[0]
            await page.evaluate("k => __nalMeten.centreren(k)", te_meten[eerste]["selector"])
            ronde = await _meetronde(page, te_meten, open_, heel=False)
            for i, uitkomst in ronde.items():
                if not isinstance(uitkomst, str) or i == eerste:
                    uitkomsten[i] = uitkomst
            open_ = [i for i in open_ if i != eerste and isinstance(ronde[i], str)]
    finally:
        await page.evaluate("scrollTo(0, 0)")
    return [uitkomsten[i] for i in range(len(te_meten))]


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
    begin = time.monotonic()
    bevindingen = []
    for v in uit["overtredingen"]:
        doelen = v["doelen"]
        meer = f" (en nog {len(doelen) - 3})" if len(doelen) > 3 else ""
        bevindingen.append(Bevinding("axe", f"{v['id']} ({v['impact']}): {v['help']}", "; ".join(doelen[:3]) + meer))
    te_meten = [c for c in uit["contrast"] if not c.get("fout") and c["meten"]]
    fasen["gemeten"] = len(te_meten)
    metingen = dict(zip(map(id, te_meten), await _pixels_meten(page, te_meten), strict=True)) if te_meten else {}
    for c in uit["contrast"]:
        axe_reden = f"; axe: {c['axe']}" if c.get("axe") else ""
        if c.get("fout"):
            bevindingen.append(Bevinding("contrast", f"niet te meten: {c['fout']}{axe_reden}", c["selector"]))
            continue
        groot = "groot" if c["groot"] else "normaal"
        tekst_op = f"tekst {c['tekst']} op {c['achtergrond']}"
        gemeten, hoe = c["verhouding"], "berekend"
        if c["meten"]:
            meting = metingen[id(c)]
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
        daders = [
            f"{e['selector']} ("
            + (
                f"de tekst loopt door tot {e['rechts']} px, het element is {e['breedte']} px breed)"
                if e["tekst"]
                else f"{e['breedte']} px breed, rechterrand op {e['rechts']} px)"
            )
            for e in z["elementen"]
        ]
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

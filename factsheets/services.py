"""Rendering factsheets: data → HTML → PDF (WeasyPrint, no network), written atomically and only when the data changed."""

import logging
import mimetypes
import os
import socket
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from factsheets import selectors
from factsheets.models import Factsheet, FactsheetRun, FactsheetRunItem, Variant
from nal_oost.taken import taak_starten
from terreinen.models import Bedrijventerrein

logger = logging.getLogger(__name__)

# The HTML is rendered with this base URL; only our own static files below it can be fetched.
BASIS_URL = "https://factsheet.nal-oost.invalid/"
MAP = "factsheets"
# A temporary file older than the hard time limit of a render belongs to no running render.
WEES_NA_SECONDEN = 900


# -- HTML and PDF ------------------------------------------------------------------------------------


def factsheet_html(*, gegevens: dict) -> str:
    """The HTML of one factsheet; everything it shows comes from `gegevens` (so from its hash)."""
    with translation.override("nl"):
        return render_to_string(selectors.TEMPLATE, {"g": gegevens, "stylesheet": settings.STATIC_URL + selectors.STYLESHEET})


class FactsheetRenderFout(RuntimeError):
    """Rendering cannot produce a correct factsheet (e.g. its own stylesheet is missing)."""


def _statische_url_fetcher():
    """A WeasyPrint URL fetcher that serves our own static files (found like `collectstatic` finds them) and nothing else.

    Another host is refused and left out of the PDF; a missing file of our own stops the render,
    because a factsheet without its stylesheet would look broken.
    """
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class StatischeUrlFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            melding = _("Ophalen van %(url)s geweigerd: alleen eigen statische bestanden zijn toegestaan.") % {"url": url}
            if not url.startswith(BASIS_URL):
                raise ValueError(melding)
            try:
                pad = statisch_pad(url)
                data = pad.read_bytes() if pad else None
            except Exception as fout:
                raise FatalURLFetchingError(f"{url}: {fout}") from fout
            if data is None:
                raise FatalURLFetchingError(melding)
            mime_type = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": mime_type})

    return StatischeUrlFetcher()


def statisch_pad(url: str) -> Path | None:
    """The file behind `url` when it is one of our static files below BASIS_URL; None for anything else."""
    basis = urlsplit(BASIS_URL)
    delen = urlsplit(url)
    if (delen.scheme, delen.netloc) != (basis.scheme, basis.netloc):
        return None
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not delen.path.startswith(prefix):
        return None
    relatief = unquote(delen.path[len(prefix) :])
    if not relatief or ".." in Path(relatief).parts or relatief.startswith("/"):
        return None
    gevonden = finders.find(relatief)
    return Path(gevonden) if gevonden else None


def html_naar_pdf(*, html: str) -> bytes:
    """A tagged PDF/UA-1 document (language from `<html lang>`); WeasyPrint is imported here so web processes never load it."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    # WeasyPrint logs every layout step at INFO; a bulk run would drown the worker log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        return HTML(string=html, base_url=BASIS_URL, url_fetcher=_statische_url_fetcher()).write_pdf(
            pdf_variant="pdf/ua-1", pdf_identifier=False
        )
    except FatalURLFetchingError as fout:
        raise FactsheetRenderFout(str(fout)) from None


# -- Files -------------------------------------------------------------------------------------------


def factsheet_map() -> Path:
    pad = Path(settings.MEDIA_ROOT) / MAP
    pad.mkdir(parents=True, exist_ok=True)
    return pad


def _tijdelijk_voorvoegsel(doel: Path) -> str:
    return f".{doel.name}~"


def _host() -> str:
    return socket.gethostname().replace("~", "-")


def _wezen_opruimen(doel: Path) -> None:
    """Remove temporary files of `doel` left by a render that was killed (dead process on this host, or too old)."""
    voorvoegsel = _tijdelijk_voorvoegsel(doel)
    nu = time.time()
    for tmp in doel.parent.glob(voorvoegsel + "*.tmp"):
        try:
            tmp_host, pid, _rest = tmp.name[len(voorvoegsel) :].split("~", 2)
            dood = tmp_host == _host() and not _proces_leeft(int(pid))
        except ValueError:
            dood = False
        try:
            if dood or nu - tmp.stat().st_mtime > WEES_NA_SECONDEN:
                tmp.unlink()
        except FileNotFoundError:
            pass


def _proces_leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def bestand_atomisch_schrijven(doel: Path, schrijf: Callable) -> None:
    """Write `doel` through `schrijf(file)` into a temporary file next to it, then rename it into place.

    Readers see the old file or the new one, never a partial one; when `schrijf` fails the old file
    stays and the temporary file is removed. The temporary name carries host and pid, so a later
    render can remove what a killed process left behind.
    """
    doel.parent.mkdir(parents=True, exist_ok=True)
    _wezen_opruimen(doel)
    fd, tmp = tempfile.mkstemp(dir=doel.parent, prefix=f"{_tijdelijk_voorvoegsel(doel)}{_host()}~{os.getpid()}~", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            schrijf(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, doel)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- Rendering ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderResultaat:
    factsheet: Factsheet | None
    gerenderd: bool
    html: str | None = None

    def as_dict(self) -> dict:
        return {
            "factsheet": self.factsheet.pk if self.factsheet else None,
            "gerenderd": self.gerenderd,
            "hash": self.factsheet.data_hash if self.factsheet else None,
        }


def _bestand_bestaat(factsheet: Factsheet | None) -> bool:
    return bool(factsheet and factsheet.bestand and Path(factsheet.bestand.path).is_file())


def factsheet_renderen(
    *, terrein_id: int, variant: str, taak_id: str = "", forceren: bool = False, run_item_id: int | None = None
) -> RenderResultaat:
    """Render one park's factsheet unless a PDF for the same data hash exists; safe to repeat.

    With `run_item_id` the run's bookkeeping is part of the same transaction as the factsheet row, so a
    task delivered twice (a worker killed after rendering) renders and counts once.
    """
    if variant not in Variant.values:
        raise ValueError(_("Onbekende variant: %(variant)s") % {"variant": variant})
    if (
        run_item_id is not None
        and not FactsheetRunItem.objects.filter(pk=run_item_id, status=FactsheetRunItem.Status.OPEN).exists()
    ):
        return RenderResultaat(
            factsheet=Factsheet.objects.filter(terrein_id=terrein_id, variant=variant).first(), gerenderd=False
        )
    try:
        return _renderen(terrein_id=terrein_id, variant=variant, taak_id=taak_id, forceren=forceren, run_item_id=run_item_id)
    except Exception as fout:
        if run_item_id is not None:
            _item_afronden(run_item_id, FactsheetRunItem.Status.MISLUKT, fout=f"{type(fout).__name__}: {fout}")
        raise


def _renderen(*, terrein_id, variant, taak_id, forceren, run_item_id) -> RenderResultaat:
    terrein = Bedrijventerrein.objects.get(pk=terrein_id)
    gegevens = selectors.factsheet_gegevens(terrein=terrein, variant=variant)
    data_hash = selectors.gegevens_hash(gegevens)
    bestaand = Factsheet.objects.filter(terrein=terrein, variant=variant).first()
    if not forceren and bestaand and bestaand.data_hash == data_hash and _bestand_bestaat(bestaand):
        if run_item_id is not None:
            _item_afronden(run_item_id, FactsheetRunItem.Status.GEDAAN)
        return RenderResultaat(factsheet=bestaand, gerenderd=False)

    start = time.perf_counter()
    html = factsheet_html(gegevens=gegevens)
    pdf = html_naar_pdf(html=html)
    duur_ms = int((time.perf_counter() - start) * 1000)
    naam = f"{MAP}/{terrein.rin}-{variant}.pdf"
    doel = factsheet_map() / Path(naam).name
    with transaction.atomic():
        if run_item_id is not None:
            item = FactsheetRunItem.objects.select_for_update().get(pk=run_item_id)
            if item.status != FactsheetRunItem.Status.OPEN:
                # Another delivery of this task finished first.
                return RenderResultaat(
                    factsheet=Factsheet.objects.filter(terrein=terrein, variant=variant).first(), gerenderd=False
                )
        # The file is replaced before the row is committed: if the commit fails, the row keeps the old
        # hash and the factsheet looks stale, so it is rendered again (never a row claiming a newer file).
        bestand_atomisch_schrijven(doel, lambda f: f.write(pdf))
        factsheet, nieuw = Factsheet.objects.select_for_update().get_or_create(
            terrein=terrein,
            variant=variant,
            defaults={"data_hash": data_hash, "bestand": naam, "gegenereerd_op": timezone.now(), "aantal_renders": 0},
        )
        factsheet.data_hash = data_hash
        factsheet.bestand.name = naam
        factsheet.grootte = len(pdf)
        factsheet.gegenereerd_op = timezone.now()
        factsheet.duur_ms = duur_ms
        factsheet.taak_id = taak_id or ""
        factsheet.aantal_renders = F("aantal_renders") + 1
        factsheet.save()
        factsheet.refresh_from_db()
        if run_item_id is not None:
            _item_afronden(run_item_id, FactsheetRunItem.Status.GEDAAN, gerenderd=True)
    return RenderResultaat(factsheet=factsheet, gerenderd=True, html=html)


# -- Bulk runs ---------------------------------------------------------------------------------------


@transaction.atomic
def _item_afronden(item_id: int, status: str, *, fout: str = "", gerenderd: bool = False) -> None:
    """Move an item from open to done/failed once, count it on its run, and close the run with its last item."""
    gewijzigd = FactsheetRunItem.objects.filter(pk=item_id, status=FactsheetRunItem.Status.OPEN).update(
        status=status, fout=fout[:2000], gerenderd=gerenderd
    )
    if not gewijzigd:
        return
    run_id = FactsheetRunItem.objects.values_list("run_id", flat=True).get(pk=item_id)
    teller = "gedaan" if status == FactsheetRunItem.Status.GEDAAN else "mislukt"
    FactsheetRun.objects.filter(pk=run_id).update(**{teller: F(teller) + 1})
    _run_afsluiten_als_klaar(run_id)


def _run_afsluiten_als_klaar(run_id: int) -> None:
    FactsheetRun.objects.filter(pk=run_id, status=FactsheetRun.Status.BEZIG, totaal=F("gedaan") + F("mislukt")).update(
        status=Case(When(mislukt__gt=0, then=Value(FactsheetRun.Status.MISLUKT)), default=Value(FactsheetRun.Status.KLAAR)),
        klaar_op=timezone.now(),
    )


def factsheet_run_starten(*, gebruiker=None, alles: bool = False) -> FactsheetRun:
    """Queue an "Alle factsheets genereren" run; the worker decides which factsheets are stale."""
    from factsheets.tasks import factsheet_run_taak

    run = FactsheetRun.objects.create(gestart_door=gebruiker, alles=alles)
    taak_starten(factsheet_run_taak, run.pk)
    return run


def factsheet_run_voorbereiden(*, run_id: int, taak_id: str = "") -> list[FactsheetRunItem]:
    """Find the stale factsheets of a run and record them as open items; returns the items still to render.

    Repeating it (a redelivered task) records nothing twice and returns the items not yet finished.
    """
    run = FactsheetRun.objects.get(pk=run_id)
    if run.status == FactsheetRun.Status.WACHTRIJ:
        paren = selectors.factsheets_verouderd(terreinen=Bedrijventerrein.objects.all(), alles=run.alles)
        with transaction.atomic():
            run = FactsheetRun.objects.select_for_update().get(pk=run_id)
            if run.status == FactsheetRun.Status.WACHTRIJ:
                FactsheetRunItem.objects.bulk_create(
                    [FactsheetRunItem(run=run, terrein_id=t, variant=v) for t, v in paren], batch_size=1000
                )
                run.totaal = len(paren)
                run.status = FactsheetRun.Status.BEZIG
                run.taak_id = taak_id
                run.save(update_fields=["totaal", "status", "taak_id"])
                _run_afsluiten_als_klaar(run.pk)
    return list(run.items.filter(status=FactsheetRunItem.Status.OPEN).order_by("pk"))


def factsheet_run_synchroon(*, run: FactsheetRun, voortgang: Callable[[FactsheetRun], None] | None = None) -> FactsheetRun:
    """Render a run's open items in this process (for operators without a worker), reporting progress per item."""
    for item in factsheet_run_voorbereiden(run_id=run.pk):
        try:
            factsheet_renderen(terrein_id=item.terrein_id, variant=item.variant, forceren=run.alles, run_item_id=item.pk)
        except Exception:
            # Recorded on the item; the run goes on with the next park.
            logger.exception("Factsheet %s/%s mislukt", item.terrein_id, item.variant)
        if voortgang:
            run.refresh_from_db()
            voortgang(run)
    run.refresh_from_db()
    return run


# -- ZIP ---------------------------------------------------------------------------------------------


class _Buffer:
    """A write-only, unseekable sink for zipfile whose contents are handed out in chunks."""

    def __init__(self):
        self.delen: list[bytes] = []
        self.positie = 0

    def write(self, data):
        self.delen.append(bytes(data))
        self.positie += len(data)
        return len(data)

    def tell(self):
        return self.positie

    def flush(self):
        pass

    def leeg(self) -> bytes:
        data = b"".join(self.delen)
        self.delen.clear()
        return data


def zip_naam(factsheet: Factsheet) -> str:
    terrein = factsheet.terrein
    return f"{slugify(terrein.gemeente.naam)}/{terrein.rin}-{slugify(terrein.naam)}-{factsheet.variant}.pdf"


def factsheets_zip_stroom(*, factsheets: Iterable[Factsheet]) -> Iterator[bytes]:
    """A ZIP of the given factsheets, streamed file by file (PDFs are stored, not compressed again)."""
    buffer = _Buffer()
    with zipfile.ZipFile(buffer, mode="w", compression=zipfile.ZIP_STORED) as zf:
        for factsheet in factsheets:
            pad = Path(settings.MEDIA_ROOT) / factsheet.bestand.name
            try:
                data = pad.read_bytes()
            except FileNotFoundError:
                continue
            zf.writestr(zip_naam(factsheet), data)
            yield buffer.leeg()
    yield buffer.leeg()

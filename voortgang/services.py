"""The quarterly report: requesting it, rendering its PDF through the factsheets' pipeline, and its XLSX."""

import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from factsheets.services import bestand_atomisch_schrijven, html_naar_pdf
from nal_oost.exports import werkboek
from nal_oost.taken import taak_starten
from overzicht.selectors import terrein_filterset
from voortgang import selectors
from voortgang.models import Kwartaalrapport

TEMPLATE = "voortgang/kwartaalrapport.html"
STYLESHEET = "css/kwartaalrapport.css"
MAP = "kwartaalrapporten"


def kwartaalrapport_aanvragen(*, user, kwartaal: str, filters: dict) -> Kwartaalrapport:
    """Record the request and queue the PDF; the quarter and the filters are checked first, nothing is written when wrong."""
    try:
        selectors.kwartaal_grenzen(kwartaal)
    except ValueError:
        raise ValidationError(
            _("Onbekend kwartaal '%(kwartaal)s'; kies een kwartaal uit de lijst.") % {"kwartaal": kwartaal}
        ) from None
    data = QueryDict(mutable=True)
    for sleutel, waarden in filters.items():
        data.setlist(sleutel, waarden)
    filterset = terrein_filterset(user=user, params=data)
    if not filterset.is_valid():
        fouten = "; ".join(f"{veld}: {' '.join(m)}" for veld, m in filterset.errors.items())
        raise ValidationError(_("Ongeldige filter: %(fouten)s") % {"fouten": fouten})
    from voortgang.tasks import kwartaalrapport_renderen_taak

    with transaction.atomic():
        rapport = Kwartaalrapport.objects.create(aangevraagd_door=user, kwartaal=kwartaal, filters=filters)
        taak_starten(kwartaalrapport_renderen_taak, rapport.pk)
    return rapport


def kwartaalrapport_html(*, gegevens: dict) -> str:
    with translation.override("nl"):
        return render_to_string(TEMPLATE, {"g": gegevens, "stylesheet": settings.STATIC_URL + STYLESHEET})


def kwartaalrapport_pdf(*, gegevens: dict) -> bytes:
    """The tagged PDF/UA document of the report, by the factsheets' renderer (WeasyPrint, own static files only)."""
    return html_naar_pdf(html=kwartaalrapport_html(gegevens=gegevens))


def kwartaalrapport_renderen(*, rapport_id: int) -> Kwartaalrapport:
    """Render the PDF of one request unless it is there already; a failure is recorded on the request."""
    rapport = Kwartaalrapport.objects.select_related("aangevraagd_door").get(pk=rapport_id)
    if rapport.status == Kwartaalrapport.Status.KLAAR and rapport.bestand and Path(rapport.bestand.path).is_file():
        return rapport
    start = time.perf_counter()
    try:
        gegevens = selectors.kwartaal_gegevens(user=rapport.aangevraagd_door, kwartaal=rapport.kwartaal, filters=rapport.filters)
        pdf = kwartaalrapport_pdf(gegevens=gegevens)
        naam = f"{MAP}/kwartaalrapport-{rapport.pk}.pdf"
        bestand_atomisch_schrijven(Path(settings.MEDIA_ROOT) / naam, lambda f: f.write(pdf))
    except Exception as fout:
        Kwartaalrapport.objects.filter(pk=rapport.pk).update(
            status=Kwartaalrapport.Status.MISLUKT, fout=f"{type(fout).__name__}: {fout}"[:2000]
        )
        raise
    rapport.bestand.name = naam
    rapport.status = Kwartaalrapport.Status.KLAAR
    rapport.klaar_op = timezone.now()
    rapport.duur_ms = int((time.perf_counter() - start) * 1000)
    rapport.fout = ""
    rapport.save(update_fields=["bestand", "status", "klaar_op", "duur_ms", "fout"])
    return rapport


# -- XLSX ------------------------------------------------------------------------------------------------


def _bladen(g: dict) -> list[tuple[str, list[str], list[list]]]:
    """(sheet title, header, rows) with the report's figures, in the order of the PDF."""
    stand = [
        [label, begin, eind]
        for (_s, label, begin), (_s2, _l2, eind) in zip(
            g["stand_begin"]["stap_totalen"], g["stand_eind"]["stap_totalen"], strict=True
        )
    ]
    bladen = [
        (_("Trechter"), [_("Stap"), _("Begin kwartaal"), _("Eind kwartaal")], stand),
        (
            _("Bewegingen"),
            [_("Datum"), _("Terrein"), _("Gemeente"), _("Van"), _("Naar")],
            [[b["op"], b["terrein"], b["gemeente"], b["van"], b["naar"]] for b in g["bewegingen"]],
        ),
        (
            _("Doorlooptijden"),
            [
                _("Stap"),
                _("Afgerond"),
                _("Mediaan (dagen)"),
                _("80e percentiel (dagen)"),
                _("Norm"),
                _("Binnen de norm"),
                _("Toelichting"),
            ],
            [
                [d["label"], d["aantal"], d["mediaan"], d["p80"], d["norm"], d["binnen_norm"], d["verschil_tekst"]]
                for d in g["doorlooptijden"]
            ],
        ),
        (
            _("Rondes stap 3"),
            [_("Nieuwe rondes"), _("Stap 3 afgerond"), _("Na 1 ronde"), _("Na 2 rondes"), _("Na 3 of meer"), _("Gemiddeld")],
            [[g["rondes"][k] for k in ("nieuwe_rondes", "afgerond", "een", "twee", "drie_of_meer", "gemiddeld")]],
        ),
        (
            _("Uit de route"),
            [_("Stap"), *g["vertrek"]["redenen"], _("Totaal")],
            [[r["label"], *r["per_reden"], r["totaal"]] for r in g["vertrek"]["rijen"]],
        ),
        (
            _("Selectierondes"),
            [
                _("Naam"),
                _("Datum"),
                _("Aantal"),
                _("Gelderland doel"),
                _("Gelderland gekozen"),
                _("Overijssel doel"),
                _("Overijssel gekozen"),
            ],
            [
                [
                    r["naam"],
                    r["op"],
                    r["aantal"],
                    r["groepen"][0]["doel"],
                    r["groepen"][0]["gekozen"],
                    r["groepen"][1]["doel"],
                    r["groepen"][1]["gekozen"],
                ]
                for r in g["selectierondes"]
            ],
        ),
        (
            _("Laadvraag"),
            [_("Zichtjaar"), _("Stap 3–6 (kW)"), _("Totaal (kW)"), _("Aandeel (%)")],
            [[v["jaar"], v["gedekt"], v["totaal"], v["aandeel"]] for v in g["vraag"]],
        ),
        (
            _("Over de termijn"),
            [_("Terrein"), _("Gemeente"), _("Stap"), _("In stap sinds"), _("Termijn"), _("Dagen over"), _("Regisseur")],
            [
                [
                    r["park"].naam,
                    r["park"].gemeente,
                    r["stap_label"],
                    r["begonnen_op"],
                    r["termijn_op"],
                    r["dagen_over"],
                    r["park"].regisseur,
                ]
                for r in g["boven_norm"]
            ],
        ),
    ]
    if g["toon_evaluaties"]:
        bladen.append(
            (
                _("Evaluaties"),
                [_("Stap"), _("Soort"), _("Terrein"), _("Tekst"), _("Auteur")],
                [
                    [e["label"], soort, n["terrein"], n["tekst"], n["auteur"]]
                    for e in g["evaluaties"]
                    for soort, notities in e["soorten"]
                    for n in notities
                ],
            )
        )
    return bladen


def kwartaalrapport_xlsx(*, gegevens: dict) -> bytes:
    """The report's figures as a workbook, one sheet per part; every text cell formula-safe."""
    return werkboek([(titel, kop, rijen, None) for titel, kop, rijen in _bladen(gegevens)])

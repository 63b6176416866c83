"""Leak tests generated from the visibility register: plant a marker in every field of a closed class, crawl, search.

`markeren()` walks nal_oost/zichtbaarheid.py: every row of every classified model gets a unique marker
(`ZQXV0001Q` for `vertrouwelijk`, `ZQXG0001Q` for `gemeente`) in each text field of that class, saved
through the model (so audited models also write the marker into their history). Staff names are fields
of auth.User and get markers too; the park outside the own municipality gets one in its name.
`doorzoeken()` reads every body (HTML, JSON, GeoJSON, CSV, XLSX and other zips member by member, PDF
text through `pdftotext`) and returns the markers found.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models

from nal_oost import zichtbaarheid
from stappenplan.models import Traject, WarmContactVia
from terreinen.models import Bedrijventerrein

PATROON = re.compile(r"ZQX[VGB]\d{4}Q")
VOORVOEGSEL = {zichtbaarheid.VERTROUWELIJK: "ZQXV", zichtbaarheid.GEMEENTE: "ZQXG"}

# Choice fields carry no free text; these carry a chosen value whose label is distinctive (searched as is).
KEUZE_MERKTEKENS = {
    "stappenplan.Traject.warm_contact_via": (WarmContactVia.BEDRIJF, str(WarmContactVia.BEDRIJF.label)),
}
# Fields that would stop the environment working with a marker in them (they are still classified).
NIET_MARKEREN = {
    "auth.User.password": "een ander wachtwoord beëindigt de sessies waarmee gecrawld wordt",
    "audit.Wijziging.velden": "afgeleid: krijgt de merktekens via de audit van de gemarkeerde velden",
    "prioritering.Prioriteit.uitsplitsing": "afgeleid van de gegevens van het terrein",
    "api.ApiSleutel.scope": "een onbekende scope weigert de sleutel",
    "api.ApiSleutel.prefix": "de sleutel wordt op het voorvoegsel gevonden",
    "voortgang.Kwartaalrapport.kwartaal": "vaste vorm jaar-kwartaal (7 tekens), gecontroleerd bij het openen",
}


@dataclass
class Merktekens:
    # marker → (register key, primary key, class)
    waarden: dict = field(default_factory=dict)
    # register key → reason, for fields of a closed class that could not carry a marker
    niet_gemarkeerd: dict = field(default_factory=dict)
    # marker → owner's user id (rows of a user, visible to that user)
    eigenaar: dict = field(default_factory=dict)
    # marker → id of the park its row belongs to (None: the row belongs to no park)
    terrein: dict = field(default_factory=dict)
    # markers in the contact data (name, e-mail) of each regisseur, by user id
    contact: dict = field(default_factory=dict)
    teller: int = 0

    def nieuw(self, voorvoegsel: str, sleutel: str, pk, klasse: str) -> str:
        self.teller += 1
        merkteken = f"{voorvoegsel}{self.teller:04d}Q"
        self.waarden[merkteken] = (sleutel, pk, klasse)
        return merkteken


def _tekstveld(veld) -> bool:
    return isinstance(veld, (models.CharField, models.TextField)) and not isinstance(veld, (models.SlugField, models.URLField))


def _waarde(veld, merkteken: str, oud):
    if isinstance(veld, models.EmailField):
        return f"{merkteken.lower()}@voorbeeld.nl"
    if isinstance(veld, models.JSONField):
        if isinstance(oud, dict):
            return {**oud, merkteken: merkteken}
        if isinstance(oud, list):
            return [*oud, merkteken]
        return merkteken
    if veld.name == "username":
        # Keep the environment's prefix: its clean-up finds its users by it.
        return f"{oud.split('-')[0]}-{merkteken}" if oud.startswith("matrix-") else merkteken
    return merkteken


def personen_invullen(personeel, klassen=(zichtbaarheid.VERTROUWELIJK, zichtbaarheid.GEMEENTE)) -> list[str]:
    """Empty references to a person in a closed field point at `personeel`, whose names then carry markers."""
    gebruiker_model = get_user_model()
    ingevuld = []
    for model in zichtbaarheid.geregistreerde_modellen():
        for veld in model._meta.concrete_fields:
            if not (veld.many_to_one and veld.related_model is gebruiker_model and veld.null):
                continue
            if zichtbaarheid.klasse(model, veld.name) not in klassen:
                continue
            if model._base_manager.filter(**{f"{veld.name}__isnull": True}).update(**{veld.name: personeel}):
                ingevuld.append(zichtbaarheid.sleutel(model, veld.name))
    return ingevuld


def markeren(klassen=(zichtbaarheid.VERTROUWELIJK, zichtbaarheid.GEMEENTE)) -> Merktekens:
    """Put a marker in every field of `klassen` of every row of every classified model."""
    uit = Merktekens()
    for model in zichtbaarheid.geregistreerde_modellen():
        label = model._meta.label
        velden = []
        for veld in model._meta.concrete_fields:
            if veld.primary_key:
                continue
            sleutel = zichtbaarheid.sleutel(model, veld.name)
            klasse = zichtbaarheid.klasse(sleutel)
            if klasse not in klassen:
                continue
            if sleutel in NIET_MARKEREN:
                uit.niet_gemarkeerd[sleutel] = NIET_MARKEREN[sleutel]
            elif sleutel in KEUZE_MERKTEKENS:
                velden.append((veld, sleutel, klasse))
            elif veld.choices and not isinstance(veld, models.JSONField):
                uit.niet_gemarkeerd[sleutel] = "keuzeveld: alleen vaste waarden"
            elif _tekstveld(veld) or isinstance(veld, models.JSONField):
                velden.append((veld, sleutel, klasse))
            elif veld.is_relation:
                uit.niet_gemarkeerd[sleutel] = "verwijzing: het gerelateerde object draagt de merktekens"
            else:
                uit.niet_gemarkeerd[sleutel] = f"{type(veld).__name__}: geen tekst"
        if not velden:
            continue
        eigen_pad = zichtbaarheid.EIGEN.get(label)
        for rij in model._base_manager.all():
            park_id = terrein_van(rij)
            wijzigingen = {}
            for veld, sleutel, klasse in velden:
                if sleutel in KEUZE_MERKTEKENS:
                    waarde, zichtbaar_label = KEUZE_MERKTEKENS[sleutel]
                    uit.waarden[zichtbaar_label] = (sleutel, rij.pk, klasse)
                    uit.terrein[zichtbaar_label] = park_id
                    wijzigingen[veld.attname] = waarde
                    continue
                merkteken = uit.nieuw(VOORVOEGSEL[klasse], sleutel, rij.pk, klasse)
                wijzigingen[veld.attname] = _waarde(veld, merkteken, getattr(rij, veld.attname))
                if eigen_pad:
                    uit.eigenaar[merkteken] = getattr(rij, eigen_pad)
                uit.terrein[merkteken] = park_id
                if label == "auth.User" and veld.name in zichtbaarheid.CONTACTPERSOON_VELDEN:
                    uit.contact.setdefault(rij.pk, []).append(merkteken)
            _opslaan(rij, wijzigingen)
    return uit


def terrein_van(rij) -> int | None:
    """The id of the park a row belongs to: the park itself, its `terrein`, its traject's park, or an audit row's."""
    if isinstance(rij, Bedrijventerrein):
        return rij.pk
    if hasattr(rij, "terrein_id"):
        return rij.terrein_id
    if hasattr(rij, "traject_id"):
        return Traject.objects.filter(pk=rij.traject_id).values_list("terrein_id", flat=True).first()
    return None


def _opslaan(rij, wijzigingen: dict) -> None:
    """Through save() where the model allows it (audited models record the change), else an update."""
    for naam, waarde in wijzigingen.items():
        setattr(rij, naam, waarde)
    try:
        rij.save(update_fields=list(wijzigingen))
    except (ValueError, AttributeError, Exception):  # noqa: BLE001 - append-only models refuse save(); update them directly
        type(rij)._base_manager.filter(pk=rij.pk).update(**wijzigingen)


def buiten_bereik_markeren(uit: Merktekens, terrein) -> str:
    """A marker in the name of a park (public, but only to those who may see the park)."""
    merkteken = uit.nieuw("ZQXB", "terreinen.Bedrijventerrein.naam", terrein.pk, zichtbaarheid.OPENBAAR)
    uit.terrein[merkteken] = terrein.pk
    type(terrein).objects.filter(pk=terrein.pk).update(naam=merkteken)
    return merkteken


def _contactmerktekens(uit: Merktekens, kijker) -> set[str]:
    """The name and e-mail of the regisseurs of the viewer's parks: public as their contact person."""
    contactpersonen = Traject.objects.filter(terrein__in=_terreinen_van(kijker), regisseur__isnull=False)
    return {m for uid in contactpersonen.values_list("regisseur_id", flat=True) for m in uit.contact.get(uid, ())}


def _mag(uit: Merktekens, kijker, merkteken: str, terreinen: dict) -> bool:
    """What the register allows this viewer for the marker's field and park (own rows always; contact persons)."""
    _sleutel, _pk, klasse = uit.waarden[merkteken]
    if getattr(kijker, "pk", None) is not None and uit.eigenaar.get(merkteken) == kijker.pk:
        return True
    park_id = uit.terrein.get(merkteken)
    if park_id is not None and park_id not in terreinen:
        return False  # a park outside the viewer's scope: nothing of it, not even its public name
    return zichtbaarheid.ziet(kijker, klasse, terreinen.get(park_id))


def verboden_merktekens(uit: Merktekens, *, kijker) -> dict:
    """The markers `kijker` must never meet according to the register, named by field and row."""
    terreinen = {t.pk: t for t in _terreinen_van(kijker).only("pk", "gemeente_id")}
    toegestaan = _contactmerktekens(uit, kijker)
    return {
        m: f"{s} #{pk}" for m, (s, pk, _k) in uit.waarden.items() if m not in toegestaan and not _mag(uit, kijker, m, terreinen)
    }


def toegestane_merktekens(uit: Merktekens, *, kijker, klasse: str) -> dict:
    """The markers of `klasse` the viewer may meet (a control that planting and rendering work)."""
    terreinen = {t.pk: t for t in _terreinen_van(kijker).only("pk", "gemeente_id")}
    return {m: f"{s} #{pk}" for m, (s, pk, k) in uit.waarden.items() if k == klasse and _mag(uit, kijker, m, terreinen)}


def _terreinen_van(kijker):
    if kijker == zichtbaarheid.PARTNER:
        return Bedrijventerrein.objects.all()
    return Bedrijventerrein.objects.zichtbaar_voor(kijker)


# -- reading bodies ---------------------------------------------------------------------------------


def soort_van(inhoud: bytes, content_type: str) -> str:
    """What kind of body this is, for the counts: pdf, xlsx, zip, csv, json, html or other."""
    if inhoud.startswith(b"%PDF-"):
        return "pdf"
    if inhoud.startswith(b"PK\x03\x04"):
        return "xlsx" if "spreadsheet" in content_type else "zip"
    for soort in ("csv", "json", "html"):
        if soort in content_type:
            return soort
    return "overig"


def body_van(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def gevonden(tekst: str, verboden: dict) -> list[str]:
    """The forbidden markers in `tekst`, named by field: "ZQXV0012Q (terreinen.Contact.naam #3)"."""
    hoofd = tekst.upper()
    treffers = {m for m in PATROON.findall(hoofd) if m in verboden}
    treffers |= {m for m in verboden if not PATROON.fullmatch(m) and m.upper() in hoofd}
    return sorted(f"{m} ({verboden[m]})" for m in treffers)


def gebruikers_zonder_merkteken() -> list[str]:
    return list(get_user_model().objects.exclude(username__regex=r"ZQX").values_list("username", flat=True))

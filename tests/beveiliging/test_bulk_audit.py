"""Every write of an audited model leaves audit rows, one per object, also the bulk ones.

The audited models come from the audit registry; for each, the services and commands that write
it in bulk are listed below and run, and each must leave one row per object it created or changed.
A model added to the registry without its writers listed here fails the first test; a bulk write
on an audited model that does not go through audit.bulk fails the last one.
"""

import ast
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from audit.models import Wijziging
from audit.registry import geauditeerde_modellen
from plankaarten.models import Plankaart
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein
from tests.factories import BedrijventerreinFactory, GemeenteFactory

pytestmark = pytest.mark.django_db
BASIS = Path(settings.BASE_DIR)


def _rijen(model, actie, pks) -> dict:
    """Audit rows of `model` with `actie`, per object id."""
    rijen = Wijziging.objects.filter(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)
    per_object: dict = {}
    for rij in rijen.filter(actie=actie, object_id__in=[str(pk) for pk in pks]):
        per_object.setdefault(int(rij.object_id), []).append(rij)
    return per_object


def _een_per_object(model, actie, pks) -> dict:
    per_object = _rijen(model, actie, pks)
    assert sorted(per_object) == sorted(pks), (
        f"{model._meta.label} {actie}: rijen voor {sorted(per_object)}, verwacht {sorted(pks)}"
    )
    assert all(len(r) == 1 for r in per_object.values())
    return {pk: r[0] for pk, r in per_object.items()}


# -- the writers, per audited model ----------------------------------------------------------------


def terreinen_importeren_nieuw_en_gewijzigd(tmp_path):
    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    pad = tmp_path / "terreinen.csv"
    kop = "ibis_rin,name,municipality_code,municipality,province,peiljaar,ha_bruto,ha_netto,ha_uitgeefbaar,wloc_type\n"
    pad.write_text(kop + "".join(f"{rin},Park {rin},GM0200,Apeldoorn,Gelderland,2024,10,8,0,B1\n" for rin in (501, 502, 503)))
    call_command("import_terreinen", str(pad), stdout=io.StringIO())
    nieuw = list(Bedrijventerrein.objects.filter(gemeente=gemeente).values_list("pk", flat=True))
    rijen = _een_per_object(Bedrijventerrein, "aangemaakt", nieuw)
    assert all(r.actor_naam == "commando import_terreinen" for r in rijen.values())
    # Every new park got its traject, created with it and audited too.
    trajecten = list(Traject.objects.filter(terrein_id__in=nieuw).values_list("pk", flat=True))
    assert len(trajecten) == 3
    _een_per_object(Traject, "aangemaakt", trajecten)

    pad.write_text(kop + "501,Park 501 Zuid,GM0200,Apeldoorn,Gelderland,2024,10,8,0,B1\n")
    call_command("import_terreinen", str(pad), stdout=io.StringIO())
    gewijzigd = Bedrijventerrein.objects.get(rin=501)
    rij = _een_per_object(Bedrijventerrein, "gewijzigd", [gewijzigd.pk])[gewijzigd.pk]
    assert {v["veld"]: (v["oud"], v["nieuw"]) for v in rij.velden} == {"naam": ("Park 501", "Park 501 Zuid")}
    assert not _rijen(Bedrijventerrein, "gewijzigd", [p for p in nieuw if p != gewijzigd.pk])


def benaderde_geometrie(tmp_path):
    from terreinen.services.geometrie import benaderde_geometrie_toekennen

    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    zonder = [BedrijventerreinFactory(gemeente=gemeente).pk for _ in range(3)]
    Wijziging.objects.all().delete()
    assert benaderde_geometrie_toekennen() == 3
    rijen = _een_per_object(Bedrijventerrein, "gewijzigd", zonder)
    assert all({v["veld"] for v in r.velden} == {"geometrie", "geometrie_bron"} for r in rijen.values())


def synthetische_regio(tmp_path):
    from terreinen.services.synthetisch import synthetische_regio_maken

    _gemeenten, aantal = synthetische_regio_maken()
    nieuw = list(Bedrijventerrein.objects.filter(rin__gte=900_001).values_list("pk", flat=True))
    assert len(nieuw) == aantal
    _een_per_object(Bedrijventerrein, "aangemaakt", nieuw)
    _een_per_object(Traject, "aangemaakt", list(Traject.objects.filter(terrein_id__in=nieuw).values_list("pk", flat=True)))


def plankaarten_importeren_en_vervangen(tmp_path):
    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    BedrijventerreinFactory(gemeente=gemeente, rin=101)
    BedrijventerreinFactory(gemeente=gemeente, rin=102)
    pad = tmp_path / "plankaarten.csv"
    kop = "rin;zichtjaar;laadvermogen_kw\n"
    pad.write_text(kop + "101;2030;100\n102;2030;200\n")
    call_command("import_plankaarten", str(pad), stdout=io.StringIO())
    eerste = list(Plankaart.objects.values_list("pk", flat=True))
    _een_per_object(Plankaart, "aangemaakt", eerste)

    pad.write_text(kop + "101;2030;150\n102;2030;200\n")
    call_command("import_plankaarten", str(pad), stdout=io.StringIO())
    vervangen = Plankaart.objects.get(terrein__rin=101, actueel=False)
    rij = _een_per_object(Plankaart, "gewijzigd", [vervangen.pk])[vervangen.pk]
    assert {v["veld"] for v in rij.velden} == {"actueel"}
    nieuw = Plankaart.objects.get(terrein__rin=101, actueel=True)
    _een_per_object(Plankaart, "aangemaakt", [nieuw.pk])


def trajecten_bij_nieuw_terrein(tmp_path):
    gemeente = GemeenteFactory(code="GM0200", naam="Apeldoorn")
    terrein = BedrijventerreinFactory(gemeente=gemeente)
    traject = Traject.objects.get(terrein=terrein)
    assert _een_per_object(Traject, "aangemaakt", [traject.pk])[traject.pk].terrein_id == terrein.pk


def gebruikers_importeren(tmp_path):
    GemeenteFactory(code="GM0200", naam="Apeldoorn")
    pad = tmp_path / "gebruikers.csv"
    pad.write_text("gebruikersnaam;rol;gemeenten\na.een;gemeente;GM0200\nb.twee;medewerker;\n")
    call_command("import_users", str(pad), stdout=io.StringIO())
    pks = list(get_user_model().objects.filter(username__in=["a.een", "b.twee"]).values_list("pk", flat=True))
    _een_per_object(get_user_model(), "aangemaakt", pks)


def geen_bulkpad(tmp_path):
    """Organisations, contact persons, park links, notes, solution directions and documents are written one by
    one, through save(): the signal handlers audit them."""


SCHRIJVERS = {
    "terreinen.Bedrijventerrein": [terreinen_importeren_nieuw_en_gewijzigd, benaderde_geometrie, synthetische_regio],
    "plankaarten.Plankaart": [plankaarten_importeren_en_vervangen],
    "stappenplan.Traject": [trajecten_bij_nieuw_terrein, terreinen_importeren_nieuw_en_gewijzigd],
    "auth.User": [gebruikers_importeren],
    "terreinen.Organisatie": [geen_bulkpad],
    "terreinen.Contactpersoon": [geen_bulkpad],
    "terreinen.Betrokkenheid": [geen_bulkpad],
    "terreinen.Notitie": [geen_bulkpad],
    "stappenplan.Oplossingsrichting": [geen_bulkpad],
    "stappenplan.Document": [geen_bulkpad],
}


def test_every_audited_model_has_its_writers_listed():
    assert sorted(g.model._meta.label for g in geauditeerde_modellen()) == sorted(SCHRIJVERS)


GEVALLEN = [
    (model, schrijver) for model, schrijvers in SCHRIJVERS.items() for schrijver in schrijvers if schrijver is not geen_bulkpad
]


@pytest.mark.parametrize("model,schrijver", GEVALLEN, ids=[f"{m}-{s.__name__}" for m, s in GEVALLEN])
def test_each_bulk_writer_leaves_one_audit_row_per_object(model, schrijver, tmp_path):
    schrijver(tmp_path)


# -- no bulk write around audit.bulk ---------------------------------------------------------------

BULK = {"update", "bulk_create", "bulk_update"}


def _wortel(knoop) -> tuple[str | None, list[str]]:
    """The name at the root of `A.objects.filter(...).update` and the attributes on the way."""
    attributen = []
    while True:
        if isinstance(knoop, ast.Attribute):
            attributen.append(knoop.attr)
            knoop = knoop.value
        elif isinstance(knoop, ast.Call):
            knoop = knoop.func
        elif isinstance(knoop, ast.Name):
            return knoop.id, attributen
        else:
            return None, attributen


def test_no_bulk_write_on_an_audited_model_bypasses_audit_bulk():
    namen = {g.model.__name__ for g in geauditeerde_modellen()} | {"get_user_model"}
    gevonden = []
    for pad in BASIS.glob("*/**/*.py"):
        relatief = pad.relative_to(BASIS).as_posix()
        if relatief.split("/")[0] in (".venv", "node_modules", "tests", "bench") or "/migrations/" in relatief:
            continue
        if relatief == "audit/bulk.py":
            continue
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Attribute) and knoop.func.attr in BULK:
                wortel, attributen = _wortel(knoop.func.value)
                if wortel in namen and {"objects", "_base_manager", "_default_manager"} & set(attributen):
                    gevonden.append(f"{relatief}:{knoop.lineno}")
    assert gevonden == []

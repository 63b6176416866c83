import datetime as dt

import pytest

from stappenplan import services
from stappenplan.models import Stap, StapOvergang, Status, Traject
from stappenplan.selectors import beschikbare_overgangen
from terreinen.models import Betrokkenheid
from tests.factories import BedrijventerreinFactory
from tests.stappenplan.conftest import (
    VANDAAG,
    naar_stap,
    stap0_invullen,
    stap1_invullen,
    stap2_invullen,
    stap3_invullen,
    stap4_invullen,
    stap5_invullen,
    zet,
)

pytestmark = pytest.mark.django_db


def meldingen(traject, actie, user, **kwargs):
    with pytest.raises(services.VoorwaardenNietVervuld) as fout:
        zet(traject, actie, user, **kwargs)
    return fout.value.meldingen


def stand(traject):
    traject.refresh_from_db()
    return traject.stap, traject.status


def test_inventarisatie_needs_a_plankaart_and_the_whole_background_checklist(regisseur, twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[0])
    services.trajecten_aanmaken()
    traject = Traject.objects.get(terrein=terrein)
    services.traject_gegevens_opslaan(
        traject=traject, user=regisseur, gegevens={"checklist_achtergrond": ["grootte", "beleid", "ruimte"]}
    )
    assert meldingen(traject, "inventarisatie_afronden", regisseur) == [
        "Plankaart mist: er is nog geen actuele plankaart voor dit terrein",
        "Achtergrondchecklist mist: type bedrijven, economisch belang, bereikbaarheid, grondeigendom, "
        "elektriciteitsbehoefte, organisatieniveau, plannen voor publiek laden, tijdsplanning",
    ]
    assert stand(traject) == (Stap.INVENTARISATIE, Status.ACTIEF)
    assert not StapOvergang.objects.exists()


def test_inventarisatie_afronden_moves_to_voorbereiding_and_logs_one_row(traject, regisseur):
    stap0_invullen(traject, regisseur)
    log = zet(traject, "inventarisatie_afronden", regisseur)
    assert stand(traject) == (Stap.VOORBEREIDING, Status.ACTIEF)
    assert (log.van_stap, log.naar_stap, log.van_status, log.naar_status) == (0, 1, "actief", "actief")
    assert log.door == regisseur and log.actie == "inventarisatie_afronden" and log.versie == 1
    assert traject.versie == 1
    assert StapOvergang.objects.count() == 1


def test_voorbereiding_lists_the_missing_stakeholders_talk_and_route(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    assert meldingen(traject, "voorbereiding_afronden", regisseur) == [
        "Stakeholderanalyse mist: gemeente, netbeheerder, parkmanagement of bedrijven",
        "Oriëntatiegesprek met de gemeente mist: datum",
        "Aanvliegroute mist",
    ]
    services.stakeholder_toevoegen(traject=traject, user=regisseur, organisatie="Gemeente Apeldoorn", soort="gemeente")
    services.stakeholder_toevoegen(traject=traject, user=regisseur, organisatie="Transport BV", soort="bedrijf")
    services.traject_gegevens_opslaan(
        traject=traject, user=regisseur, gegevens={"orientatiegesprek_op": VANDAAG, "aanvliegroute": "aansluiten"}
    )
    assert meldingen(traject, "voorbereiding_afronden", regisseur) == [
        "Stakeholderanalyse mist: netbeheerder",
        "Aanvliegroute is niet 'los initiatief' of 'koude aanpak'",
    ]


@pytest.mark.parametrize("route", ["los_initiatief", "koude_aanpak"])
def test_voorbereiding_afronden_with_an_active_route_goes_to_startsessie(traject, regisseur, route):
    naar_stap(traject, regisseur, 1)
    stap1_invullen(traject, regisseur, route=route)
    zet(traject, "voorbereiding_afronden", regisseur)
    assert stand(traject) == (Stap.STARTSESSIE, Status.ACTIEF)


def test_joining_a_running_initiative_sets_status_volgen(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    stap1_invullen(traject, regisseur, route="los_initiatief")
    assert meldingen(traject, "initiatief_volgen", regisseur) == ["Aanvliegroute is niet 'aansluiten bij lopend initiatief'"]
    services.traject_gegevens_opslaan(traject=traject, user=regisseur, gegevens={"aanvliegroute": "aansluiten"})
    zet(traject, "initiatief_volgen", regisseur)
    assert stand(traject) == (Stap.VOORBEREIDING, Status.VOLGEN)
    assert traject.termijn_op is None


def test_cold_approach_can_be_postponed_with_a_recheck_date_and_resumed(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    stap1_invullen(traject, regisseur, route="los_initiatief")
    assert meldingen(traject, "uitstellen", regisseur) == [
        "Aanvliegroute is niet 'koude aanpak'",
        "Datum voor hercontrole mist",
    ]
    services.traject_gegevens_opslaan(traject=traject, user=regisseur, gegevens={"aanvliegroute": "koude_aanpak"})
    assert meldingen(traject, "uitstellen", regisseur, herbeoordelen_op=VANDAAG) == [
        "Datum voor hercontrole moet na vandaag liggen"
    ]
    zet(traject, "uitstellen", regisseur, herbeoordelen_op=dt.date(2026, 9, 1))
    assert stand(traject) == (Stap.VOORBEREIDING, Status.UITGESTELD)
    assert traject.herbeoordelen_op == dt.date(2026, 9, 1)
    zet(traject, "hervatten", regisseur)
    assert stand(traject) == (Stap.VOORBEREIDING, Status.ACTIEF)
    assert traject.herbeoordelen_op is None


def test_startsessie_needs_date_and_problem_statement_for_every_outcome(traject, regisseur):
    naar_stap(traject, regisseur, 2)
    for actie in ("zelfstandig_verder", "geen_behoefte"):
        assert meldingen(traject, actie, regisseur) == ["Startsessie mist: datum", "Probleemstelling mist"]
    assert meldingen(traject, "verder_onderzoek", regisseur) == [
        "Startsessie mist: datum",
        "Probleemstelling mist",
        "Intentieverklaring mist",
        "Projectteam mist",
        "Kartrekker mist",
    ]


def test_verder_onderzoek_needs_a_letter_of_intent(traject, regisseur):
    naar_stap(traject, regisseur, 2)
    stap2_invullen(traject, regisseur, intentieverklaring=False)
    assert meldingen(traject, "verder_onderzoek", regisseur) == ["Intentieverklaring mist"]


@pytest.mark.parametrize(
    ("actie", "verwacht", "uitkomst"),
    [
        ("zelfstandig_verder", (Stap.STARTSESSIE, Status.ZELFSTANDIG), "zelfstandig"),
        ("verder_onderzoek", (Stap.OPLOSSINGSRICHTING, Status.ACTIEF), "verder_onderzoek"),
        ("geen_behoefte", (Stap.STARTSESSIE, Status.GESTOPT), "geen_behoefte"),
    ],
)
def test_each_startsessie_outcome_sets_its_status_and_records_the_outcome(traject, regisseur, actie, verwacht, uitkomst):
    naar_stap(traject, regisseur, 2)
    stap2_invullen(traject, regisseur)
    zet(traject, actie, regisseur)
    assert stand(traject) == verwacht
    assert traject.startsessie_uitkomst == uitkomst


def test_step_3_repeats_in_counted_rounds_until_a_direction_is_chosen(traject, regisseur):
    naar_stap(traject, regisseur, 3)
    assert meldingen(traject, "oplossingsrichting_vaststellen", regisseur) == [
        "Oplossingsrichting mist: werk er minstens één uit in ronde 1"
    ]
    assert meldingen(traject, "opnieuw_verkennen", regisseur) == ["Oplossingsrichting mist: werk er minstens één uit in ronde 1"]
    services.oplossingsrichting_toevoegen(traject=traject, user=regisseur, titel="Laden bij de buren")
    assert meldingen(traject, "oplossingsrichting_vaststellen", regisseur) == [
        "Afweging lokale context mist bij: Laden bij de buren",
        "Gekozen oplossingsrichting mist",
        "Besluitdatum mist",
    ]
    zet(traject, "opnieuw_verkennen", regisseur)
    assert stand(traject) == (Stap.OPLOSSINGSRICHTING, Status.ACTIEF)
    assert traject.ronde == 2
    # The first round's direction does not count for round 2.
    assert meldingen(traject, "oplossingsrichting_vaststellen", regisseur)[0] == (
        "Oplossingsrichting mist: werk er minstens één uit in ronde 2"
    )
    stap3_invullen(traject, regisseur)
    assert meldingen(traject, "opnieuw_verkennen", regisseur) == ["Er is al een oplossingsrichting gekozen in ronde 2"]
    zet(traject, "oplossingsrichting_vaststellen", regisseur)
    assert stand(traject) == (Stap.REALISATIEPLAN, Status.ACTIEF)


def test_realisatieplan_needs_signed_plan_financial_close_and_penvoerder(traject, regisseur):
    naar_stap(traject, regisseur, 4)
    services.traject_gegevens_opslaan(traject=traject, user=regisseur, gegevens={"checklist_financial_close": ["financiering"]})
    assert meldingen(traject, "realisatieplan_vaststellen", regisseur) == [
        "Getekend projectplan mist",
        "Financial close-checklist mist: penvoering, inkoop, planning, ondertekening door alle partijen",
        "Penvoerder mist",
    ]
    stap4_invullen(traject, regisseur)
    zet(traject, "realisatieplan_vaststellen", regisseur)
    assert stand(traject) == (Stap.UITVOERING, Status.ACTIEF)


def test_uitvoering_and_evaluatie_lead_to_afgerond(traject, regisseur):
    naar_stap(traject, regisseur, 5)
    assert meldingen(traject, "realisatie_afronden", regisseur) == [
        "Realisatie mist: datum",
        "Realisatie mist: wat er gerealiseerd is",
    ]
    stap5_invullen(traject, regisseur)
    zet(traject, "realisatie_afronden", regisseur)
    assert stand(traject) == (Stap.EVALUATIE, Status.ACTIEF)
    # A note written after an earlier step does not count as the final evaluation.
    services.evaluatie_toevoegen(traject=traject, user=regisseur, soort="tip", tekst="Eerder netbeheerder erbij", stap=2)
    assert meldingen(traject, "afronden", regisseur) == ["Evaluatie mist: tips en tops"]
    services.evaluatie_toevoegen(traject=traject, user=regisseur, soort="top", tekst="Startsessie goed bezocht")
    zet(traject, "afronden", regisseur)
    assert stand(traject) == (Stap.EVALUATIE, Status.AFGEROND)
    assert list(StapOvergang.objects.filter(traject=traject).values_list("versie", flat=True)) == [1, 2, 3, 4, 5, 6, 7]


def test_going_back_a_step_requires_a_reason(traject, regisseur):
    naar_stap(traject, regisseur, 2)
    assert meldingen(traject, "stap_terug", regisseur, reden="  ") == ["Reden mist: vul in waarom het terrein teruggaat"]
    assert StapOvergang.objects.count() == 2
    log = zet(traject, "stap_terug", regisseur, reden="Netbeheerder toch niet betrokken")
    assert stand(traject) == (Stap.VOORBEREIDING, Status.ACTIEF)
    assert log.reden == "Netbeheerder toch niet betrokken"
    assert StapOvergang.objects.count() == 3


@pytest.mark.parametrize("rol", ["medewerker", "gemeente"])
def test_only_regisseur_or_beheerder_may_move_a_park(traject, regisseur, maak_gebruiker, rol):
    stap0_invullen(traject, regisseur)
    user = maak_gebruiker(rol, *(["GM0200"] if rol == "gemeente" else []))
    with pytest.raises(services.GeenBevoegdheid):
        zet(traject, "inventarisatie_afronden", user)
    with pytest.raises(services.GeenBevoegdheid):
        services.traject_gegevens_opslaan(traject=traject, user=user, gegevens={"kartrekker": "X"})
    assert stand(traject) == (Stap.INVENTARISATIE, Status.ACTIEF)
    assert not StapOvergang.objects.exists()
    assert beschikbare_overgangen(traject=traject, user=user, vandaag=VANDAAG) == []


def test_beheerder_may_move_a_park(traject, regisseur, maak_gebruiker):
    stap0_invullen(traject, regisseur)
    zet(traject, "inventarisatie_afronden", maak_gebruiker("beheerder"))
    assert stand(traject) == (Stap.VOORBEREIDING, Status.ACTIEF)


@pytest.mark.parametrize(
    ("opzet", "actie", "kwargs"),
    [
        ("gestopt", "geen_behoefte", {}),
        ("zelfstandig", "zelfstandig_verder", {}),
        ("uitgesteld", "uitstellen", {"herbeoordelen_op": dt.date(2026, 9, 1)}),
        ("volgen", "initiatief_volgen", {}),
    ],
)
def test_a_stopped_postponed_independent_or_following_park_can_be_reopened_at_step_0(traject, regisseur, opzet, actie, kwargs):
    if actie in ("uitstellen", "initiatief_volgen"):
        naar_stap(traject, regisseur, 1)
        stap1_invullen(traject, regisseur, route="koude_aanpak" if actie == "uitstellen" else "aansluiten")
    else:
        naar_stap(traject, regisseur, 2)
        stap2_invullen(traject, regisseur)
    zet(traject, actie, regisseur, **kwargs)
    assert traject.status == opzet
    voor = StapOvergang.objects.count()
    assert meldingen(traject, "heropenen", regisseur) == ["Reden mist: vul in waarom het terrein teruggaat"]
    zet(traject, "heropenen", regisseur, reden="Nieuwe vraag vanuit het parkmanagement")
    assert stand(traject) == (Stap.INVENTARISATIE, Status.ACTIEF)
    # History is kept: earlier log rows and outputs stay.
    assert StapOvergang.objects.count() == voor + 1
    assert traject.orientatiegesprek_op == dt.date(2026, 2, 1)
    assert Betrokkenheid.objects.filter(terrein=traject.terrein).count() == 3
    assert StapOvergang.objects.filter(traject=traject).order_by("versie").last().actie == "heropenen"


def test_a_move_that_does_not_start_from_the_current_state_is_refused(traject, regisseur):
    with pytest.raises(services.OngeldigeOvergang, match="kan niet vanuit 0. Inventarisatie"):
        zet(traject, "verder_onderzoek", regisseur)
    with pytest.raises(services.OngeldigeOvergang, match="Onbekende actie"):
        zet(traject, "overslaan", regisseur)
    with pytest.raises(services.OngeldigeOvergang):
        zet(traject, "heropenen", regisseur, reden="x")
    assert not StapOvergang.objects.exists()


def test_a_stale_version_gets_the_conflict_error(traject, regisseur):
    stap0_invullen(traject, regisseur)
    verouderd = Traject.objects.get(pk=traject.pk)
    zet(traject, "inventarisatie_afronden", regisseur)
    with pytest.raises(services.GelijktijdigeWijziging, match="Iemand anders heeft dit terrein"):
        zet(verouderd, "inventarisatie_afronden", regisseur)
    with pytest.raises(services.GelijktijdigeWijziging):
        zet(traject, "stap_terug", regisseur, reden="x", versie=0)
    assert StapOvergang.objects.count() == 1


def test_step_and_status_cannot_be_assigned_outside_the_service(traject):
    with pytest.raises(AttributeError, match="stap_zetten"):
        traject.stap = Stap.UITVOERING
    with pytest.raises(AttributeError):
        traject.status = Status.AFGEROND
    traject.refresh_from_db()  # loading again stays possible
    assert traject.stap == Stap.INVENTARISATIE


def test_the_log_is_append_only(traject, regisseur):
    stap0_invullen(traject, regisseur)
    log = zet(traject, "inventarisatie_afronden", regisseur)
    log.reden = "achteraf"
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        log.save()
    with pytest.raises(ValueError, match="nooit verwijderd"):
        log.delete()


def test_available_moves_show_what_is_missing_for_this_user(traject, regisseur):
    naar_stap(traject, regisseur, 1)
    acties = {a.overgang.naam: a.ontbreekt for a in beschikbare_overgangen(traject=traject, user=regisseur, vandaag=VANDAAG)}
    assert set(acties) == {"voorbereiding_afronden", "initiatief_volgen", "uitstellen", "stap_terug"}
    assert "Stakeholderanalyse mist: gemeente, netbeheerder, parkmanagement of bedrijven" in acties["voorbereiding_afronden"]
    assert acties["stap_terug"] == []


def test_trajecten_are_created_once_per_park(twee_gemeenten):
    """Every park gets its traject when it is created; the one function creating them is idempotent."""
    parken = BedrijventerreinFactory.create_batch(3, gemeente=twee_gemeenten[0])
    assert Traject.objects.count() == 3
    assert services.trajecten_aanmaken() == 0
    Traject.objects.filter(terrein=parken[0]).delete()
    assert services.trajecten_aanmaken() == 1
    assert services.trajecten_aanmaken() == 0
    assert Traject.objects.count() == 3

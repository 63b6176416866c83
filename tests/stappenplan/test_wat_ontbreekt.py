"""What is missing before the next step links to the field that fixes it; a blocked move says why; going back needs a reason."""

import pytest
from django.urls import reverse

from stappenplan import overgangen as fsm
from stappenplan.models import Oplossingsrichting, Stap, StapOvergang, Traject
from tests.conftest import WACHTWOORD
from tests.html import elementen, per_id
from tests.stappenplan.conftest import VANDAAG, naar_stap, stap0_invullen

pytestmark = pytest.mark.django_db

ALLE_GUARDS = {guard for overgang in fsm.OVERGANGEN.values() for guard in overgang.voorwaarden}


def _feiten(traject, **waarden):
    feiten = fsm.Feiten(traject)
    leeg = {"heeft_plankaart": False, "stakeholder_soorten": set(), "documenten": set(), "richtingen": []}
    feiten.__dict__.update(leeg | {"evaluatie_stappen": set()} | waarden)
    return feiten


def _toestanden():
    """Park states in which, together, every guard reports something: nothing filled in, a wrong choice, a chosen direction."""
    niets = Traject(stap=Stap.INVENTARISATIE)
    yield niets, _feiten(niets), fsm.parameters(vandaag=VANDAAG)
    verkeerd = Traject(stap=Stap.VOORBEREIDING, aanvliegroute="aansluiten")
    ongewogen = Oplossingsrichting(titel="Laadplein", afwegingen=[], gekozen=False)
    yield verkeerd, _feiten(verkeerd, richtingen=[ongewogen]), fsm.parameters(vandaag=VANDAAG, herbeoordelen_op=VANDAAG)
    koud = Traject(stap=Stap.VOORBEREIDING, aanvliegroute="los_initiatief")
    gekozen = Oplossingsrichting(titel="Laadplein", afwegingen=["lokale_opwek"], gekozen=True)
    yield koud, _feiten(koud, richtingen=[gekozen]), fsm.parameters(vandaag=VANDAAG)


def alle_meldingen():
    uit = []
    for traject, feiten, parameters in _toestanden():
        for guard in ALLE_GUARDS:
            uit.extend((guard, melding) for melding in guard(traject, feiten, parameters))
    return uit


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)
    return client


def test_every_guard_line_names_where_it_is_fixed():
    meldingen = alle_meldingen()
    # Every guard of every move said something in one of the states, so none goes unchecked below.
    assert {guard for guard, _ in meldingen} == ALLE_GUARDS
    zonder_doel = [str(m) for _, m in meldingen if not isinstance(m, fsm.Ontbreekt) or m.doel is None]
    assert zonder_doel == []


def test_every_guard_target_exists_on_the_page_it_links_to(client, traject, regisseur):
    # At step 1 the park page shows the "uitstellen" move with its date field, a target of one guard.
    naar_stap(traject, regisseur, 1)
    login(client, regisseur)
    rin = traject.terrein.rin
    doelen = {melding.doel for _, melding in alle_meldingen()}
    assert len(doelen) >= 15
    paginas = {}
    for doel in sorted(doelen, key=lambda d: (d.pagina, d.stap or 0, d.anker)):
        url = doel.url(rin)
        pad, anker = url.split("#")
        if pad not in paginas:
            response = client.get(pad)
            assert response.status_code == 200, url
            paginas[pad] = per_id(response.content.decode())
        assert anker in paginas[pad], f"{url}: no element with id {anker!r}"


def test_the_park_page_links_each_missing_output_to_its_field(client, traject, regisseur):
    login(client, regisseur)
    rin = traject.terrein.rin
    ids = per_id(client.get(reverse("terrein-detail", args=[rin])).content.decode())
    links = ids["ontbreekt-inventarisatie_afronden"].links
    checklist = reverse("stap-gegevens", args=[rin, Stap.INVENTARISATIE]) + "#id_gegevens-checklist_achtergrond"
    naar_checklist = [href for href, tekst in links if tekst.startswith("Achtergrondchecklist mist: grootte van het terrein")]
    assert naar_checklist == [checklist]


def test_the_park_page_links_stakeholders_route_and_talk_at_step_1(client, traject, regisseur):
    naar_stap(traject, regisseur, 1)
    login(client, regisseur)
    rin = traject.terrein.rin
    ids = per_id(client.get(reverse("terrein-detail", args=[rin])).content.decode())
    stap1 = reverse("stap-gegevens", args=[rin, Stap.VOORBEREIDING])
    assert {tekst.split(":")[0]: href for href, tekst in ids["ontbreekt-voorbereiding_afronden"].links} == {
        "Stakeholderanalyse mist": f"{stap1}#id_stakeholder-organisatie",
        "Oriëntatiegesprek met de gemeente mist": f"{stap1}#id_gegevens-orientatiegesprek_op",
        "Aanvliegroute mist": f"{stap1}#id_gegevens-aanvliegroute",
    }


def test_mijn_terreinen_links_what_is_missing_too(client, traject, regisseur):
    Traject.objects.filter(pk=traject.pk).update(regisseur=regisseur)
    login(client, regisseur)
    body = client.get(reverse("mijn-terreinen")).content.decode()
    assert reverse("stap-gegevens", args=[traject.terrein.rin, 0]) + "#id_gegevens-checklist_achtergrond" in body


def _knop(html, label):
    [knop] = [e for e in elementen(html) if e.tag == "button" and e.text == label]
    return knop


def test_a_blocked_move_looks_disabled_and_says_why(client, traject, regisseur):
    login(client, regisseur)
    html = client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    knop = _knop(html, "Inventarisatie afronden, naar voorbereiding")
    assert knop.attrs["aria-disabled"] == "true"
    assert "utrecht-button--disabled" in knop.attrs["class"].split()
    uitleg = per_id(html)[knop.attrs["aria-describedby"]]
    assert uitleg.text.startswith("Kan nog niet. Eerst nodig:")
    assert "Plankaart mist" not in uitleg.text and "Achtergrondchecklist mist: grootte van het terrein" in uitleg.text


def test_a_move_that_can_be_made_is_not_disabled(client, traject, regisseur):
    stap0_invullen(traject, regisseur)
    login(client, regisseur)
    html = client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    knop = _knop(html, "Inventarisatie afronden, naar voorbereiding")
    assert "aria-disabled" not in knop.attrs and "aria-describedby" not in knop.attrs
    assert "utrecht-button--primary-action" in knop.attrs["class"].split()
    assert "ontbreekt-inventarisatie_afronden" not in per_id(html)


def test_going_back_requires_a_reason_in_the_form_before_the_question(client, traject, regisseur):
    naar_stap(traject, regisseur, 1)
    login(client, regisseur)
    html = client.get(reverse("terrein-detail", args=[traject.terrein.rin])).content.decode()
    reden = per_id(html)["reden-stap_terug"]
    assert reden.tag == "textarea" and "required" in reden.attrs
    assert reden.attrs["data-verplicht"] == "Vul een reden in: waarom gaat het terrein terug?"
    knop = _knop(html, "Een stap terug")
    assert "aria-disabled" not in knop.attrs


@pytest.mark.parametrize("reden", ["", "   "])
def test_the_server_refuses_going_back_without_a_reason_in_plain_dutch(client, traject, regisseur, reden):
    naar_stap(traject, regisseur, 1)
    login(client, regisseur)
    url = reverse("stap-overgang", args=[traject.terrein.rin, "stap_terug"])
    body = client.post(url, {"versie": traject.versie, "reden": reden}, follow=True).content.decode()
    assert "Dit kan nog niet. Reden mist: vul in waarom het terrein teruggaat" in body
    traject.refresh_from_db()
    assert traject.stap == Stap.VOORBEREIDING
    assert not StapOvergang.objects.filter(traject=traject, naar_stap=Stap.INVENTARISATIE, van_stap=Stap.VOORBEREIDING).exists()


def test_a_blocked_move_posted_anyway_is_refused_with_the_same_reasons(client, traject, regisseur):
    login(client, regisseur)
    url = reverse("stap-overgang", args=[traject.terrein.rin, "inventarisatie_afronden"])
    body = client.post(url, {"versie": traject.versie}, follow=True).content.decode()
    assert "Dit kan nog niet. Achtergrondchecklist mist: grootte van het terrein" in body
    traject.refresh_from_db()
    assert traject.stap == Stap.INVENTARISATIE

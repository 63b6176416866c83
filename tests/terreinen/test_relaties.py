"""Organisations and contact persons of a park: create, edit, delete from the park page; audited; confidential."""

import pytest
from django.urls import reverse

from audit.models import Wijziging
from stappenplan import overgangen as fsm
from terreinen.models import Betrokkenheid, Contactpersoon, Organisatie
from tests.conftest import WACHTWOORD
from tests.factories import BedrijventerreinFactory, stakeholder_maken, traject_zetten

pytestmark = pytest.mark.django_db


@pytest.fixture
def parken(twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    return (
        BedrijventerreinFactory(gemeente=apeldoorn, naam="Ecofactorij"),
        BedrijventerreinFactory(gemeente=apeldoorn, naam="Apeldoorn-Noord"),
        BedrijventerreinFactory(gemeente=zwolle, naam="Hessenpoort"),
    )


def login(client, user):
    assert client.login(username=user.username, password=WACHTWOORD)


def koppel(client, terrein, **data):
    return client.post(reverse("organisatie-koppelen", args=[terrein.rin]), data)


def detail(client, terrein) -> str:
    response = client.get(reverse("terrein-detail", args=[terrein.rin]))
    assert response.status_code == 200
    return response.content.decode()


def test_regisseur_adds_an_organisation_with_a_contact_person_and_sees_it_on_the_park(client, parken, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    response = koppel(
        client,
        parken[0],
        organisatie="Stichting Parkmanagement Ecofactorij",
        soort="parkmanagement",
        rol_op_terrein="trekker",
        warm_contact="on",
        naam="Petra Park",
        rol="voorzitter",
        email="petra@park.example",
        telefoon="06-11112222",
    )
    assert response.status_code == 302
    link = Betrokkenheid.objects.get(terrein=parken[0])
    assert (link.organisatie.naam, link.organisatie.soort, link.rol, link.warm_contact) == (
        "Stichting Parkmanagement Ecofactorij",
        "parkmanagement",
        "trekker",
        True,
    )
    assert link.contactpersoon.email == "petra@park.example"
    body = detail(client, parken[0])
    assert "Petra Park" in body and "petra@park.example" in body and "06-11112222" in body
    # The park's parkmanagement organisation is shown with the park's characteristics.
    kenmerken = body.split('id="kenmerken-kop"')[1].split("</section>")[0]
    assert "Stichting Parkmanagement Ecofactorij" in kenmerken


def test_one_organisation_is_linked_to_many_parks(client, parken, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    koppel(client, parken[0], organisatie="Liander", soort="netbeheerder")
    koppel(client, parken[1], organisatie="  liander ", soort="netbeheerder")
    liander = Organisatie.objects.get()
    koppel(client, parken[2], bestaande=liander.pk)
    assert Organisatie.objects.count() == 1
    assert set(liander.betrokkenheden.values_list("terrein__naam", flat=True)) == {
        "Ecofactorij",
        "Apeldoorn-Noord",
        "Hessenpoort",
    }


def test_a_new_organisation_needs_a_name_and_kind(client, parken, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    response = koppel(client, parken[0], organisatie="", soort="")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er is niets opgeslagen." in body and "Kies een bestaande organisatie of vul de naam van een nieuwe in." in body
    assert not Organisatie.objects.exists()


def test_editing_the_link_with_a_stale_version_is_refused_and_overwrites_nothing(client, parken, maak_gebruiker):
    link = stakeholder_maken(terrein=parken[0], organisatie="Liander", soort="netbeheerder", naam="Nina Net")
    url = reverse("betrokkenheid-wijzigen", args=[parken[0].rin, link.pk])
    login(client, maak_gebruiker("regisseur"))
    eerste = {"formulier": "koppeling", "koppeling-versie": 0, "koppeling-rol": "netbeheerder van het terrein"}
    assert client.post(url, eerste).status_code == 302
    tweede = {"formulier": "koppeling", "koppeling-versie": 0, "koppeling-rol": "iets anders", "koppeling-warm_contact": "on"}
    response = client.post(url, tweede)
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    link.refresh_from_db()
    assert (link.rol, link.warm_contact, link.versie) == ("netbeheerder van het terrein", False, 1)


def test_organisation_and_person_are_edited_and_the_link_and_person_deleted_all_audited(client, parken, maak_gebruiker):
    link = stakeholder_maken(terrein=parken[0], organisatie="Transport BV", soort="bedrijf", naam="Tom", email="tom@t.example")
    persoon = link.contactpersoon
    login(client, maak_gebruiker("beheerder"))
    url = reverse("betrokkenheid-wijzigen", args=[parken[0].rin, link.pk])
    assert (
        client.post(
            url,
            {
                "formulier": "organisatie",
                "organisatie-versie": 0,
                "organisatie-naam": "Transport Oost BV",
                "organisatie-soort": "bedrijf",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(url, {"formulier": "persoon", "persoon-naam": "Tineke", "persoon-email": "tineke@t.example"}).status_code
        == 302
    )
    persoon_url = reverse("contactpersoon-wijzigen", args=[parken[0].rin, persoon.pk])
    antwoord = client.post(persoon_url, {"versie": 0, "naam": "Tom", "rol": "wagenparkbeheerder", "email": "tom@oost.example"})
    assert antwoord.status_code == 302
    assert Contactpersoon.objects.get(pk=persoon.pk).email == "tom@oost.example"
    verwijder = reverse("contactpersoon-verwijderen", args=[parken[0].rin, persoon.pk])
    assert client.post(verwijder, {"versie": 1}).status_code == 302
    assert not Contactpersoon.objects.filter(pk=persoon.pk).exists()
    link.refresh_from_db()
    assert (
        client.post(reverse("betrokkenheid-verwijderen", args=[parken[0].rin, link.pk]), {"versie": link.versie}).status_code
        == 302
    )
    assert not Betrokkenheid.objects.exists()
    # The organisation stays for other parks; everything is in the history.
    assert Organisatie.objects.get().naam == "Transport Oost BV"
    acties = set(Wijziging.objects.values_list("content_type__model", "actie"))
    assert {
        ("organisatie", "gewijzigd"),
        ("contactpersoon", "aangemaakt"),
        ("contactpersoon", "gewijzigd"),
        ("contactpersoon", "verwijderd"),
        ("betrokkenheid", "verwijderd"),
    } <= acties
    assert Wijziging.objects.filter(content_type__model="betrokkenheid", actie="verwijderd", terrein_id=parken[0].pk).exists()
    # The lock's version number is no change of these records.
    relaties = Wijziging.objects.filter(content_type__model__in=["organisatie", "contactpersoon", "betrokkenheid"])
    assert relaties.exists() and not any(v["veld"] == "versie" for w in relaties for v in w.velden)


def test_deleting_twice_is_a_conflict_not_an_error(client, parken, maak_gebruiker):
    link = stakeholder_maken(terrein=parken[0], organisatie="Liander", soort="netbeheerder")
    login(client, maak_gebruiker("regisseur"))
    url = reverse("betrokkenheid-verwijderen", args=[parken[0].rin, link.pk])
    assert client.post(url, {"versie": 0}).status_code == 302
    assert client.post(url, {"versie": 0}).status_code == 404


def test_gemeente_user_sees_no_contacts_and_cannot_edit(client, parken, maak_gebruiker):
    link = stakeholder_maken(
        terrein=parken[0], organisatie="Liander", soort="netbeheerder", naam="Geheime Gert", email="gert@geheim.example"
    )
    login(client, maak_gebruiker("gemeente", "GM0200"))
    body = detail(client, parken[0])
    assert "Geheime Gert" not in body and "gert@geheim.example" not in body and 'id="organisaties"' not in body
    assert client.get(reverse("organisatie-koppelen", args=[parken[0].rin])).status_code == 403
    assert client.post(reverse("betrokkenheid-verwijderen", args=[parken[0].rin, link.pk]), {"versie": 0}).status_code == 403
    # A park elsewhere does not exist for this user.
    assert client.get(reverse("organisatie-koppelen", args=[parken[2].rin])).status_code == 404
    assert Betrokkenheid.objects.filter(pk=link.pk).exists()


def test_medewerker_reads_contacts_but_cannot_change_them(client, parken, maak_gebruiker):
    link = stakeholder_maken(terrein=parken[0], organisatie="Liander", soort="netbeheerder", naam="Nina Net")
    login(client, maak_gebruiker("medewerker"))
    body = detail(client, parken[0])
    assert "Nina Net" in body and reverse("organisatie-koppelen", args=[parken[0].rin]) not in body
    assert koppel(client, parken[0], organisatie="Enexis", soort="netbeheerder").status_code == 403
    url = reverse("contactpersoon-wijzigen", args=[parken[0].rin, link.contactpersoon_id])
    assert client.post(url, {"versie": 0, "naam": "X"}).status_code == 403


def test_a_person_is_only_reachable_through_a_park_its_organisation_is_linked_to(client, parken, maak_gebruiker):
    link = stakeholder_maken(terrein=parken[0], organisatie="Liander", soort="netbeheerder", naam="Nina Net")
    login(client, maak_gebruiker("regisseur"))
    assert client.get(reverse("contactpersoon-wijzigen", args=[parken[0].rin, link.contactpersoon_id])).status_code == 200
    assert client.get(reverse("contactpersoon-wijzigen", args=[parken[1].rin, link.contactpersoon_id])).status_code == 404
    assert client.get(reverse("betrokkenheid-wijzigen", args=[parken[1].rin, link.pk])).status_code == 404


def test_step_one_stakeholder_analysis_reads_the_organisations_of_the_park(client, parken, maak_gebruiker):
    traject = traject_zetten(terrein=parken[0])
    feiten = lambda: fsm.Feiten(traject)  # noqa: E731 - facts are cached per instance
    assert fsm.stakeholderanalyse_compleet(traject, feiten(), {}) != []
    login(client, maak_gebruiker("regisseur"))
    koppel(client, parken[0], organisatie="Gemeente Apeldoorn", soort="gemeente")
    koppel(client, parken[0], organisatie="Liander", soort="netbeheerder")
    assert fsm.stakeholderanalyse_compleet(traject, feiten(), {}) == ["Stakeholderanalyse mist: parkmanagement of bedrijven"]
    koppel(client, parken[0], organisatie="Transport BV", soort="bedrijf", naam="Tom")
    assert fsm.stakeholderanalyse_compleet(traject, feiten(), {}) == []
    # The step-1 page lists the same records, with links to edit them.
    stap1 = client.get(reverse("stap-gegevens", args=[parken[0].rin, 1])).content.decode()
    assert "Transport BV" in stap1 and "Tom" in stap1
    assert (
        reverse("betrokkenheid-wijzigen", args=[parken[0].rin, Betrokkenheid.objects.get(organisatie__naam="Liander").pk])
        in stap1
    )


def test_step_one_form_and_park_page_write_the_same_records(client, parken, maak_gebruiker):
    login(client, maak_gebruiker("regisseur"))
    traject_zetten(terrein=parken[0])
    client.post(
        reverse("stap-gegevens", args=[parken[0].rin, 1]),
        {
            "formulier": "stakeholder",
            "stakeholder-organisatie": "Liander",
            "stakeholder-soort": "netbeheerder",
            "stakeholder-naam": "Nina",
        },
    )
    koppel(client, parken[1], organisatie="LIANDER", soort="netbeheerder")
    assert Organisatie.objects.count() == 1
    assert Betrokkenheid.objects.count() == 2

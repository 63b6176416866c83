"""The data migration moves every old Contact row into organisations, park links and contact persons."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("terreinen", "0004_organisaties_logboek")]


@pytest.mark.django_db(transaction=True)
def test_existing_contacts_become_organisations_links_and_people_without_loss():
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    apps = executor.loader.project_state(VOOR).apps
    Gemeente = apps.get_model("terreinen", "Gemeente")
    Provincie = apps.get_model("terreinen", "Provincie")
    Terrein = apps.get_model("terreinen", "Bedrijventerrein")
    Contact = apps.get_model("terreinen", "Contact")
    gemeente = Gemeente.objects.create(code="GM9001", naam="Proefstad", provincie=Provincie.objects.get(code="PV25"))
    a = Terrein.objects.create(rin=900001, naam="A", gemeente=gemeente)
    b = Terrein.objects.create(rin=900002, naam="B", gemeente=gemeente)
    Contact.objects.create(
        terrein=a, organisatie="Liander", soort="netbeheerder", naam="Nina", rol="accountmanager", email="n@l.example"
    )
    Contact.objects.create(
        terrein=b, organisatie="liander ", soort="netbeheerder", naam="Nina", rol="accountmanager", email="n@l.example"
    )
    Contact.objects.create(terrein=a, organisatie="Transport BV", soort="bedrijf", naam="Tom", telefoon="06-1", warm_contact=True)
    Contact.objects.create(terrein=a, organisatie="Transport BV", soort="bedrijf", naam="Tineke")
    Contact.objects.create(terrein=b, organisatie="Gemeente Proefstad", soort="gemeente", rol="wethouder economie")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from terreinen.models import Betrokkenheid, Contactpersoon, Organisatie

    assert sorted(Organisatie.objects.values_list("naam", "soort")) == [
        ("Gemeente Proefstad", "gemeente"),
        ("Liander", "netbeheerder"),
        ("Transport BV", "bedrijf"),
    ]
    nina = Contactpersoon.objects.get(naam="Nina")
    assert (nina.rol, nina.email, nina.organisatie.naam) == ("accountmanager", "n@l.example", "Liander")
    links = {(b.terrein.naam, b.organisatie.naam): b for b in Betrokkenheid.objects.select_related("terrein", "organisatie")}
    assert set(links) == {("A", "Liander"), ("B", "Liander"), ("A", "Transport BV"), ("B", "Gemeente Proefstad")}
    transport = links[("A", "Transport BV")]
    assert transport.warm_contact and transport.contactpersoon.naam == "Tom" and transport.contactpersoon.telefoon == "06-1"
    assert set(transport.organisatie.contactpersonen.values_list("naam", flat=True)) == {"Tom", "Tineke"}
    assert links[("B", "Gemeente Proefstad")].rol == "wethouder economie"
    assert not links[("A", "Liander")].warm_contact and links[("B", "Liander")].contactpersoon == nina

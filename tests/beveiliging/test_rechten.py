"""The one permission layer (nal_oost.rechten): predicates, the 404/403 rule, the admin and the templates."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from nal_oost import rechten, rollen
from tests.factories import BedrijventerreinFactory

pytestmark = pytest.mark.django_db
BASIS = Path(settings.BASE_DIR)


@pytest.fixture
def rolgebruikers(maak_gebruiker, twee_gemeenten):
    return {rol: maak_gebruiker(rol, *(["GM0200"] if rol == rollen.GEMEENTE else [])) for rol in rollen.ROLLEN}


def test_the_rule_is_404_outside_the_scope_and_403_inside_it():
    with pytest.raises(Http404):
        rechten.toestaan(True, zichtbaar=False)
    with pytest.raises(Http404):
        rechten.toestaan(False, zichtbaar=False)
    with pytest.raises(PermissionDenied):
        rechten.toestaan(False)
    assert rechten.toestaan(True) is None


def test_park_predicates_follow_the_users_scope_and_role(rolgebruikers, twee_gemeenten):
    apeldoorn, zwolle = twee_gemeenten
    eigen, elders = BedrijventerreinFactory(gemeente=apeldoorn), BedrijventerreinFactory(gemeente=zwolle)
    gemeente, medewerker, regisseur = rolgebruikers["gemeente"], rolgebruikers["medewerker"], rolgebruikers["regisseur"]
    assert rechten.mag_terrein_zien(gemeente, eigen) and not rechten.mag_terrein_zien(gemeente, elders)
    assert not rechten.mag_terrein_bewerken(gemeente, eigen)
    assert rechten.mag_terrein_zien(medewerker, elders) and not rechten.mag_terrein_bewerken(medewerker, elders)
    assert rechten.mag_terrein_bewerken(regisseur, elders)
    assert [rol for rol, user in rolgebruikers.items() if rechten.mag_beheren(user)] == [rollen.BEHEERDER]


def test_role_groups_carry_no_model_permissions_after_migrate():
    """Permissions assigned to roles were never checked; the groups stay, their permissions are gone."""
    groep = Group.objects.get(name=rollen.REGISSEUR)
    groep.permissions.add(Permission.objects.get(codename="change_bedrijventerrein"))
    rollen.rollen_inrichten()
    assert set(Group.objects.values_list("name", flat=True)) >= set(rollen.ROLLEN)
    assert not Permission.objects.filter(group__name__in=rollen.ROLLEN).exists()


def test_model_permissions_answer_from_the_predicate_not_from_groups(rolgebruikers):
    """A permission slipped into a group gives nothing: `has_perm` asks `mag_beheren`."""
    regisseur, beheerder = rolgebruikers["regisseur"], rolgebruikers["beheerder"]
    Group.objects.get(name=rollen.REGISSEUR).permissions.add(Permission.objects.get(codename="change_bedrijventerrein"))
    regisseur = type(regisseur).objects.get(pk=regisseur.pk)
    assert not regisseur.has_perm("terreinen.change_bedrijventerrein")
    assert not beheerder.is_superuser and beheerder.has_perm("terreinen.change_bedrijventerrein")


def test_the_admin_is_the_beheerders_and_no_one_elses(client, rolgebruikers):
    url = reverse("admin:terreinen_bedrijventerrein_changelist")
    for rol, user in rolgebruikers.items():
        client.force_login(user)
        response = client.get(url)
        if rol == rollen.BEHEERDER:
            assert response.status_code == 200, rol
        else:
            # Outside their scope: 404, not the login page that would send them straight back (a loop).
            assert response.status_code == 404, rol


def test_a_regisseur_made_staff_by_hand_still_does_not_reach_the_admin(client, rolgebruikers):
    regisseur = rolgebruikers["regisseur"]
    regisseur.is_staff = True
    regisseur.save()
    client.force_login(regisseur)
    assert client.get(reverse("admin:index")).status_code == 404


@pytest.mark.parametrize(
    "naam,kwargs,verwacht_gemeente",
    [
        # Screens that do not exist for other roles: 404.
        ("gebruiker-lijst", {}, 404),
        ("api:sleutels", {}, 404),
        # Catalogues everyone reads: changing them is a 403.
        ("toolbox:instrument-nieuw", {}, 403),
        ("prioritering:kader-nieuw", {}, 403),
    ],
)
def test_beheerder_only_screens_answer_by_the_one_rule(client, rolgebruikers, naam, kwargs, verwacht_gemeente):
    url = reverse(naam, kwargs=kwargs)
    client.force_login(rolgebruikers["gemeente"])
    assert client.get(url).status_code == verwacht_gemeente
    client.force_login(rolgebruikers["regisseur"])
    assert client.get(url).status_code == verwacht_gemeente
    client.force_login(rolgebruikers["beheerder"])
    assert client.get(url).status_code == 200


def test_templates_ask_the_predicates_by_name(rolgebruikers, twee_gemeenten):
    terrein = BedrijventerreinFactory(gemeente=twee_gemeenten[1])
    sjabloon = Template(
        '{% load rechten %}{% if request.user|mag:"beheren" %}B{% endif %}'
        '{% mag "terrein_bewerken" terrein as kan %}{% if kan %}W{% endif %}'
        '{% mag "terrein_zien" terrein as ziet %}{% if ziet %}Z{% endif %}'
    )
    uitkomst = {}
    for rol, user in rolgebruikers.items():
        request = RequestFactory().get("/")
        request.user = user
        uitkomst[rol] = sjabloon.render(Context({"request": request, "terrein": terrein}))
    assert uitkomst == {"beheerder": "BWZ", "regisseur": "WZ", "medewerker": "Z", "gemeente": ""}


def test_an_unknown_predicate_in_a_template_is_an_error():
    from django.template import TemplateSyntaxError

    request = RequestFactory().get("/")
    with pytest.raises(TemplateSyntaxError):
        Template('{% load rechten %}{{ request.user|mag:"alles" }}').render(Context({"request": request}))


def test_no_module_decides_a_right_by_comparing_roles_itself():
    """Who may do what is asked of nal_oost.rechten; a role comparison elsewhere is a second copy of a rule.

    Allowed: the module itself, the role module, the scope of parks (`zichtbaar_voor`, which the
    predicates use) and the check that a user *assigned* as regisseur holds that role.
    """
    toegestaan = {"nal_oost/rechten.py", "nal_oost/rollen.py", "terreinen/models.py", "stappenplan/services.py"}
    patroon = re.compile(r"rol_van\([^)]*\)\s*(==|!=|in\b|not in\b)|\bis_superuser\b.*\bor\b|ROL_RECHTEN")
    gevonden = []
    for pad in BASIS.glob("*/**/*.py"):
        relatief = pad.relative_to(BASIS).as_posix()
        if relatief.split("/")[0] in (".venv", "node_modules", "tests", "bench") or "/migrations/" in relatief:
            continue
        if relatief in toegestaan:
            continue
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
            if patroon.search(regel):
                gevonden.append(f"{relatief}:{nummer}: {regel.strip()}")
    assert gevonden == []


NIET_VOOR_RECHTEN = ("nal_oost/rechten.py", "gebruikers/views.py", "terreinen/services/gebruikers.py")


def test_the_only_the_beheerder_rule_is_written_once():
    """The five places that wrote "only the beheerder may…" now ask `mag_beheren`."""
    gevonden = []
    for pad in BASIS.glob("*/**/*.py"):
        relatief = pad.relative_to(BASIS).as_posix()
        if relatief.split("/")[0] in (".venv", "node_modules", "tests", "bench"):
            continue
        tekst = pad.read_text(encoding="utf-8")
        if re.search(r"rollen\.BEHEERDER\b", tekst) and relatief not in NIET_VOOR_RECHTEN:
            gevonden.append(relatief)
    # gebruikers/views.py compares the role chosen in a form (a beheerder may not drop their own role) and
    # terreinen/services/gebruikers.py sets the staff flag the admin login form asks for: neither decides a right.
    assert gevonden == []

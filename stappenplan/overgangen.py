"""The stappenplan as a state machine: every named transition with its source states, guards and roles.

Guards return the list of what is missing, in plain Dutch, so the UI can show why a park cannot
move on yet; each line knows where it is fixed (`Ontbreekt.doel`), so the park page links it to that
form field. `services.stap_zetten` is the only code that performs a transition.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nal_oost import rechten
from stappenplan.models import (
    CHECKLIST_ACHTERGROND,
    CHECKLIST_FINANCIAL_CLOSE,
    Aanvliegroute,
    Document,
    Stap,
    StartsessieUitkomst,
    Status,
    Traject,
)
from terreinen.models import Betrokkenheid, Organisatie


class Feiten:
    """What the guards need to know about one park, each fact read once and only when asked."""

    def __init__(self, traject: Traject):
        self.traject = traject

    @cached_property
    def heeft_plankaart(self) -> bool:
        # Through the reverse relation, so stappenplan does not need plankaarten's internals.
        return self.traject.terrein.plankaarten.filter(actueel=True).exists()

    @cached_property
    def stakeholder_soorten(self) -> set[str]:
        return set(Betrokkenheid.objects.filter(terrein_id=self.traject.terrein_id).values_list("organisatie__soort", flat=True))

    @cached_property
    def documenten(self) -> set[tuple[int, str]]:
        return set(self.traject.documenten.actueel().values_list("stap", "soort"))

    @cached_property
    def richtingen(self) -> list:
        return list(self.traject.oplossingsrichtingen.filter(ronde=self.traject.ronde))

    @cached_property
    def evaluatie_stappen(self) -> set[int]:
        return set(self.traject.evaluaties.values_list("stap", flat=True))


@dataclass(frozen=True)
class Doel:
    """Where a missing output is filled in: a page of the park and the id of the field (or part) on it.

    `pagina` is a URL name taking the park's RIN, and the step when `stap` is set (the step pages).
    """

    pagina: str
    anker: str
    stap: int | None = None

    def url(self, rin: int) -> str:
        args = (rin,) if self.stap is None else (rin, self.stap)
        return f"{reverse(self.pagina, args=args)}#{self.anker}"


def _stapveld(stap: int, veld: str) -> Doel:
    """A field of the step's outputs form (stappenplan.forms.StapGegevensForm, prefix "gegevens")."""
    return Doel("stap-gegevens", f"id_gegevens-{veld}", stap)


def _stapformulier(stap: int, formulier: str, veld: str) -> Doel:
    """A field of another form on the step page (stakeholder, document, richting, evaluatie)."""
    return Doel("stap-gegevens", f"id_{formulier}-{veld}", stap)


class Ontbreekt(str):
    """One missing output in plain Dutch, with where it is fixed; a str, so messages join and compare as text."""

    doel: Doel | None

    def __new__(cls, tekst: str, doel: Doel | None = None):
        regel = super().__new__(cls, tekst)
        regel.doel = doel
        return regel

    def url(self, rin: int) -> str | None:
        return self.doel.url(rin) if self.doel else None


def _ontbrekende_labels(gekozen, lijst) -> list[str]:
    gekozen = set(gekozen or ())
    return [str(label) for sleutel, label in lijst if sleutel not in gekozen]


# Guards: (traject, feiten, parameters) -> list of missing outputs.


def plankaart_beschikbaar(t, f, p):
    if f.heeft_plankaart:
        return []
    # Plankaarten are imported, not typed in: the link shows the park's plankaart section.
    return [
        Ontbreekt(_("Plankaart mist: er is nog geen actuele plankaart voor dit terrein"), Doel("terrein-detail", "plankaart"))
    ]


def achtergrond_compleet(t, f, p):
    ontbreekt = _ontbrekende_labels(t.checklist_achtergrond, CHECKLIST_ACHTERGROND)
    if not ontbreekt:
        return []
    doel = _stapveld(Stap.INVENTARISATIE, "checklist_achtergrond")
    return [Ontbreekt(_("Achtergrondchecklist mist: %(items)s") % {"items": ", ".join(ontbreekt)}, doel)]


def stakeholderanalyse_compleet(t, f, p):
    soorten = f.stakeholder_soorten
    ontbreekt = []
    if Organisatie.Soort.GEMEENTE not in soorten:
        ontbreekt.append(_("gemeente"))
    if Organisatie.Soort.NETBEHEERDER not in soorten:
        ontbreekt.append(_("netbeheerder"))
    if not soorten & {Organisatie.Soort.PARKMANAGEMENT, Organisatie.Soort.BEDRIJF}:
        ontbreekt.append(_("parkmanagement of bedrijven"))
    if not ontbreekt:
        return []
    doel = _stapformulier(Stap.VOORBEREIDING, "stakeholder", "organisatie")
    return [Ontbreekt(_("Stakeholderanalyse mist: %(items)s") % {"items": ", ".join(ontbreekt)}, doel)]


def orientatiegesprek_gehouden(t, f, p):
    if t.orientatiegesprek_op:
        return []
    return [Ontbreekt(_("Oriëntatiegesprek met de gemeente mist: datum"), _stapveld(Stap.VOORBEREIDING, "orientatiegesprek_op"))]


def _aanvliegroute_is(*routes):
    def guard(t, f, p):
        doel = _stapveld(Stap.VOORBEREIDING, "aanvliegroute")
        if not t.aanvliegroute:
            return [Ontbreekt(_("Aanvliegroute mist"), doel)]
        if t.aanvliegroute not in routes:
            namen = " of ".join(f"'{Aanvliegroute(r).label.lower()}'" for r in routes)
            return [Ontbreekt(_("Aanvliegroute is niet %(routes)s") % {"routes": namen}, doel)]
        return []

    return guard


def hercontrole_in_de_toekomst(t, f, p):
    datum = p.get("herbeoordelen_op")
    doel = Doel("terrein-detail", "hercontrole-uitstellen")  # the date field beside the button (stappenplan/sectie.html)
    if not datum:
        return [Ontbreekt(_("Datum voor hercontrole mist"), doel)]
    if datum <= p["vandaag"]:
        return [Ontbreekt(_("Datum voor hercontrole moet na vandaag liggen"), doel)]
    return []


def startsessie_gehouden(t, f, p):
    ontbreekt = []
    if not t.startsessie_op:
        ontbreekt.append(Ontbreekt(_("Startsessie mist: datum"), _stapveld(Stap.STARTSESSIE, "startsessie_op")))
    if not t.probleemstelling.strip():
        ontbreekt.append(Ontbreekt(_("Probleemstelling mist"), _stapveld(Stap.STARTSESSIE, "probleemstelling")))
    return ontbreekt


def intentie_en_projectteam(t, f, p):
    ontbreekt = []
    if (Stap.STARTSESSIE, Document.Soort.INTENTIEVERKLARING) not in f.documenten:
        ontbreekt.append(Ontbreekt(_("Intentieverklaring mist"), _stapformulier(Stap.STARTSESSIE, "document", "soort")))
    if not t.projectteam.strip():
        ontbreekt.append(Ontbreekt(_("Projectteam mist"), _stapveld(Stap.STARTSESSIE, "projectteam")))
    if not t.kartrekker.strip():
        ontbreekt.append(Ontbreekt(_("Kartrekker mist"), _stapveld(Stap.STARTSESSIE, "kartrekker")))
    return ontbreekt


# The list of directions on the step page, where each is edited (weighed) and chosen.
_RICHTINGEN = Doel("stap-gegevens", "richtingen", Stap.OPLOSSINGSRICHTING)


def _geen_richting(t) -> Ontbreekt:
    return Ontbreekt(
        _("Oplossingsrichting mist: werk er minstens één uit in ronde %(ronde)s") % {"ronde": t.ronde},
        _stapformulier(Stap.OPLOSSINGSRICHTING, "richting", "titel"),
    )


def richting_gekozen(t, f, p):
    if not f.richtingen:
        return [_geen_richting(t)]
    ontbreekt = []
    ongewogen = [r.titel for r in f.richtingen if not r.afwegingen]
    if ongewogen:
        ontbreekt.append(
            Ontbreekt(_("Afweging lokale context mist bij: %(titels)s") % {"titels": ", ".join(ongewogen)}, _RICHTINGEN)
        )
    if not any(r.gekozen for r in f.richtingen):
        ontbreekt.append(Ontbreekt(_("Gekozen oplossingsrichting mist"), _RICHTINGEN))
    if not t.besluit_op:
        ontbreekt.append(Ontbreekt(_("Besluitdatum mist"), _stapveld(Stap.OPLOSSINGSRICHTING, "besluit_op")))
    return ontbreekt


def ronde_zonder_keuze(t, f, p):
    if not f.richtingen:
        return [_geen_richting(t)]
    if any(r.gekozen for r in f.richtingen):
        return [Ontbreekt(_("Er is al een oplossingsrichting gekozen in ronde %(ronde)s") % {"ronde": t.ronde}, _RICHTINGEN)]
    return []


def realisatieplan_compleet(t, f, p):
    ontbreekt = []
    if (Stap.REALISATIEPLAN, Document.Soort.PROJECTPLAN) not in f.documenten:
        ontbreekt.append(Ontbreekt(_("Getekend projectplan mist"), _stapformulier(Stap.REALISATIEPLAN, "document", "soort")))
    open_ = _ontbrekende_labels(t.checklist_financial_close, CHECKLIST_FINANCIAL_CLOSE)
    if open_:
        ontbreekt.append(
            Ontbreekt(
                _("Financial close-checklist mist: %(items)s") % {"items": ", ".join(open_)},
                _stapveld(Stap.REALISATIEPLAN, "checklist_financial_close"),
            )
        )
    if not t.penvoerder.strip():
        ontbreekt.append(Ontbreekt(_("Penvoerder mist"), _stapveld(Stap.REALISATIEPLAN, "penvoerder")))
    return ontbreekt


def realisatie_vastgelegd(t, f, p):
    ontbreekt = []
    if not t.gerealiseerd_op:
        ontbreekt.append(Ontbreekt(_("Realisatie mist: datum"), _stapveld(Stap.UITVOERING, "gerealiseerd_op")))
    if not t.realisatie.strip():
        ontbreekt.append(Ontbreekt(_("Realisatie mist: wat er gerealiseerd is"), _stapveld(Stap.UITVOERING, "realisatie")))
    return ontbreekt


def evaluatie_geschreven(t, f, p):
    if Stap.EVALUATIE in f.evaluatie_stappen:
        return []
    return [Ontbreekt(_("Evaluatie mist: tips en tops"), _stapformulier(Stap.EVALUATIE, "evaluatie", "tekst"))]


def reden_gegeven(t, f, p):
    if (p.get("reden") or "").strip():
        return []
    # Typed beside the button of the move itself; the page's stappenplan section holds them all.
    return [Ontbreekt(_("Reden mist: vul in waarom het terrein teruggaat"), Doel("terrein-detail", "stappenplan"))]


ALLE_STAPPEN = tuple(Stap.values)


@dataclass(frozen=True)
class Overgang:
    naam: str
    label: str
    van_stappen: tuple[int, ...]
    van_statussen: tuple[str, ...]
    naar_status: str
    # Step after the move: a number, or a function of the current step (going back).
    naar_stap: int | Callable[[int], int] | None = None
    voorwaarden: tuple[Callable, ...] = ()
    # Extra fields the move sets (e.g. the startsessie outcome).
    zet: Callable[[Traject], dict] = field(default=lambda t: {})
    vraagt_reden: bool = False
    vraagt_hercontrole: bool = False
    terug: bool = False

    def kan_vanuit(self, traject: Traject) -> bool:
        return traject.stap in self.van_stappen and traject.status in self.van_statussen

    def mag(self, user, traject: Traject) -> bool:
        return rechten.mag_overgang_doen(user, traject)

    def doelstap(self, traject: Traject) -> int:
        if self.naar_stap is None:
            return traject.stap
        return self.naar_stap(traject.stap) if callable(self.naar_stap) else self.naar_stap

    def ontbreekt(self, traject: Traject, feiten: Feiten, parameters: dict) -> list[Ontbreekt]:
        return [melding for guard in self.voorwaarden for melding in guard(traject, feiten, parameters)]


def _uitkomst(waarde):
    return lambda t: {"startsessie_uitkomst": waarde}


_OVERGANGEN = (
    Overgang(
        "inventarisatie_afronden",
        gettext_lazy("Inventarisatie afronden, naar voorbereiding"),
        (Stap.INVENTARISATIE,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.VOORBEREIDING,
        (plankaart_beschikbaar, achtergrond_compleet),
    ),
    Overgang(
        "voorbereiding_afronden",
        gettext_lazy("Voorbereiding afronden, naar startsessie"),
        (Stap.VOORBEREIDING,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.STARTSESSIE,
        (stakeholderanalyse_compleet, orientatiegesprek_gehouden, _aanvliegroute_is("los_initiatief", "koude_aanpak")),
    ),
    Overgang(
        "initiatief_volgen",
        gettext_lazy("Aansluiten bij het lopende initiatief en volgen"),
        (Stap.VOORBEREIDING,),
        (Status.ACTIEF,),
        Status.VOLGEN,
        None,
        (stakeholderanalyse_compleet, orientatiegesprek_gehouden, _aanvliegroute_is("aansluiten")),
    ),
    Overgang(
        "uitstellen",
        gettext_lazy("Koude aanpak uitstellen tot een hercontrole"),
        (Stap.VOORBEREIDING,),
        (Status.ACTIEF,),
        Status.UITGESTELD,
        None,
        (_aanvliegroute_is("koude_aanpak"), hercontrole_in_de_toekomst),
        vraagt_hercontrole=True,
    ),
    Overgang(
        "hervatten",
        gettext_lazy("Koude aanpak alsnog starten"),
        (Stap.VOORBEREIDING,),
        (Status.UITGESTELD,),
        Status.ACTIEF,
    ),
    Overgang(
        "zelfstandig_verder",
        gettext_lazy("Startsessie: terrein gaat zelfstandig verder met de toolbox"),
        (Stap.STARTSESSIE,),
        (Status.ACTIEF,),
        Status.ZELFSTANDIG,
        None,
        (startsessie_gehouden,),
        zet=_uitkomst(StartsessieUitkomst.ZELFSTANDIG),
    ),
    Overgang(
        "verder_onderzoek",
        gettext_lazy("Startsessie: verder onderzoek, naar oplossingsrichting"),
        (Stap.STARTSESSIE,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.OPLOSSINGSRICHTING,
        (startsessie_gehouden, intentie_en_projectteam),
        zet=_uitkomst(StartsessieUitkomst.VERDER_ONDERZOEK),
    ),
    Overgang(
        "geen_behoefte",
        gettext_lazy("Startsessie: geen behoefte, traject stoppen"),
        (Stap.STARTSESSIE,),
        (Status.ACTIEF,),
        Status.GESTOPT,
        None,
        (startsessie_gehouden,),
        zet=_uitkomst(StartsessieUitkomst.GEEN_BEHOEFTE),
    ),
    Overgang(
        "oplossingsrichting_vaststellen",
        gettext_lazy("Oplossingsrichting vaststellen, naar realisatieplan"),
        (Stap.OPLOSSINGSRICHTING,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.REALISATIEPLAN,
        (richting_gekozen,),
    ),
    Overgang(
        "opnieuw_verkennen",
        gettext_lazy("Geen goede oplossing: toolbox opnieuw inzetten (nieuwe ronde)"),
        (Stap.OPLOSSINGSRICHTING,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        None,
        (ronde_zonder_keuze,),
        zet=lambda t: {"ronde": t.ronde + 1, "besluit_op": None},
    ),
    Overgang(
        "realisatieplan_vaststellen",
        gettext_lazy("Realisatieplan getekend, naar uitvoering"),
        (Stap.REALISATIEPLAN,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.UITVOERING,
        (realisatieplan_compleet,),
    ),
    Overgang(
        "realisatie_afronden",
        gettext_lazy("Gerealiseerd, naar evaluatie"),
        (Stap.UITVOERING,),
        (Status.ACTIEF,),
        Status.ACTIEF,
        Stap.EVALUATIE,
        (realisatie_vastgelegd,),
    ),
    Overgang(
        "afronden",
        gettext_lazy("Traject afronden"),
        (Stap.EVALUATIE,),
        (Status.ACTIEF,),
        Status.AFGEROND,
        None,
        (evaluatie_geschreven,),
    ),
    Overgang(
        "stap_terug",
        gettext_lazy("Een stap terug"),
        ALLE_STAPPEN[1:],
        (Status.ACTIEF,),
        Status.ACTIEF,
        lambda stap: stap - 1,
        (reden_gegeven,),
        vraagt_reden=True,
        terug=True,
    ),
    Overgang(
        "heropenen",
        gettext_lazy("Heropenen: opnieuw beginnen bij stap 0"),
        ALLE_STAPPEN,
        (Status.GESTOPT, Status.UITGESTELD, Status.ZELFSTANDIG, Status.VOLGEN),
        Status.ACTIEF,
        Stap.INVENTARISATIE,
        (reden_gegeven,),
        zet=lambda t: {"startsessie_uitkomst": ""},
        vraagt_reden=True,
        terug=True,
    ),
)

OVERGANGEN: dict[str, Overgang] = {o.naam: o for o in _OVERGANGEN}


def overgangen_vanuit(traject: Traject) -> list[Overgang]:
    return [o for o in _OVERGANGEN if o.kan_vanuit(traject)]


def parameters(*, vandaag: date, reden: str = "", herbeoordelen_op: date | None = None) -> dict:
    return {"vandaag": vandaag, "reden": reden, "herbeoordelen_op": herbeoordelen_op}

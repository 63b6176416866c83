"""Choosing N parks for a selection round (Bijlage 7): pure functions over plain values.

Rules, in this order:
1. candidates are the parks in the 2030 demand class `hoog` (parks with a plankaart);
2. the split is 60/40 Gelderland/Overijssel, rounded to the nearest whole park; when a province has
   too few candidates the other province fills the gap, and the round says so;
3. within each province the highest-ranked parks are taken first;
4. then every class of size, parkmanagement, SBI diversity and logistics share that occurs among
   the candidates is represented at least once: the highest-ranked candidate of a missing class
   replaces the lowest-ranked chosen park of the same province whose removal loses no class
   already represented. What cannot be satisfied is reported, never silently dropped.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from terreinen.models import Grootteklasse, LogistiekAandeel, SbiDiversiteit

GELDERLAND, OVERIJSSEL = "gelderland", "overijssel"
# Veenendaal (province of Utrecht) takes part through Gelderland.
PROVINCIE_GROEP = {"PV25": GELDERLAND, "PV26": GELDERLAND, "PV23": OVERIJSSEL}
GROEP_LABEL = {GELDERLAND: gettext_lazy("Gelderland"), OVERIJSSEL: gettext_lazy("Overijssel")}
# Dutch adjectives are not the name plus a suffix ("Gelders", not "Gelderlands"): spelled out, as a translator sees them.
GROEP_BIJVOEGLIJK = {GELDERLAND: gettext_lazy("Gelderse"), OVERIJSSEL: gettext_lazy("Overijsselse")}
AANDEEL_GELDERLAND = Fraction(3, 5)

DIMENSIES = (
    ("grootteklasse", gettext_lazy("Grootte"), tuple(Grootteklasse.choices)),
    (
        "parkmanagement",
        gettext_lazy("Organisatiegraad"),
        (("ja", gettext_lazy("Parkmanagement: ja")), ("nee", gettext_lazy("Parkmanagement: nee"))),
    ),
    ("sbi_diversiteit", gettext_lazy("Diversiteit (SBI)"), tuple(SbiDiversiteit.choices)),
    ("logistiek", gettext_lazy("Aanwezigheid logistiek (SBI)"), tuple(LogistiekAandeel.choices)),
)


@dataclass
class Kandidaat:
    terrein_id: int
    rin: int
    naam: str
    gemeente: str
    provincie_code: str
    provincie: str
    score: int
    rang: int
    kw_2030: Decimal | None
    klassen: dict[str, str | None]  # dimension -> class value, None when unknown

    @property
    def groep(self) -> str:
        return PROVINCIE_GROEP.get(self.provincie_code, GELDERLAND)

    def dekt(self) -> set[tuple[str, str]]:
        return {(d, w) for d, w in self.klassen.items() if w is not None}


@dataclass
class Keuze:
    kandidaat: Kandidaat
    reden: str


@dataclass
class Uitkomst:
    gekozen: list[Keuze]
    verdeling: dict
    dekking: list[dict]
    tekorten: list[str] = field(default_factory=list)


def klasse_label(dimensie: str, waarde: str | None) -> str:
    for sleutel, _label, keuzes in DIMENSIES:
        if sleutel == dimensie:
            return str(dict(keuzes).get(waarde, _("onbekend")))
    return str(waarde)


def quotum(n: int) -> dict[str, int]:
    """60/40 as close as N allows: Gelderland gets 3N/5 rounded to the nearest whole park."""
    gelderland = round(AANDEEL_GELDERLAND * n)
    return {GELDERLAND: gelderland, OVERIJSSEL: n - gelderland}


def _gedekt(keuzes: list[Keuze]) -> set[tuple[str, str]]:
    return set().union(*(k.kandidaat.dekt() for k in keuzes)) if keuzes else set()


def selecteren(kandidaten: list[Kandidaat], n: int) -> Uitkomst:
    tekorten: list[str] = []
    per_groep = {g: sorted((k for k in kandidaten if k.groep == g), key=lambda k: k.rang) for g in (GELDERLAND, OVERIJSSEL)}
    doel = quotum(n)
    if len(kandidaten) < n:
        tekorten.append(
            _("Er zijn maar %(k)s terreinen met een hoge vermogensvraag; gevraagd waren er %(n)s.")
            % {"k": len(kandidaten), "n": n}
        )
    aantal = {g: min(doel[g], len(per_groep[g])) for g in doel}
    for tekort_groep, andere in ((OVERIJSSEL, GELDERLAND), (GELDERLAND, OVERIJSSEL)):
        gat = doel[tekort_groep] - aantal[tekort_groep]
        if gat <= 0:
            continue
        extra = min(gat, len(per_groep[andere]) - aantal[andere])
        aantal[andere] += extra
        tekorten.append(
            _(
                "%(groep)s heeft %(k)s terreinen met een hoge vermogensvraag, minder dan de %(doel)s die de 60/40-verdeling "
                "vraagt; %(extra)s plaats(en) aangevuld uit %(andere)s."
            )
            % {
                "groep": GROEP_LABEL[tekort_groep],
                "k": len(per_groep[tekort_groep]),
                "doel": doel[tekort_groep],
                "extra": extra,
                "andere": GROEP_LABEL[andere],
            }
        )
    gekozen: list[Keuze] = []
    for g in (GELDERLAND, OVERIJSSEL):
        for k in per_groep[g][: aantal[g]]:
            if aantal[g] > doel[g]:
                reden = _(
                    "Hoogste score in %(groep)s (rang %(rang)s); aangevuld omdat de andere provincie te weinig kandidaten heeft."
                )
            else:
                reden = _("Hoogste score in %(groep)s (rang %(rang)s), binnen het %(bijvoeglijk)s aandeel van %(aantal)s.")
            gekozen.append(
                Keuze(
                    k,
                    reden % {"groep": GROEP_LABEL[g], "bijvoeglijk": GROEP_BIJVOEGLIJK[g], "rang": k.rang, "aantal": aantal[g]},
                )
            )

    beschermd: set[int] = set()
    dekking = []
    for dimensie, dim_label, keuzes in DIMENSIES:
        for waarde, label in keuzes:
            klasse = (dimensie, waarde)
            regel = {"dimensie": str(dim_label), "klasse": str(label), "status": "gedekt", "terreinen": []}
            dekking.append(regel)
            if klasse in _gedekt(gekozen):
                continue
            kandidaten_klasse = sorted(
                (k for k in kandidaten if k.klassen.get(dimensie) == waarde and all(c.kandidaat is not k for c in gekozen)),
                key=lambda k: k.rang,
            )
            if not kandidaten_klasse:
                regel["status"] = "geen_kandidaat"
                continue
            ruil = _zoek_ruil(gekozen, kandidaten_klasse, beschermd, aantal, doel)
            if ruil is None:
                regel["status"] = "niet_gedekt"
                tekorten.append(
                    _(
                        "%(klasse)s (%(dimensie)s) is niet vertegenwoordigd: met N = %(n)s is er geen plaats vrij zonder de "
                        "provincieverdeling of een andere klasse op te geven."
                    )
                    % {"klasse": label, "dimensie": dim_label, "n": n}
                )
                continue
            weg, nieuw = ruil
            gekozen.remove(weg)
            reden = _(
                "Gekozen om %(klasse)s (%(dimensie)s) te vertegenwoordigen: hoogste score in die klasse in %(groep)s "
                "(rang %(rang)s); vervangt %(weg)s (rang %(wegrang)s)."
            ) % {
                "klasse": label,
                "dimensie": dim_label,
                "groep": GROEP_LABEL[nieuw.groep],
                "rang": nieuw.rang,
                "weg": weg.kandidaat.naam,
                "wegrang": weg.kandidaat.rang,
            }
            gekozen.append(Keuze(nieuw, reden))
            beschermd.add(nieuw.terrein_id)
    for regel, (dimensie, waarde) in zip(dekking, [(d, w) for d, _l, keuzes in DIMENSIES for w, _x in keuzes], strict=True):
        regel["terreinen"] = [k.kandidaat.naam for k in gekozen if k.kandidaat.klassen.get(dimensie) == waarde]
    gekozen.sort(key=lambda k: k.kandidaat.rang)
    verdeling = {
        "doel": {GELDERLAND: doel[GELDERLAND], OVERIJSSEL: doel[OVERIJSSEL]},
        "gekozen": {g: sum(k.kandidaat.groep == g for k in gekozen) for g in (GELDERLAND, OVERIJSSEL)},
        "kandidaten": {g: len(per_groep[g]) for g in (GELDERLAND, OVERIJSSEL)},
    }
    return Uitkomst(gekozen=gekozen, verdeling=verdeling, dekking=dekking, tekorten=tekorten)


def _zoek_ruil(gekozen, kandidaten_klasse, beschermd, aantal, doel):
    """(chosen park to drop, candidate to add) that covers a missing class without losing any covered one."""
    voor = _gedekt(gekozen)
    for nieuw in kandidaten_klasse:
        # Same province keeps the split; the other province only when it was filled beyond its 60/40 share.
        groepen = {nieuw.groep} | {g for g in aantal if g != nieuw.groep and aantal[g] > doel[g]}
        for weg in sorted(gekozen, key=lambda k: -k.kandidaat.rang):
            if weg.kandidaat.groep not in groepen or weg.kandidaat.terrein_id in beschermd:
                continue
            na = _gedekt([k for k in gekozen if k is not weg]) | nieuw.dekt()
            if voor <= na:
                if weg.kandidaat.groep != nieuw.groep:
                    aantal[weg.kandidaat.groep] -= 1
                    aantal[nieuw.groep] += 1
                return weg, nieuw
    return None

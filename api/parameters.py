"""Query parameters of the API: camelCase names, CRS negotiation, bbox, and the park FilterSet behind them.

Every parameter is checked before anything is queried and all errors are reported together
(one 400 with `invalidParams`). CRS URIs are looked up in a fixed table; user text never reaches GDAL.
"""

import math
import re

import django_filters
from django import forms
from django.contrib.gis.geos import Polygon
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import exceptions

from api.geometrie import BREEDTE_EERST
from api.problemen import OngeldigeParameters
from nal_oost import zichtbaarheid
from overzicht.filtersets import BedrijventerreinFilterSet, filters_voor

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
RD_NEW = "http://www.opengis.net/def/crs/EPSG/0/28992"
ETRS89 = "http://www.opengis.net/def/crs/EPSG/0/4258"
# The REST API's GeoJSON (RFC 7946: CRS84, plus RD New); OGC API – Features also offers ETRS89.
CRS_SRID = {CRS84: 4326, RD_NEW: 28992}
OGC_CRS_SRID = {CRS84: 4326, ETRS89: 4258, RD_NEW: 28992}
SRID_CRS = {srid: uri for uri, srid in OGC_CRS_SRID.items()}

# Park filters the API leaves out: `regisseur` values are application user ids; `onbekend` and `prioriteitsklasse`
# serve the working list only; `sortering` is the web list's column sort, which keyset paging replaces with
# `sorteer` (a page is in cursor order).
NIET_PUBLIEKE_FILTERS = {"regisseur", "onbekend", "prioriteitsklasse", "sortering"}
# Filters that take database ids: a value must be a positive integer that fits the id column.
ID_PATROON = re.compile(r"[1-9][0-9]{0,17}")


def camel(naam: str) -> str:
    """snake_case → camelCase (`vraag_2030_min` → `vraag2030Min`)."""
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), naam)


def _is_meervoudig(filter_) -> bool:
    return issubclass(filter_.field_class, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)


def _neemt_ids(filter_) -> bool:
    """A model filter on the primary key (not on a code such as a CBS code)."""
    return issubclass(filter_.field_class, forms.ModelMultipleChoiceField) and not filter_.extra.get("to_field_name")


def crs_uit_kop(kop: str, tabel: dict[str, int]) -> int | None:
    """The SRID of an `Accept-Crs` value: a CRS URI (optionally in <>), `EPSG:28992` or `OGC:CRS84`; None if not offered."""
    for deel in kop.split(","):
        waarde = deel.split(";")[0].strip().strip("<>").strip()
        if waarde in tabel:
            return tabel[waarde]
        hoofd = waarde.upper()
        if hoofd in ("CRS84", "OGC:CRS84"):
            return tabel[CRS84]
        if hoofd.startswith("EPSG:") and hoofd[5:].isdigit():
            srid = int(hoofd[5:])
            if srid != 4326 and srid in tabel.values():  # EPSG:4326 is latitude first: we offer CRS84 instead
                return srid
    return None


# Of the park filters, those over fields a partner may see (nal_oost/zichtbaarheid.py).
TERREIN_FILTERS = {camel(naam): naam for naam in filters_voor(zichtbaarheid.PARTNER) if naam not in NIET_PUBLIEKE_FILTERS}
PAGINA_PARAMETERS = {"cursor", "pageSize", "sorteer"}
GEO_PARAMETERS = {"crs", "bbox", "bbox-crs"}


class ParameterLezer:
    """Reads and validates the query string of one request; `controleer()` raises once with all errors."""

    def __init__(self, request, *, toegestaan: set[str], herhaalbaar: frozenset[str] = frozenset()):
        self.request = request
        self.query = request.query_params
        self.fouten: list[dict] = []
        for naam in sorted(set(self.query) - toegestaan):
            self.fout(naam, "unknownParam", _("Onbekende parameter."))
        for naam in sorted((toegestaan - set(TERREIN_FILTERS) - herhaalbaar) & set(self.query)):
            if len(self.query.getlist(naam)) > 1:
                self.fout(naam, "duplicateParam", _("Deze parameter mag maar één keer voorkomen."))

    def fout(self, naam: str, code: str, reden: str) -> None:
        self.fouten.append({"name": naam, "code": code, "reason": str(reden)})

    def controleer(self) -> None:
        if self.fouten:
            raise OngeldigeParameters(self.fouten)

    def tekst(self, naam: str, standaard: str | None = None) -> str | None:
        waarde = self.query.get(naam)
        return standaard if waarde is None else waarde

    def geheel(self, naam: str, *, minimum: int, maximum: int, standaard: int | None = None) -> int | None:
        waarde = self.query.get(naam)
        if waarde is None:
            return standaard
        if not re.fullmatch(r"[0-9]{1,9}", waarde) or not minimum <= int(waarde) <= maximum:
            self.fout(
                naam, "integer", _("Geef een geheel getal van %(min)s tot en met %(max)s.") % {"min": minimum, "max": maximum}
            )
            return standaard
        return int(waarde)

    def keuze(self, naam: str, keuzes, standaard=None):
        waarde = self.query.get(naam)
        if waarde is None:
            return standaard
        if waarde not in keuzes:
            self.fout(naam, "enum", _("Kies uit: %(keuzes)s.") % {"keuzes": ", ".join(str(k) for k in keuzes)})
            return standaard
        return waarde

    def crs(self, naam: str = "crs", tabel: dict[str, int] = CRS_SRID) -> int:
        """The SRID asked for in `naam` (a CRS URI from `tabel`), else in the `Accept-Crs` header; CRS84 when absent.

        An unknown URI in the query is a 400; an `Accept-Crs` we do not offer is a 406 (ADR geospatial module),
        also when the query parameter (which wins) is there.
        """
        waarde = self.query.get(naam)
        gevraagd = self._accept_crs(tabel) if naam == "crs" else tabel[CRS84]
        if waarde is None:
            return gevraagd
        if waarde not in tabel:
            self.fout(naam, "crs", _("Niet-ondersteund coördinatenstelsel. Ondersteund: %(crs)s.") % {"crs": ", ".join(tabel)})
            return tabel[CRS84]
        return tabel[waarde]

    def _accept_crs(self, tabel: dict[str, int]) -> int:
        kop = self.request.headers.get("Accept-Crs")
        if kop is None:
            return tabel[CRS84]
        srid = crs_uit_kop(kop, tabel)
        if srid is None:
            raise exceptions.NotAcceptable(
                _("Coördinatenstelsel in Accept-Crs niet beschikbaar. Beschikbaar: %(crs)s.") % {"crs": ", ".join(tabel)}
            )
        return srid

    def bbox(self, tabel: dict[str, int] = CRS_SRID) -> Polygon | None:
        """`bbox=minx,miny,maxx,maxy` in `bbox-crs` (CRS84 by default, in that CRS's axis order) as a polygon with that SRID."""
        srid = self.crs("bbox-crs", tabel)
        waarde = self.query.get("bbox")
        if waarde is None:
            return None
        delen = waarde.split(",")
        getallen = []
        for deel in delen:
            try:
                getallen.append(float(deel))
            except ValueError:
                break
        if len(delen) != 4 or len(getallen) != 4 or not all(math.isfinite(g) for g in getallen):
            self.fout("bbox", "bbox", _("Geef vier getallen: minx,miny,maxx,maxy (bij CRS84: lengtegraad,breedtegraad)."))
            return None
        if srid in BREEDTE_EERST:
            getallen = [getallen[1], getallen[0], getallen[3], getallen[2]]
        minx, miny, maxx, maxy = getallen
        if minx > maxx or miny > maxy:
            self.fout("bbox", "bbox", _("De minimumwaarden moeten kleiner zijn dan of gelijk aan de maximumwaarden."))
            return None
        if srid in (4326, 4258) and not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            self.fout("bbox", "bbox", _("Lengtegraden liggen tussen -180 en 180, breedtegraden tussen -90 en 90."))
            return None
        return _srid(Polygon.from_bbox((minx, miny, maxx, maxy)), srid)

    def terrein_filters(self, queryset):
        """Apply the park FilterSet (the web list's) with its fields under camelCase names."""
        data = QueryDict(mutable=True)
        filters = BedrijventerreinFilterSet.base_filters
        for publiek, naam in TERREIN_FILTERS.items():
            if publiek not in self.query:
                continue
            waarden = self.query.getlist(publiek)
            if not isinstance(filters[naam], django_filters.CharFilter) and not all(w.strip() for w in waarden):
                self.fout(publiek, "empty", _("Geef een waarde, of laat de parameter weg."))
                continue
            if _is_meervoudig(filters[naam]):
                waarden = [w.strip() for waarde in waarden for w in waarde.split(",") if w.strip()]
                if _neemt_ids(filters[naam]) and not all(ID_PATROON.fullmatch(w) for w in waarden):
                    self.fout(publiek, "invalid", _("Geef ids: positieve gehele getallen, gescheiden door komma's."))
                    continue
            elif len(waarden) > 1:
                self.fout(publiek, "duplicateParam", _("Deze parameter mag maar één keer voorkomen."))
                continue
            data.setlist(naam, waarden)
        filterset = BedrijventerreinFilterSet(data=data, queryset=queryset)
        if not filterset.is_valid():
            for naam, meldingen in filterset.errors.items():
                self.fout(camel(naam), "invalid", " ".join(str(m) for m in meldingen))
            return queryset
        return filterset.qs


def _srid(geometrie, srid):
    geometrie.srid = srid
    return geometrie


def crs_header(srid: int) -> str:
    return f"<{SRID_CRS[srid]}>"

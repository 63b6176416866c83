"""OGC API – Features on the demo region (828 real IBIS parks), served by gunicorn over HTTP on loopback.

Figures (p50 of repeated runs, 1 client):
- all parks through `collections/bedrijventerreinen/items`, following the `next` links (limit 100, and limit 1000
  as GDAL/QGIS page with the maximum), gzip accepted as GIS clients do;
- the raw SQL floor in the same run: the very query the endpoint sends for those rows (same annotations,
  ST_AsGeoJSON per row), executed once on a plain cursor without paging, HTTP or JSON;
- the size of the full GeoJSON of all parks, plain and gzip-compressed as sent.
Target: paging through all parks costs at most 2× the raw SQL fetch.
"""

import statistics
import sys
import time

import requests
from _opzet import gunicorn_starten, meting, testdatabase, vrije_poort
from django.db import connection

from api.antwoorden import GEOMETRIE
from api.authenticatie import ApiPartner
from api.geometrie import geojson_expressie
from api.models import ApiSleutel
from api.ogc import COLLECTIES
from api.services import api_sleutel_aanmaken
from nal_oost.demo import demo_laden
from terreinen.models import Bedrijventerrein

ITEMS = "/api/v1/ogc/collections/bedrijventerreinen/items"


def alle_paginas(sessie, url: str) -> int:
    aantal = 0
    while url:
        antwoord = sessie.get(url, timeout=60)
        antwoord.raise_for_status()
        body = antwoord.json()
        aantal += body["numberReturned"]
        url = next((link["href"] for link in body["links"] if link["rel"] == "next"), None)
    return aantal


def _p50(functie, herhalingen: int) -> float:
    functie()  # warm-up: connections, caches
    tijden = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def raw_sql_functie(sleutel_rij: ApiSleutel):
    """The endpoint's own query for all parks (its rows, annotations and GeoJSON), run on a plain cursor."""
    collectie = COLLECTIES["bedrijventerreinen"]
    queryset = (
        collectie.rijen(ApiPartner(sleutel_rij))
        .annotate(**{GEOMETRIE: geojson_expressie(srid=4326)})
        .order_by("rin")
        .values(*(v.sleutel for v in collectie.velden), GEOMETRIE)
    )
    sql, parameters = queryset.query.sql_with_params()

    def uitvoeren():
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall()

    return uitvoeren


def main():
    with testdatabase() as database:
        print(f"Loading the demo region into {database} …", file=sys.stderr)
        demo_laden(met_gebruikers=False)
        aantal = Bedrijventerrein.objects.count()
        sleutel_rij, sleutel = api_sleutel_aanmaken(organisatie="bench")
        raw_sql = raw_sql_functie(sleutel_rij)
        assert len(raw_sql()) == aantal
        raw_p50 = _p50(raw_sql, 15)
        connection.close()  # the server's workers get their own connections
        poort = vrije_poort()
        basis = f"http://127.0.0.1:{poort}"
        server = gunicorn_starten(poort, workers=2, threads=4, omgeving={"API_SLEUTEL_LIMIET": "1000000/min"})
        try:
            sessie = requests.Session()
            sessie.headers["X-Api-Key"] = sleutel
            resultaten = {}
            for limit, herhalingen in ((100, 7), (1000, 9)):
                url = f"{basis}{ITEMS}?limit={limit}"
                assert alle_paginas(sessie, url) == aantal
                print(f"Measuring: all parks through OGC items, limit {limit}", file=sys.stderr)
                resultaten[limit] = _p50(lambda url=url: alle_paginas(sessie, url), herhalingen)

            volledig = sessie.get(f"{basis}{ITEMS}?limit=1000", headers={"Accept-Encoding": "identity"}, timeout=60)
            ingepakt = sessie.get(f"{basis}{ITEMS}?limit=1000", headers={"Accept-Encoding": "gzip"}, stream=True, timeout=60)
            assert ingepakt.headers["Content-Encoding"] == "gzip"
            gzip_bytes = len(ingepakt.raw.read(decode_content=False))
            plain_bytes = len(volledig.content)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"OGC API – Features on {aantal} parks, gunicorn 2 workers × 4 threads on loopback, 1 client, p50.")
    print(f"Raw SQL floor (the endpoint's own query for all rows with ST_AsGeoJSON, one cursor): {raw_p50 * 1000:.1f} ms.\n")
    print("| figure | p50 | raw SQL (same run) | ratio (target ≤ 2×) |")
    print("|---|---:|---:|---:|")
    for limit, p50 in resultaten.items():
        naam = f"all {aantal} parks via OGC items, limit {limit}, following next links"
        verhouding = p50 / raw_p50
        meting(f"OGC API {naam}", f"{p50 * 1000:.1f} ms", f"raw SQL same rows: {raw_p50 * 1000:.1f} ms", f"{verhouding:.1f}×")
        print(f"| {naam} | {p50 * 1000:.1f} ms | {raw_p50 * 1000:.1f} ms | {verhouding:.1f}× |")
    meting(
        f"OGC API full GeoJSON of {aantal} parks, gzip",
        f"{gzip_bytes / 1024:.0f} KiB",
        f"uncompressed: {plain_bytes / 1024:.0f} KiB",
        f"{gzip_bytes / plain_bytes:.2f}×",
    )
    print(
        f"\nFull GeoJSON of all {aantal} parks (CRS84): {plain_bytes / 1024:.0f} KiB, gzip as sent {gzip_bytes / 1024:.0f} KiB "
        f"({gzip_bytes / plain_bytes:.0%})."
    )


if __name__ == "__main__":
    sys.exit(main())

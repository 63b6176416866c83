"""Partner API speed on the demo region (828 real IBIS parks), served by gunicorn over HTTP on loopback.

Figures, each as p50/p95 at 1 and at 20 concurrent clients:
- the framework floor: `/api/v1` (same key check, throttling and headers, no query);
- the first and the last page of 100 parks (keyset: the last page must cost what the first costs);
- paging through all parks, 100 per page, following the next links;
- all parks as one GeoJSON FeatureCollection (pageSize=1000), in CRS84 and in RD New;
and the raw SQL floor: the same rows and GeoJSON fetched by one hand-written query in the same run.
"""

import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from _opzet import gunicorn_starten, meting, testdatabase, vrije_poort
from django.db import connection

from api.services import api_sleutel_aanmaken
from nal_oost.demo import demo_laden
from terreinen.models import Bedrijventerrein

BASIS = Path(__file__).resolve().parent.parent
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"
RAW_SQL = """
SELECT t.rin, t.naam, g.code, g.naam, p.code, p.naam, t.ha_bruto, t.ha_netto, t.gewijzigd_op,
       (SELECT k.laadvermogen_kw FROM plankaarten_plankaart k
         WHERE k.terrein_id = t.id AND k.actueel AND k.zichtjaar = 2030 AND k.scenario = 'midden' LIMIT 1),
       ST_AsGeoJSON(ST_Transform(t.geometrie, 4326), 6)
FROM terreinen_bedrijventerrein t
JOIN terreinen_gemeente g ON g.id = t.gemeente_id
JOIN terreinen_provincie p ON p.id = g.provincie_id
ORDER BY t.rin
"""


def laatste_pagina_url(sessie, basis: str) -> str:
    url, vorige = f"{basis}/api/v1/bedrijventerreinen?pageSize=100", None
    while url:
        vorige = url
        url = sessie.get(url, timeout=30).links.get("next", {}).get("url")
    return vorige


def alle_paginas(sessie, basis: str) -> int:
    url, aantal = f"{basis}/api/v1/bedrijventerreinen?pageSize=100", 0
    while url:
        antwoord = sessie.get(url, timeout=30)
        antwoord.raise_for_status()
        aantal += len(antwoord.json()["features"])
        url = antwoord.links.get("next", {}).get("url")
    return aantal


def meet_clients(taak, clients: int, per_client: int, sleutel: str) -> tuple[float, float]:
    """p50 and p95 wall time (seconds) of `taak(sessie)` with `clients` concurrent sessions."""

    def client(_):
        sessie = requests.Session()
        sessie.headers["X-Api-Key"] = sleutel
        taak(sessie)  # warm-up: connection, caches
        tijden = []
        for _ in range(per_client):
            start = time.perf_counter()
            taak(sessie)
            tijden.append(time.perf_counter() - start)
        return tijden

    with ThreadPoolExecutor(clients) as pool:
        tijden = sorted(t for lijst in pool.map(client, range(clients)) for t in lijst)
    return statistics.median(tijden), tijden[min(len(tijden) - 1, int(0.95 * len(tijden)))]


def get(url):
    def taak(sessie):
        antwoord = sessie.get(url, timeout=60)
        antwoord.raise_for_status()
        return antwoord

    return taak


def main():
    with testdatabase() as database:
        print(f"Loading the demo region into {database} …", file=sys.stderr)
        demo_laden(met_gebruikers=False)
        aantal = Bedrijventerrein.objects.count()
        _rij, sleutel = api_sleutel_aanmaken(organisatie="bench")
        connection.close()  # the server's workers get their own connections
        poort = vrije_poort()
        basis = f"http://127.0.0.1:{poort}"
        server = gunicorn_starten(poort, workers=2, threads=4, omgeving={"API_SLEUTEL_LIMIET": "1000000/min"})
        try:
            sessie = requests.Session()
            sessie.headers["X-Api-Key"] = sleutel
            assert alle_paginas(sessie, basis) == aantal
            laatste = laatste_pagina_url(sessie, basis)
            alles = sessie.get(f"{basis}/api/v1/bedrijventerreinen?pageSize=1000", timeout=60)
            assert len(alles.json()["features"]) == aantal
            grootte_kb = len(alles.content) / 1024

            figuren = [
                ("floor: /api/v1 (auth, throttle, headers)", get(f"{basis}/api/v1"), 20),
                ("first page, 100 parks", get(f"{basis}/api/v1/bedrijventerreinen?pageSize=100"), 20),
                ("last page (keyset cursor)", get(laatste), 20),
                (f"page through all {aantal} parks (100/page)", lambda s: alle_paginas(s, basis), 3),
                (f"all {aantal} parks, one GeoJSON (CRS84)", get(f"{basis}/api/v1/bedrijventerreinen?pageSize=1000"), 5),
                (
                    f"all {aantal} parks, one GeoJSON (RD New)",
                    get(f"{basis}/api/v1/bedrijventerreinen?pageSize=1000&crs={RD}"),
                    5,
                ),
            ]
            resultaten = {}
            for naam, taak, herhalingen in figuren:
                print(f"Measuring: {naam}", file=sys.stderr)
                een = meet_clients(taak, 1, herhalingen * 2, sleutel)
                twintig = meet_clients(taak, 20, max(2, herhalingen // 2), sleutel)
                resultaten[naam] = (een, twintig)
        finally:
            server.terminate()
            server.wait(timeout=30)

        def raw_sql():
            with connection.cursor() as cursor:
                cursor.execute(RAW_SQL)
                return cursor.fetchall()

        raw_sql()
        raw = sorted(_tijd(raw_sql) for _ in range(15))
        raw_p50 = statistics.median(raw)

    floor = resultaten[figuren[0][0]][0][0]
    print(f"Partner API on {aantal} parks, gunicorn 2 workers × 4 threads on loopback; full GeoJSON {grootte_kb:.0f} KiB.")
    print(f"Raw SQL floor (same rows + ST_AsGeoJSON, one query, in-process): p50 {raw_p50 * 1000:.1f} ms.\n")
    print("| figure | 1 client p50 | 1 client p95 | 20 clients p50 | 20 clients p95 | 1-client p50 / floor | vs raw SQL |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    floor_p95 = resultaten[figuren[0][0]][0][1]
    floor_20, floor_20_p95 = resultaten[figuren[0][0]][1]
    for naam, ((p50, p95), (p50_20, p95_20)) in resultaten.items():
        meting(
            f"API {naam}, 1 client",
            f"{p50 * 1000:.1f} ms",
            f"/api/v1 floor: {floor * 1000:.1f} ms (p95 {floor_p95 * 1000:.1f} ms)",
            f"{p50 / floor:.1f}×",
            p95=f"{p95 * 1000:.1f} ms",
            verhouding_p95=f"{p95 / floor_p95:.1f}×",
        )
        meting(
            f"API {naam}, 20 clients",
            f"{p50_20 * 1000:.1f} ms",
            f"/api/v1 floor, 20 clients: {floor_20 * 1000:.1f} ms (p95 {floor_20_p95 * 1000:.1f} ms)",
            f"{p50_20 / floor_20:.1f}×",
            p95=f"{p95_20 * 1000:.1f} ms",
            verhouding_p95=f"{p95_20 / floor_20_p95:.1f}×",
        )
        print(
            f"| {naam} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {p50_20 * 1000:.1f} ms | {p95_20 * 1000:.1f} ms "
            f"| {p50 / floor:.1f}× | {p50 / raw_p50:.1f}× |"
        )
    eerste = resultaten[figuren[1][0]][0][0]
    laatste_p50 = resultaten[figuren[2][0]][0][0]
    print(f"\nLast page / first page (1 client, p50): {laatste_p50 / eerste:.2f}× (keyset: ≈1 expected).")


def _tijd(functie) -> float:
    start = time.perf_counter()
    functie()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())

"""Latency of the working screens: gunicorn on PostGIS with the demo region, logged in, at 1 and 20 concurrent clients.

Baseline in the same run: /gezondheid (one `SELECT 1`), the framework floor of a request through the same
server, middleware and network stack; the ratios show what each screen costs on top of that floor.
"""

import http.client
import os
import re
import statistics
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _opzet import gunicorn_starten, meting, testdatabase, vrije_poort
from django.db import connection

from nal_oost.demo import demo_laden
from terreinen.models import Bedrijventerrein

WACHTWOORD = "Bench-wachtwoord-2026"
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))  # as in the Dockerfile
AANTAL = {1: 40, 20: 300}  # requests per endpoint per concurrency level
BASIS = Path(__file__).resolve().parent.parent


def trajecten_maken():
    """Spread two thirds of the parks over the steps and statuses, as in a running programme (the rest stay at step 0)."""
    from collections import defaultdict
    from datetime import date

    from stappenplan.models import Traject

    statussen = ["actief", "actief", "volgen", "uitgesteld", "zelfstandig", "gestopt", "afgerond"]
    groepen = defaultdict(list)
    for i, pk in enumerate(Bedrijventerrein.objects.order_by("rin").values_list("pk", flat=True)):
        if i % 3:
            groepen[(i % 7, statussen[i % len(statussen)])].append(pk)
    for (stap, status), pks in groepen.items():
        extra = {"uitgesteld_sinds": date(2026, 9, 1), "herbeoordelen_op": date(2027, 3, 1)} if status == "uitgesteld" else {}
        # A bulk update for the benchmark's data set; in the application only stap_zetten moves parks.
        Traject.objects.filter(terrein_id__in=pks).update(stap=stap, status=status, **extra)


def verzoek(poort: int, pad: str, cookie: str = "", methode: str = "GET", body: str | None = None, extra: dict | None = None):
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    koppen = {"Cookie": cookie, **(extra or {})}
    verbinding.request(methode, pad, body=body, headers=koppen)
    antwoord = verbinding.getresponse()
    inhoud = antwoord.read()
    verbinding.close()
    return antwoord.status, antwoord.getheaders(), inhoud


def inloggen(poort: int, gebruiker: str) -> str:
    """A session cookie for `gebruiker`, through the real login form (CSRF included)."""
    _status, koppen, inhoud = verzoek(poort, "/inloggen/")
    csrf_cookie = next(v.split(";")[0] for k, v in koppen if k.lower() == "set-cookie" and v.startswith("csrftoken="))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud).group(1).decode()
    body = urllib.parse.urlencode({"username": gebruiker, "password": WACHTWOORD, "csrfmiddlewaretoken": token})
    status, koppen, _ = verzoek(
        poort,
        "/inloggen/",
        cookie=csrf_cookie,
        methode="POST",
        body=body,
        extra={"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{poort}/inloggen/"},
    )
    sessie = next((v.split(";")[0] for k, v in koppen if k.lower() == "set-cookie" and v.startswith("sessionid=")), None)
    if status != 302 or not sessie:
        raise RuntimeError(f"login of {gebruiker} failed ({status})")
    return f"{csrf_cookie}; {sessie}"


def meet_latenties(poort: int, pad: str, cookie: str, clients: int) -> tuple[float, float, float]:
    """(p50, p95, requests per second) of AANTAL[clients] requests with `clients` threads."""
    for _ in range(3):
        verzoek(poort, pad, cookie)  # warm every worker's connection and caches a little

    def een():
        start = time.perf_counter()
        status, _koppen, _inhoud = verzoek(poort, pad, cookie)
        duur = time.perf_counter() - start
        if status != 200:
            raise RuntimeError(f"{pad}: HTTP {status}")
        return duur

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        tijden = sorted(pool.map(lambda _i: een(), range(AANTAL[clients])))
    totaal = time.perf_counter() - start
    p50 = statistics.median(tijden)
    p95 = tijden[int(round(0.95 * (len(tijden) - 1)))]
    return p50, p95, len(tijden) / totaal


def main():
    with testdatabase():
        demo_laden(wachtwoord=WACHTWOORD)
        trajecten_maken()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics autovacuum would have gathered on a running system
        aantal = Bedrijventerrein.objects.count()
        rin = Bedrijventerrein.objects.filter(gemeente__code="GM0200").order_by("-ha_netto").values_list("rin", flat=True)[0]
        connection.close()
        poort = vrije_poort()
        proces = gunicorn_starten(poort, workers=WORKERS)
        try:
            cookies = {"regisseur": inloggen(poort, "demo-regisseur"), "gemeente": inloggen(poort, "demo-gemeente")}
            schermen = [
                ("floor: /gezondheid", "/gezondheid", "regisseur"),
                ("dashboard", "/", "regisseur"),
                ("park list, page 1 of all", "/terreinen/", "regisseur"),
                ("park list, filtered + sorted", "/terreinen/?provincie=PV25&stap=0&sortering=-vraag_2030", "regisseur"),
                ("park detail", f"/terreinen/{rin}/", "regisseur"),
                (f"map GeoJSON, all {aantal} parks", "/kaart/terreinen.geojson", "regisseur"),
                ("map GeoJSON, municipality outlines", "/kaart/gemeenten.geojson", "regisseur"),
                ("CSV export of all parks", "/terreinen/export.csv", "regisseur"),
                ("dashboard (gemeente user)", "/", "gemeente"),
                ("park list (gemeente user)", "/terreinen/", "gemeente"),
            ]
            print(
                f"Screens on gunicorn ({WORKERS} sync workers) + PostGIS, demo region with {aantal} parks, "
                f"{os.cpu_count()} CPUs; client threads on the same machine."
            )
            for clients in (1, 20):
                resultaten = [(naam, *meet_latenties(poort, pad, cookies[rol], clients)) for naam, pad, rol in schermen]
                basis_p50, basis_p95 = resultaten[0][1], resultaten[0][2]
                print(f"\n{clients} concurrent client(s), {AANTAL[clients]} requests per row:")
                print("| screen | p50 | p95 | req/s | p50 / floor p50 | p95 / floor p95 |")
                print("|---|---:|---:|---:|---:|---:|")
                for naam, p50, p95, rps in resultaten:
                    meting(
                        f"{naam}, {clients} client(s), p50",
                        f"{p50 * 1000:.1f} ms",
                        f"floor p50: {basis_p50 * 1000:.1f} ms",
                        f"{p50 / basis_p50:.1f}×",
                    )
                    print(
                        f"| {naam} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {rps:.0f} | "
                        f"{p50 / basis_p50:.1f}× | {p95 / basis_p95:.1f}× |"
                    )
        finally:
            proces.terminate()
            proces.wait(timeout=30)
        sys.stdout.flush()


if __name__ == "__main__":
    main()

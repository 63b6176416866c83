"""Latency of the working screens: gunicorn on PostGIS with the demo region, logged in, at 1 and 20 concurrent clients.

Baseline in the same run: /gezondheid (one `SELECT 1`), the framework floor of a request through the same
server, middleware and network stack; the ratios show what each screen costs on top of that floor, for the
median (p50) and for the slow tail (p95).

The park page, the list and its exports are kept per viewer until the data changes (nal_oost/bewaren.py): the
rows of this checkout measure what a user gets on a repeated view. A second server of the same checkout with
NAL_BEWAARDE_PAGINAS=false measures, in the same run, what a page costs when it is built in full (the first view
after a change); BENCH_VOLLEDIG=0 leaves it out.

Environment: BENCH_SCHERMEN=detail,list measures only those screens; BENCH_VERGELIJK=/path/to/other/checkout
serves that checkout too (same database, its own .venv) and measures both alternately, screen by screen, so a
before/after comparison comes from one run on the same machine load.
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
# Requests per endpoint per concurrency level.
AANTAL = {1: int(os.environ.get("BENCH_AANTAL_1", "40")), 20: int(os.environ.get("BENCH_AANTAL_20", "300"))}
# Only the screens whose name contains one of these comma-separated parts (the floor is always measured).
KEUZE = os.environ.get("BENCH_SCHERMEN", "")
# Another checkout of the repository (e.g. a worktree of main) to measure in the same run as "before".
VERGELIJK = os.environ.get("BENCH_VERGELIJK", "")
# Also measure every page built in full (no kept answers), on a second server of this checkout.
VOLLEDIG = os.environ.get("BENCH_VOLLEDIG", "1") != "0"
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


def schermen(rin: int, aantal: int) -> list[tuple[str, str, str]]:
    alle = [
        ("floor: /gezondheid", "/gezondheid", "regisseur"),
        ("dashboard", "/", "regisseur"),
        ("park list, page 1 of all", "/terreinen/", "regisseur"),
        ("park list, filtered + sorted", "/terreinen/?provincie=PV25&stap=0&sortering=-vraag_2030", "regisseur"),
        ("park detail", f"/terreinen/{rin}/", "regisseur"),
        (f"map GeoJSON, all {aantal} parks", "/kaart/terreinen.geojson", "regisseur"),
        ("map GeoJSON, municipality outlines", "/kaart/gemeenten.geojson", "regisseur"),
        ("CSV export of all parks, all columns", "/terreinen/export.csv?kolommen=alle", "regisseur"),
        ("dashboard (gemeente user)", "/", "gemeente"),
        ("park list (gemeente user)", "/terreinen/", "gemeente"),
        ("park detail (gemeente user)", f"/terreinen/{rin}/", "gemeente"),
    ]
    keuze = [k.strip() for k in KEUZE.split(",") if k.strip()]
    return [alle[0]] + [s for s in alle[1:] if not keuze or any(k in s[0] for k in keuze)]


def main():
    with testdatabase():
        demo_laden(wachtwoord=WACHTWOORD)
        trajecten_maken()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics autovacuum would have gathered on a running system
        aantal = Bedrijventerrein.objects.count()
        # A park of a gemeente the demo gemeente user may see, so both roles open the same page.
        rin = Bedrijventerrein.objects.filter(gemeente__code="GM0200").order_by("-ha_netto").values_list("rin", flat=True)[0]
        connection.close()
        # This checkout, and with BENCH_VERGELIJK the other one ("before"), each on its own port, same database.
        versies = {"": (None, {})}
        if VOLLEDIG:
            versies["built in full (NAL_BEWAARDE_PAGINAS=false)"] = (None, {"NAL_BEWAARDE_PAGINAS": "false"})
        if VERGELIJK:
            versies[f"before ({Path(VERGELIJK).name})"] = (Path(VERGELIJK).resolve(), {})
        servers, poorten = {}, {}
        try:
            for versie, (checkout, omgeving) in versies.items():
                poorten[versie] = vrije_poort()
                servers[versie] = gunicorn_starten(poorten[versie], workers=WORKERS, checkout=checkout, omgeving=omgeving)
            cookies = {
                versie: {"regisseur": inloggen(poort, "demo-regisseur"), "gemeente": inloggen(poort, "demo-gemeente")}
                for versie, poort in poorten.items()
            }
            lijst = schermen(rin, aantal)
            print(
                f"Screens on gunicorn ({WORKERS} sync workers) + PostGIS, demo region with {aantal} parks, "
                f"{os.cpu_count()} CPUs; client threads on the same machine."
                + (f" Compared in the same run with {VERGELIJK} (measured alternately, screen by screen)." if VERGELIJK else "")
            )
            for clients in (1, 20):
                resultaten = {versie: [] for versie in versies}
                for naam, pad, rol in lijst:
                    for versie in versies:
                        resultaten[versie].append((naam, *meet_latenties(poorten[versie], pad, cookies[versie][rol], clients)))
                for versie, rijen in resultaten.items():
                    basis_p50, basis_p95 = rijen[0][1], rijen[0][2]
                    achter = f", {versie}" if versie else ""
                    print(f"\n{clients} concurrent client(s), {AANTAL[clients]} requests per row{achter}:")
                    print("| screen | p50 | p95 | req/s | p50 / floor p50 | p95 / floor p95 |")
                    print("|---|---:|---:|---:|---:|---:|")
                    for naam, p50, p95, rps in rijen:
                        meting(
                            f"{naam}, {clients} client(s){achter}",
                            f"{p50 * 1000:.1f} ms",
                            f"floor: p50 {basis_p50 * 1000:.1f} ms, p95 {basis_p95 * 1000:.1f} ms",
                            f"{p50 / basis_p50:.1f}×",
                            p95=f"{p95 * 1000:.1f} ms",
                            verhouding_p95=f"{p95 / basis_p95:.1f}×",
                        )
                        print(
                            f"| {naam} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {rps:.0f} | "
                            f"{p50 / basis_p50:.1f}× | {p95 / basis_p95:.1f}× |"
                        )
                if VERGELIJK:
                    nu, voor = resultaten[""], resultaten[list(versies)[-1]]
                    print(f"\n{clients} client(s), before → after (ratios against each version's own floor):")
                    print("| screen | p50 before | p50 after | p95 before | p95 after | p50/floor before | p50/floor after |")
                    print("|---|---:|---:|---:|---:|---:|---:|")
                    for (naam, p50_na, p95_na, _r), (_n, p50_voor, p95_voor, _r2) in zip(nu, voor, strict=True):
                        print(
                            f"| {naam} | {p50_voor * 1000:.1f} ms | {p50_na * 1000:.1f} ms | {p95_voor * 1000:.1f} ms | "
                            f"{p95_na * 1000:.1f} ms | {p50_voor / voor[0][1]:.1f}× | {p50_na / nu[0][1]:.1f}× |"
                        )
        finally:
            for proces in servers.values():
                proces.terminate()
                proces.wait(timeout=30)
        sys.stdout.flush()


if __name__ == "__main__":
    main()

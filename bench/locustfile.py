"""Load mix for bench/lasttest.py: 70% web pages, 20% API, 10% factsheet downloads (loopback only)."""

import os
import random
import re

from locust import HttpUser, between, task

RINS = [int(r) for r in os.environ["LAST_RINS"].split(",")]
FACTSHEET_RINS = [int(r) for r in os.environ["LAST_FACTSHEET_RINS"].split(",")]
API_SLEUTEL = os.environ["LAST_API_SLEUTEL"]
GEBRUIKER = os.environ.get("LAST_GEBRUIKER", "demo-regisseur")
WACHTWOORD = os.environ["LAST_WACHTWOORD"]


class Gebruiker(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        pagina = self.client.get("/inloggen/", name="login (GET)")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.text).group(1)
        self.client.post(
            "/inloggen/",
            {"username": GEBRUIKER, "password": WACHTWOORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/inloggen/"},
            name="login (POST)",
        )

    # 70% pages: dashboard, list, filtered list, detail, map data
    @task(14)
    def dashboard(self):
        self.client.get("/", name="pagina: dashboard")

    @task(14)
    def lijst(self):
        self.client.get("/terreinen/", name="pagina: lijst")

    @task(14)
    def lijst_gefilterd(self):
        self.client.get("/terreinen/?provincie=PV23&sortering=-vraag_2030", name="pagina: lijst gefilterd")

    @task(21)
    def detail(self):
        self.client.get(f"/terreinen/{random.choice(RINS)}/", name="pagina: detail")

    @task(7)
    def kaart(self):
        self.client.get("/kaart/terreinen.geojson", name="pagina: kaart-GeoJSON")

    # 20% API
    @task(10)
    def api_lijst(self):
        self.client.get("/api/v1/bedrijventerreinen?pageSize=50", headers={"X-Api-Key": API_SLEUTEL}, name="api: lijst")

    @task(10)
    def api_detail(self):
        self.client.get(
            f"/api/v1/bedrijventerreinen/{random.choice(RINS)}", headers={"X-Api-Key": API_SLEUTEL}, name="api: detail"
        )

    # 10% factsheet downloads
    @task(10)
    def factsheet(self):
        self.client.get(f"/factsheets/terreinen/{random.choice(FACTSHEET_RINS)}/factsheet.pdf", name="factsheet: download")

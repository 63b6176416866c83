"""deploy/Caddyfile, as Caddy itself reads it (`caddy adapt`): the proxy's own headers and no Server banner.

The running proxy is exercised end to end by `make e2e` (tests_e2e/reis_rollen.py).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_the_caddyfile_sets_the_request_id_itself_strips_server_and_redirects_http():
    omgeving = {
        **os.environ,
        "NAL_PROXY_HOST": "laadinfra.example.nl",
        "NAL_PROXY_UPSTREAM": "web:8000",
        "NAL_PROXY_HTTPS_POORT": "443",
        "NAL_PROXY_HTTP_POORT": "80",
        "NAL_TLS_CERT": "/app/tls/cert.pem",
        "NAL_TLS_KEY": "/app/tls/key.pem",
    }
    caddy = shutil.which("caddy")
    assert caddy, "caddy is installed by scripts/bootstrap.sh test"
    uit = subprocess.run(  # noqa: S603 - fixed arguments
        [caddy, "adapt", "--adapter", "caddyfile", "--config", str(ROOT / "deploy" / "Caddyfile")],
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    config = json.loads(uit.stdout)
    assert config["admin"] == {"disabled": True}
    tekst = json.dumps(config)
    assert '"request": {"set": {"X-Request-Id": ["{http.request.uuid}"]}}' in tekst
    assert '"dial": "web:8000"' in tekst
    assert tekst.count('"delete": ["Server"]') == 3  # HTTPS site, gunicorn's answers, HTTP redirect
    assert '"Location": ["https://{http.request.host}:443{http.request.uri}"]' in tekst
    # Caddy does not trust X-Forwarded-* from clients unless told to: nothing in the file tells it to.
    assert "trusted_proxies" not in tekst
    bestanden = config["apps"]["tls"]["certificates"]["load_files"]
    assert [(b["certificate"], b["key"]) for b in bestanden] == [("/app/tls/cert.pem", "/app/tls/key.pem")]

"""The production compose file, checked with the compose client (no Docker engine runs here)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _compose_v2() -> bool:
    docker = shutil.which("docker")
    return bool(docker) and subprocess.run([docker, "compose", "version"], capture_output=True, check=False).returncode == 0


@pytest.fixture(scope="module")
def compose(tmp_path_factory):
    """`docker-compose config` output for the committed compose file with the documented .env.example."""
    map_ = tmp_path_factory.mktemp("compose")
    for naam in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(ROOT / naam, map_ / naam)
    # `docker compose config` with the v2 client where it is installed, else the v1 client (Debian 12).
    opdracht = ["docker", "compose", "config"] if _compose_v2() else ["docker-compose", "config"]
    shutil.copy(ROOT / ".env.example", map_ / ".env")
    uit = subprocess.run(opdracht, cwd=map_, capture_output=True, text=True, check=False)
    assert uit.returncode == 0, uit.stderr
    return yaml.safe_load(uit.stdout)


APP_DIENSTEN = ("migrate", "web", "worker", "beat", "proxy")


def test_compose_has_the_production_services_from_one_image(compose):
    diensten = compose["services"]
    assert set(diensten) == {"db", "redis", *APP_DIENSTEN}
    images = {diensten[n]["image"] for n in APP_DIENSTEN}
    assert images == {"nal-oost:latest"}


def procfile() -> dict[str, list[str]]:
    regels = (ROOT / "Procfile").read_text().splitlines()
    return {naam: opdracht.split() for naam, _, opdracht in (r.partition(": ") for r in regels if r and not r.startswith("#"))}


def test_every_process_is_started_with_the_command_of_the_procfile(compose):
    processen = procfile()
    assert processen == {
        "release": ["scripts/proces.sh", "migrate"],
        **{naam: ["scripts/proces.sh", naam] for naam in ("web", "worker", "beat", "proxy")},
    }
    diensten = compose["services"]
    assert diensten["migrate"]["command"] == processen["release"]
    for naam in ("web", "worker", "beat", "proxy"):
        assert diensten[naam]["command"] == processen[naam], naam
    # The systemd units start the same commands.
    for naam in ("web", "worker", "beat", "proxy"):
        unit = (ROOT / "deploy" / "systemd" / f"nal-oost-{naam}.service").read_text()
        assert f"ExecStart=/opt/nal-oost/scripts/proces.sh {naam}\n" in unit, naam
    assert "ExecStart=/opt/nal-oost/scripts/proces.sh migrate\n" in (ROOT / "deploy/systemd/nal-oost-migrate.service").read_text()


def test_only_the_proxy_is_published_and_it_terminates_tls_in_front_of_web(compose):
    diensten = compose["services"]
    gepubliceerd = {naam for naam, dienst in diensten.items() if dienst.get("ports")}
    assert gepubliceerd == {"proxy"}
    poorten = {str(p.get("target") if isinstance(p, dict) else p.split(":")[-1]) for p in diensten["proxy"]["ports"]}
    assert poorten == {"80", "443"}
    proxy = diensten["proxy"]["environment"]
    assert proxy["NAL_PROXY_UPSTREAM"] == "web:8000" and proxy["NAL_TLS_CERT"].endswith("cert.pem")
    # The proxy does not get the application's secrets.
    assert "SECRET_KEY" not in proxy and "env_file" not in diensten["proxy"]
    assert diensten["web"]["environment"]["NAL_PROXY_AANTAL"] == "1"


def test_the_web_healthcheck_asks_gunicorn_over_plain_http_without_redirect_or_host_error(compose):
    assert compose["services"]["web"]["healthcheck"]["test"] == ["CMD", "scripts/proces.sh", "gezond"]
    assert compose["services"]["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"


def test_the_image_collects_static_files_at_build_time_and_its_runtime_stage_has_no_dev_tools():
    dockerfile = (ROOT / "Dockerfile").read_text()
    bouw, _, runtime = dockerfile.partition("FROM debian:12-slim AS runtime")
    assert "FROM debian:12-slim AS bouw" in bouw and runtime
    assert "pip install --require-hashes --no-deps -r requirements.lock" in bouw
    assert "npm ci" in bouw and "collectstatic" in bouw
    assert "COPY --from=bouw /app/static-verzameld /app/static" in runtime and "NAL_STATIC_IN_IMAGE=1" in runtime
    assert "postgresql-client-15" in runtime
    for gereedschap in ("requirements-dev", "pytest", "playwright", "locust", "npm", "pip install"):
        assert gereedschap not in runtime, gereedschap
    genegeerd = (ROOT / ".dockerignore").read_text().split()
    assert {"tests", "tests_e2e", "bench", ".env", "tls"} <= set(genegeerd)


def test_database_has_a_healthcheck_and_named_volumes_keep_data_and_media(compose):
    assert "pg_isready" in " ".join(compose["services"]["db"]["healthcheck"]["test"])
    assert {"db", "media", "redis"} <= set(compose["volumes"])
    # Volumes are "source:target" strings in compose v1's output, mappings in v2's.
    bronnen = [v["source"] if isinstance(v, dict) else v.split(":")[0] for v in compose["services"]["worker"]["volumes"]]
    assert "media" in bronnen


def test_redis_never_evicts_broker_keys(compose):
    assert "noeviction" in compose["services"]["redis"]["command"]


def test_workers_can_be_scaled(compose):
    worker = compose["services"]["worker"]
    # --scale worker=N needs no fixed name and no published port.
    assert "container_name" not in worker and "ports" not in worker
    # The command is the Procfile's; scripts/proces.sh runs a Celery worker for it.
    assert worker["command"] == ["scripts/proces.sh", "worker"]
    proces = (ROOT / "scripts" / "proces.sh").read_text()
    assert re.search(r"^  worker\)\n    exec \"\$bin/celery\" -A nal_oost worker ", proces, re.MULTILINE)


def test_every_setting_the_compose_file_reads_is_documented_in_env_example():
    documented = {r.split("=", 1)[0].lstrip("# ").strip() for r in (ROOT / ".env.example").read_text().splitlines() if "=" in r}
    gebruikt = set()
    for regel in (ROOT / "docker-compose.yml").read_text().splitlines():
        gebruikt.update(w.split(":")[0].split("}")[0] for w in regel.split("${")[1:])
    assert gebruikt <= documented

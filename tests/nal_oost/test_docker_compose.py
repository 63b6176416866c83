"""The production compose file, checked with the compose client (no Docker engine runs here)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def compose(tmp_path_factory):
    """`docker-compose config` output for the committed compose file with the documented .env.example."""
    map_ = tmp_path_factory.mktemp("compose")
    for naam in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(ROOT / naam, map_ / naam)
    shutil.copy(ROOT / ".env.example", map_ / ".env")
    uit = subprocess.run(["docker-compose", "config"], cwd=map_, capture_output=True, text=True, check=False)  # noqa: S607
    assert uit.returncode == 0, uit.stderr
    return yaml.safe_load(uit.stdout)


def test_compose_has_the_production_services_from_one_image(compose):
    diensten = compose["services"]
    assert set(diensten) == {"db", "redis", "migrate", "web", "worker", "beat"}
    images = {diensten[n]["image"] for n in ("migrate", "web", "worker", "beat")}
    assert images == {"nal-oost:latest"}


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
    assert "celery" in " ".join(worker["command"])


def test_every_setting_the_compose_file_reads_is_documented_in_env_example():
    documented = {r.split("=", 1)[0].lstrip("# ").strip() for r in (ROOT / ".env.example").read_text().splitlines() if "=" in r}
    gebruikt = set()
    for regel in (ROOT / "docker-compose.yml").read_text().splitlines():
        gebruikt.update(w.split(":")[0].split("}")[0] for w in regel.split("${")[1:])
    assert gebruikt <= documented

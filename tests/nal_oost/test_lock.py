"""The lock files: every Python package pinned with hashes, runtime and dev tools apart (`make lock` regenerates)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEV_GEREEDSCHAP = {"pytest", "pytest-django", "playwright", "locust", "ruff", "schemathesis", "factory-boy", "pip-tools"}


def naam(tekst: str) -> str:
    return re.sub(r"[-_.]+", "-", tekst).lower()


def vereisten(pad: Path) -> dict[str, str]:
    """name -> pinned version of an .in file (extras stripped; -r/-c lines skipped)."""
    uit = {}
    for regel in pad.read_text().splitlines():
        regel = regel.split("#")[0].strip()
        if not regel or regel.startswith("-"):
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^\s;]+)", regel)
        assert m, f"{pad.name}: not pinned with ==: {regel}"
        uit[naam(m.group(1))] = m.group(3)
    return uit


def lock(pad: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of a pip-compile --generate-hashes file."""
    uit, huidig = {}, None
    for regel in pad.read_text().splitlines():
        if m := re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", regel):
            huidig = naam(m.group(1))
            uit[huidig] = (m.group(2), 0)
        elif huidig and "--hash=sha256:" in regel:
            versie, aantal = uit[huidig]
            uit[huidig] = (versie, aantal + 1)
    return uit


@pytest.mark.parametrize(
    ("invoer", "lockbestand"), [("requirements.in", "requirements.lock"), ("requirements-dev.in", "requirements-dev.lock")]
)
def test_every_requirement_is_in_its_lock_file_at_the_same_version(invoer, lockbestand):
    gelockt = lock(ROOT / lockbestand)
    verschil = {
        p: (v, gelockt.get(p, ("ontbreekt",))[0]) for p, v in vereisten(ROOT / invoer).items() if gelockt.get(p, ("",))[0] != v
    }
    assert verschil == {}, f"run `make lock`: {verschil}"


@pytest.mark.parametrize("lockbestand", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_hashes(lockbestand):
    gelockt = lock(ROOT / lockbestand)
    assert len(gelockt) > 40
    assert [p for p, (_v, hashes) in gelockt.items() if hashes == 0] == []


def test_the_runtime_lock_has_no_dev_tools_and_the_dev_lock_uses_the_same_runtime_versions():
    runtime, dev = lock(ROOT / "requirements.lock"), lock(ROOT / "requirements-dev.lock")
    assert DEV_GEREEDSCHAP & set(runtime) == set()
    assert set(dev) >= DEV_GEREEDSCHAP
    assert {p: v for p, (v, _h) in runtime.items()} == {p: dev[p][0] for p in runtime}


def test_bootstrap_installs_only_from_the_lock_files_with_hashes():
    bootstrap = (ROOT / "scripts" / "bootstrap.sh").read_text()
    installs = [r for r in bootstrap.splitlines() if "pip install" in r and not r.strip().startswith(("#", "echo"))]
    assert installs and all("--require-hashes" in r for r in installs), installs
    assert "requirements.txt" not in bootstrap

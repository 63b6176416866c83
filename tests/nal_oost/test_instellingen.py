"""Every setting the code reads from the environment is documented: in .env.example (with a one-line
meaning) and in the README's "Instellingen" table (with meaning and default). A new setting without
an entry fails here."""

import ast
import os
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Tests and measurement scripts have their own knobs; they are not settings of the application.
NIET_DE_APPLICATIE = {".git", ".venv", "node_modules", "var", "tests", "tests_e2e", "bench", "static", "templates", "locale"}
ENV_FUNCTIES = {"env", "env_bool", "env_list"}
OS_ENVIRON_LEZEN = {"get", "setdefault", "pop"}
ENTRY = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=")


def _python_bestanden():
    for map_, mappen, bestanden in os.walk(ROOT):
        mappen[:] = sorted(m for m in mappen if m not in NIET_DE_APPLICATIE and not m.startswith("."))
        for naam in sorted(bestanden):
            if naam.endswith(".py"):
                yield Path(map_) / naam


def _is_os_environ(knoop) -> bool:
    return isinstance(knoop, ast.Attribute) and knoop.attr == "environ" and getattr(knoop.value, "id", None) == "os"


def _naam(knoop) -> str | None:
    """The variable name when `knoop` reads the environment: env("X"), os.environ.get("X"), os.environ["X"], os.getenv("X")."""
    if isinstance(knoop, ast.Call) and knoop.args and isinstance(knoop.args[0], ast.Constant):
        functie = knoop.func
        leest = (
            (isinstance(functie, ast.Name) and functie.id in ENV_FUNCTIES)
            or (isinstance(functie, ast.Attribute) and _is_os_environ(functie.value) and functie.attr in OS_ENVIRON_LEZEN)
            or (isinstance(functie, ast.Attribute) and functie.attr == "getenv" and getattr(functie.value, "id", None) == "os")
        )
        return knoop.args[0].value if leest else None
    if isinstance(knoop, ast.Subscript) and _is_os_environ(knoop.value) and isinstance(knoop.slice, ast.Constant):
        return knoop.slice.value
    return None


def gelezen_instellingen() -> dict[str, str]:
    """{name: first file that reads it}."""
    gevonden = {}
    for pad in _python_bestanden():
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))):
            naam = _naam(knoop)
            if isinstance(naam, str):
                gevonden.setdefault(naam, str(pad.relative_to(ROOT)))
    return gevonden


def env_example() -> dict[str, str]:
    """{name: the comment line above its entry}."""
    regels = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    uit = {}
    for i, regel in enumerate(regels):
        treffer = ENTRY.match(regel)
        if treffer:
            vorige = regels[i - 1] if i else ""
            uit[treffer.group(1)] = vorige[1:].strip() if vorige.startswith("#") and not ENTRY.match(vorige) else ""
    return uit


def readme_instellingen() -> dict[str, list[str]]:
    """{name: [meaning, default]} from the table in the README's "Instellingen" section."""
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    sectie = tekst.split("\n## Instellingen\n", 1)[1].split("\n## ", 1)[0]
    uit = {}
    for regel in sectie.splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if not regel.startswith("|") or len(cellen) < 3 or set(cellen[0]) <= {"-", " "}:
            continue
        for naam in re.findall(r"`([A-Z][A-Z0-9_]*)`", cellen[0]):
            uit[naam] = cellen[1:3]
    return uit


def test_the_source_scan_finds_settings_in_every_kind_of_place():
    gelezen = gelezen_instellingen()
    # env() in the settings, os.environ.get in an app module, os.environ.setdefault in manage.py.
    assert {"SECRET_KEY", "AXES_FAILURE_LIMIT", "NAL_DEMO_PASSWORD", "DJANGO_SETTINGS_MODULE"} <= set(gelezen)
    assert gelezen["NAL_DEMO_PASSWORD"] == "nal_oost/demo.py"


def test_every_setting_the_code_reads_is_in_env_example_with_its_meaning():
    gelezen, gedocumenteerd = gelezen_instellingen(), env_example()
    ontbreekt = {naam: bestand for naam, bestand in gelezen.items() if naam not in gedocumenteerd}
    assert not ontbreekt, f"zet deze instellingen met hun betekenis in .env.example: {ontbreekt}"
    zonder_uitleg = [naam for naam in gelezen if len(gedocumenteerd[naam]) < 15]
    assert not zonder_uitleg, f"geef deze instellingen in .env.example een regel uitleg erboven: {zonder_uitleg}"


def test_every_setting_the_code_reads_is_in_the_readme_table_with_meaning_and_default():
    gelezen, tabel = gelezen_instellingen(), readme_instellingen()
    ontbreekt = sorted(set(gelezen) - set(tabel))
    assert not ontbreekt, f"zet deze instellingen in de tabel onder 'Instellingen' in README.md: {ontbreekt}"
    onvolledig = [naam for naam in gelezen if not all(tabel[naam])]
    assert not onvolledig, f"geef deze instellingen in README.md een betekenis en een standaard: {onvolledig}"

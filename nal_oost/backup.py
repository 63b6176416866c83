"""Backups of the database and the uploaded files, and restoring them into an empty database.

A backup is a folder with `database.dump` (pg_dump custom format) or `database.sqlite3`
(SpatiaLite), `media.tar.gz`, and `manifest.json` holding the row count of every table, so a
restore can prove it brought back what was saved. The counts come from the same snapshot as the
dump, so they hold while the application keeps running.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

from nal_oost import bewaren

MANIFEST = "manifest.json"


class BackupFout(Exception):
    pass


def _tabellen() -> list[str]:
    return sorted({m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy})


def rijen_tellen(cursor, tabellen: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    tellingen = {}
    for tabel in tabellen:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(tabel)}")  # noqa: S608 - table names come from the models
        tellingen[tabel] = cursor.fetchone()[0]
    return tellingen


def _is_postgres(db: dict) -> bool:
    return "postg" in db["ENGINE"]


def _pg_omgeving(db: dict) -> dict:
    omgeving = dict(os.environ)
    for sleutel, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(sleutel):
            omgeving[var] = str(db[sleutel])
    return omgeving


def _pg_verbinding(db: dict):
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def _uitvoeren(opdracht: list[str], omgeving: dict) -> None:
    proces = subprocess.run(opdracht, env=omgeving, capture_output=True, text=True, check=False)  # noqa: S603
    if proces.returncode != 0:
        raise BackupFout(f"{opdracht[0]} faalde ({proces.returncode}): {proces.stderr.strip()[-2000:]}")


def _pg_dump_met_tellingen(db: dict, tabellen: list[str], bestand: Path) -> dict[str, int]:
    """pg_dump and the row counts from one snapshot, so they agree while the application keeps writing.

    A REPEATABLE READ transaction exports its snapshot (pg_export_snapshot), counts the rows in it and
    stays open while pg_dump reads the same snapshot (--snapshot).
    """
    import psycopg

    with _pg_verbinding(db) as verbinding:
        verbinding.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        verbinding.read_only = True
        with verbinding.cursor() as cursor:
            snapshot = cursor.execute("SELECT pg_export_snapshot()").fetchone()[0]
            tellingen = rijen_tellen(cursor, tabellen)
            _uitvoeren(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={bestand}",
                    db["NAME"],
                ],
                _pg_omgeving(db),
            )
        verbinding.rollback()
    return tellingen


def backup_maken(*, doelmap: Path | None = None) -> Path:
    """Write a backup folder (default var/backups/<timestamp>) and return its path."""
    db = connection.settings_dict
    doelmap = Path(doelmap or Path(settings.BASE_DIR) / "var" / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S"))
    doelmap.mkdir(parents=True, exist_ok=False)
    tabellen = _tabellen()
    if _is_postgres(db):
        tellingen = _pg_dump_met_tellingen(db, tabellen, doelmap / "database.dump")
    else:
        bron = sqlite3.connect(db["NAME"])
        doel = sqlite3.connect(doelmap / "database.sqlite3")
        with doel:
            bron.backup(doel)
        bron.close()
        # Counted in the copy itself: the counts describe exactly what was saved.
        tellingen = rijen_tellen(doel.cursor(), tabellen)
        doel.close()
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(doelmap / "media.tar.gz", "w:gz") as tar:
        if media.is_dir():
            tar.add(media, arcname="media")
    manifest = {"gemaakt_op": datetime.now().astimezone().isoformat(), "engine": db["ENGINE"], "rijen": tellingen}
    (doelmap / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return doelmap


def backup_terugzetten(*, bronmap: Path, db: dict | None = None, media_root: Path | None = None) -> dict[str, int]:
    """Restore a backup folder into an EMPTY database and media folder; returns the row counts found after restoring.

    Refuses to overwrite a database that already has tables, or a media folder with files.
    """
    bronmap = Path(bronmap)
    manifest = json.loads((bronmap / MANIFEST).read_text(encoding="utf-8"))
    db = db or connection.settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupFout(f"de mediamap {media_root} is niet leeg; zet terug in een lege map")
    if _is_postgres(db):
        omgeving = _pg_omgeving(db)
        with _pg_verbinding(db) as verbinding:
            aantal = verbinding.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema='public' AND table_name <> 'spatial_ref_sys'"
            ).fetchone()[0]
        if aantal:
            raise BackupFout(f"database {db['NAME']} is niet leeg ({aantal} tabellen); zet terug in een lege database")
        _uitvoeren(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={db['NAME']}",
                str(bronmap / "database.dump"),
            ],
            omgeving,
        )
        with _pg_verbinding(db) as verbinding:
            gevonden = {t: verbinding.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in manifest["rijen"]}  # noqa: S608
    else:
        doel = Path(db["NAME"])
        if doel.exists() and doel.stat().st_size:
            raise BackupFout(f"databasebestand {doel} bestaat al; zet terug naar een nieuw bestand")
        shutil.copyfile(bronmap / "database.sqlite3", doel)
        with sqlite3.connect(doel) as verbinding:
            gevonden = {t: verbinding.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in manifest["rijen"]}  # noqa: S608
    # The database was written past Django: no answer kept before the restore may be served after it, also when a
    # check below fails.
    bewaren.gegevens_gewijzigd()
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bronmap / "media.tar.gz", "r:gz") as tar:
        leden = []
        for lid in tar.getmembers():
            if not (lid.name == "media" or lid.name.startswith("media/")):
                continue
            # Python 3.11.2 (Debian 12) has no extraction filters: allow only plain files and folders inside the target.
            relatief = lid.name.removeprefix("media").lstrip("/") or "."
            if not (lid.isfile() or lid.isdir()) or ".." in Path(relatief).parts:
                raise BackupFout(f"onveilig item in media.tar.gz: {lid.name}")
            lid.name = relatief
            leden.append(lid)
        tar.extractall(media_root, members=leden)  # noqa: S202 - members checked above
    verschillen = {t: (n, gevonden.get(t)) for t, n in manifest["rijen"].items() if gevonden.get(t) != n}
    if verschillen:
        raise BackupFout(f"aantallen wijken af na terugzetten: {verschillen}")
    return gevonden

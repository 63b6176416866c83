import uuid
from io import StringIO

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from plankaarten.models import Plankaart
from stappenplan.models import Traject
from terreinen.models import Bedrijventerrein
from tests.factories import BedrijventerreinFactory, PlankaartFactory, traject_zetten

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lege_database():
    naam = f"nal_oost_restore_{uuid.uuid4().hex[:8]}"
    instellingen = connection.settings_dict
    beheer = psycopg.connect(
        dbname="postgres",
        host=instellingen["HOST"],
        port=instellingen["PORT"] or None,
        user=instellingen["USER"],
        autocommit=True,
    )
    beheer.execute(f'CREATE DATABASE "{naam}"')
    yield f"postgis://{instellingen['USER']}@{instellingen['HOST']}:{instellingen['PORT'] or 5432}/{naam}", naam
    beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    beheer.close()


def test_a_backup_restored_into_a_fresh_database_has_the_same_parks_plankaarten_trajecten_and_files(
    tmp_path, settings, lege_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "documenten").mkdir(parents=True)
    (tmp_path / "media" / "documenten" / "projectplan.pdf").write_bytes(b"%PDF-1.7 test")
    terreinen = BedrijventerreinFactory.create_batch(3, met_geometrie=True)
    for terrein in terreinen:
        PlankaartFactory(terrein=terrein)
        traject_zetten(terrein=terrein, stap=2)

    call_command("backup", "--map", str(tmp_path / "backup"), stdout=StringIO())
    url, naam = lege_database
    uitvoer = StringIO()
    call_command(
        "restore", str(tmp_path / "backup"), "--database-url", url, "--media-root", str(tmp_path / "terug"), stdout=uitvoer
    )

    assert "aantallen gelijk aan de back-up" in uitvoer.getvalue()
    with psycopg.connect(dbname=naam, host=connection.settings_dict["HOST"], user=connection.settings_dict["USER"]) as db:
        rins = sorted(r[0] for r in db.execute(f"SELECT rin FROM {Bedrijventerrein._meta.db_table}"))
        assert rins == sorted(t.rin for t in terreinen)
        assert db.execute(f"SELECT count(*) FROM {Plankaart._meta.db_table}").fetchone()[0] == 3
        assert db.execute(f"SELECT count(*) FROM {Traject._meta.db_table} WHERE stap = 2").fetchone()[0] == 3
        # Geometry survives as PostGIS geometry in RD New.
        assert db.execute(f"SELECT ST_SRID(geometrie) FROM {Bedrijventerrein._meta.db_table} LIMIT 1").fetchone()[0] == 28992
    assert (tmp_path / "terug" / "documenten" / "projectplan.pdf").read_bytes() == b"%PDF-1.7 test"


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    BedrijventerreinFactory()
    call_command("backup", "--map", str(tmp_path / "backup"), stdout=StringIO())
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(tmp_path / "backup"), "--media-root", str(tmp_path / "terug"), stdout=StringIO())


def test_rows_written_while_pg_dump_runs_leave_the_counts_and_the_dump_in_agreement(
    tmp_path, settings, lege_database, monkeypatch
):
    """On a live system rows keep arriving: the counts must describe the dump, not the moment before it."""
    from nal_oost import backup

    settings.MEDIA_ROOT = tmp_path / "media"
    BedrijventerreinFactory.create_batch(2)
    echt_uitvoeren = backup._uitvoeren

    def terwijl_de_dump_begint(opdracht, omgeving):
        if opdracht[0] == "pg_dump":
            BedrijventerreinFactory()  # committed by the application in the meantime (no test transaction here)
        echt_uitvoeren(opdracht, omgeving)

    monkeypatch.setattr(backup, "_uitvoeren", terwijl_de_dump_begint)
    call_command("backup", "--map", str(tmp_path / "backup"), stdout=StringIO())
    assert Bedrijventerrein.objects.count() == 3
    url, naam = lege_database
    call_command(
        "restore", str(tmp_path / "backup"), "--database-url", url, "--media-root", str(tmp_path / "terug"), stdout=StringIO()
    )
    with psycopg.connect(dbname=naam, host=connection.settings_dict["HOST"], user=connection.settings_dict["USER"]) as db:
        assert db.execute(f"SELECT count(*) FROM {Bedrijventerrein._meta.db_table}").fetchone()[0] == 2

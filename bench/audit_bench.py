"""What the audit trail costs on ordinary saves of a park (the edit screens' path).

Baseline in the same run: the same saves with the audit signal handlers disconnected, so the
ratio shows what the pre-save read and the audit row add. Bulk imports bypass signals and are
not affected (see import_bench.py).
"""

from _opzet import meet, tabel, testdatabase
from django.db.models.signals import post_save, pre_save

from audit import signals as audit_signals
from terreinen.models import Bedrijventerrein, Gemeente, Provincie

AANTAL = 200


def main():
    with testdatabase():
        provincie = Provincie.objects.get(code="PV25")
        gemeente = Gemeente.objects.create(code="GM0200", naam="Apeldoorn", provincie=provincie)
        terreinen = [
            Bedrijventerrein.objects.create(rin=900_000 + i, naam=f"Bench {i}", gemeente=gemeente) for i in range(AANTAL)
        ]
        teller = {"n": 0}

        def wijzigen():
            teller["n"] += 1
            for terrein in terreinen:
                terrein.aantal_bedrijven = teller["n"]
                terrein.save()

        def ongewijzigd():
            for terrein in terreinen:
                terrein.save()

        met_wijziging = meet(wijzigen)
        met_ongewijzigd = meet(ongewijzigd)
        uid = "audit.terreinen.bedrijventerrein"
        pre_save.disconnect(dispatch_uid=f"{uid}.pre_save", sender=Bedrijventerrein)
        post_save.disconnect(dispatch_uid=f"{uid}.post_save", sender=Bedrijventerrein)
        zonder_wijziging = meet(wijzigen)
        zonder_ongewijzigd = meet(ongewijzigd)
        audit_signals.verbind(Bedrijventerrein)
    print(f"Audit trail on {AANTAL} single park saves on PostGIS (median of 3 runs each):")
    print(
        tabel(
            [
                (f"{AANTAL} saves with a changed field, audited", met_wijziging, "without audit", zonder_wijziging),
                (f"{AANTAL} saves without changes, audited", met_ongewijzigd, "without audit", zonder_ongewijzigd),
            ]
        )
    )


if __name__ == "__main__":
    main()

from nal_oost.importeren import ImportCommand
from terreinen.services.criteria_importeren import criteria_importeren


class Command(ImportCommand):
    help = (
        "Importeer criteria en netgegevens van bestaande terreinen (XLSX of CSV, per RIN); "
        "een lege cel laat de waarde staan, 'onbekend' wist haar; --dry-run telt alleen."
    )

    def importeer(self, pad, dry_run):
        return criteria_importeren(pad=pad, dry_run=dry_run)

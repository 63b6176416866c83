from nal_oost.importeren import ImportCommand
from plankaarten.services import plankaarten_importeren


class Command(ImportCommand):
    help = "Importeer plankaarten (CSV of XLSX, één rij per RIN, zichtjaar en scenario) als nieuwe versie."

    def importeer(self, pad, dry_run):
        return plankaarten_importeren(pad=pad, dry_run=dry_run)

from nal_oost.importeren import ImportCommand
from terreinen.services.importeren import gemeenten_importeren


class Command(ImportCommand):
    help = "Importeer CBS-gemeenten (GeoJSON of CSV); --dry-run telt alleen."

    def importeer(self, pad, dry_run):
        return gemeenten_importeren(pad=pad, dry_run=dry_run)

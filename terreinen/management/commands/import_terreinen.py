from nal_oost.importeren import ImportCommand
from terreinen.services.importeren import terreinen_importeren


class Command(ImportCommand):
    help = "Importeer IBIS-bedrijventerreinen (CSV, GeoJSON, GeoPackage, Shapefile); --dry-run telt alleen."

    def importeer(self, pad, dry_run):
        return terreinen_importeren(pad=pad, dry_run=dry_run)

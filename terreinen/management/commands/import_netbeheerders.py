from nal_oost.importeren import ImportCommand
from terreinen.services.netbeheerders import netbeheerders_importeren


class Command(ImportCommand):
    help = (
        "Importeer de netbeheerder per gemeente (CSV) en leid daaruit de netbeheerder van terreinen af "
        "(EENDUIDIG/OVERWEGEND); handmatig ingevulde waarden blijven staan. --dry-run telt alleen."
    )

    def importeer(self, pad, dry_run):
        return netbeheerders_importeren(pad=pad, dry_run=dry_run)

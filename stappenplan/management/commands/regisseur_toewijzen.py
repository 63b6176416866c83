from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from stappenplan.models import Traject
from stappenplan.services import regisseur_toewijzen


class Command(BaseCommand):
    help = "Wijs een regisseur toe aan veel terreinen tegelijk (per gemeente, provincie of RIN-nummer)."

    def add_arguments(self, parser):
        parser.add_argument("regisseur", help="gebruikersnaam van de regisseur; '-' om de regisseur weg te halen")
        parser.add_argument("--gemeente", action="append", default=[], metavar="GMxxxx")
        parser.add_argument("--provincie", action="append", default=[], metavar="PVxx")
        parser.add_argument("--rin", action="append", default=[], type=int, metavar="RIN")
        parser.add_argument("--alleen-zonder", action="store_true", help="alleen terreinen die nog geen regisseur hebben")
        parser.add_argument("--alle", action="store_true", help="alle terreinen (zonder verdere selectie)")

    def handle(self, *args, **o):
        if not (o["gemeente"] or o["provincie"] or o["rin"] or o["alle"]):
            raise CommandError("Kies terreinen met --gemeente, --provincie, --rin of --alle.")
        regisseur = None
        if o["regisseur"] != "-":
            try:
                regisseur = get_user_model().objects.get(username=o["regisseur"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"Onbekende gebruiker '{o['regisseur']}'.") from exc
        qs = Traject.objects.all()
        if o["gemeente"]:
            qs = qs.filter(terrein__gemeente__code__in=[c.upper() for c in o["gemeente"]])
        if o["provincie"]:
            qs = qs.filter(terrein__gemeente__provincie__code__in=[c.upper() for c in o["provincie"]])
        if o["rin"]:
            onbekend = set(o["rin"]) - set(
                Traject.objects.filter(terrein__rin__in=o["rin"]).values_list("terrein__rin", flat=True)
            )
            if onbekend:
                raise CommandError(f"Onbekende RIN-nummer(s): {', '.join(map(str, sorted(onbekend)))}.")
            qs = qs.filter(terrein__rin__in=o["rin"])
        try:
            aantal = regisseur_toewijzen(trajecten=qs, regisseur=regisseur, alleen_zonder=o["alleen_zonder"])
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"{aantal} traject(en) bijgewerkt ({qs.count()} geselecteerd).")

from decimal import Decimal

from django.db import migrations

ELAAD = "ElaadNL Outlook 'Bedrijventerreinen in beweging' (2022), via Nederland Elektrisch"
EIGEN = "Aanname NAL Oost demo-model (geen gepubliceerde bron)"

AANNAMES = [
    ("vrachtwagens-nl-2030", "Elektrische vrachtwagens in Nederland, 2030", "24000", "voertuigen", "", ELAAD),
    ("vrachtwagens-nl-2050", "Elektrische vrachtwagens in Nederland, 2050", "113000", "voertuigen", "", ELAAD),
    ("bestelwagens-nl-2030", "Elektrische bestelwagens in Nederland, 2030", "225000", "voertuigen", "", ELAAD),
    ("bestelwagens-nl-2050", "Elektrische bestelwagens in Nederland, 2050", "1100000", "voertuigen", "", ELAAD),
    ("aandeel-vrachtwagens-op-terrein", "Aandeel vrachtwagens met thuisbasis op een bedrijventerrein", "90", "%", "", ELAAD),
    ("aandeel-bestelwagens-op-terrein", "Aandeel bestelwagens met thuisbasis op een bedrijventerrein", "57", "%", "", ELAAD),
    ("aantal-terreinen-nl", "Aantal bedrijventerreinen in Nederland", "3700", "terreinen", "", ELAAD),
    (
        "factor-2025",
        "Voertuigen in 2025 als fractie van 2030",
        "0.25",
        "",
        "Er is geen landelijk cijfer voor 2025 gepubliceerd; de opbouw is steil, daarom een kwart van 2030.",
        EIGEN,
    ),
    (
        "interpolatie-2035",
        "2035 ligt op dit deel van de weg van 2030 naar 2050",
        "0.25",
        "",
        "Lineaire interpolatie tussen de gepubliceerde cijfers voor 2030 en 2050 (5 van 20 jaar).",
        EIGEN,
    ),
    (
        "piek-kw-vrachtwagen",
        "Gelijktijdige piekvraag per elektrische vrachtwagen",
        "35",
        "kW",
        "Gemiddelde bijdrage aan de piek, niet het laadvermogen van één lader.",
        EIGEN,
    ),
    (
        "piek-kw-bestelwagen",
        "Gelijktijdige piekvraag per elektrische bestelwagen",
        "5",
        "kW",
        "Gemiddelde bijdrage aan de piek.",
        EIGEN,
    ),
    ("aandeel-eigen-terrein", "Aandeel van de laadvraag dat op eigen terrein wordt geladen", "70", "%", "", EIGEN),
    (
        "typefactor-haven",
        "Weging per hectare voor havens/zeehavens (IBIS-type A)",
        "1.5",
        "×",
        "Meer logistiek per hectare.",
        EIGEN,
    ),
    ("typefactor-specifiek", "Weging per hectare voor specifieke terreinen (IBIS-type C…)", "0.8", "×", "", EIGEN),
    ("typefactor-overig", "Weging per hectare voor gemengde en onbekende typen", "1", "×", "", EIGEN),
    (
        "minimum-ha",
        "Ondergrens netto oppervlakte in het model",
        "1",
        "ha",
        "Terreinen zonder of met zeer kleine netto oppervlakte tellen als 1 ha.",
        EIGEN,
    ),
]


def vullen(apps, schema_editor):
    Aanname = apps.get_model("plankaarten", "Aanname")
    for volgorde, (sleutel, omschrijving, waarde, eenheid, toelichting, bron) in enumerate(AANNAMES):
        Aanname.objects.update_or_create(
            sleutel=sleutel,
            defaults={
                "omschrijving": omschrijving,
                "waarde": Decimal(waarde),
                "eenheid": eenheid,
                "toelichting": toelichting,
                "bron": bron,
                "volgorde": volgorde,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("plankaarten", "0001_initial")]
    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]

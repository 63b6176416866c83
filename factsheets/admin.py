from django.contrib import admin

from factsheets.models import Factsheet, FactsheetRun


@admin.register(Factsheet)
class FactsheetAdmin(admin.ModelAdmin):
    list_display = ("terrein", "variant", "gegenereerd_op", "aantal_renders", "duur_ms", "grootte")
    list_filter = ("variant",)
    search_fields = ("terrein__naam", "terrein__rin")
    raw_id_fields = ("terrein",)
    readonly_fields = ("data_hash", "taak_id", "gegenereerd_op", "aantal_renders", "duur_ms", "grootte")


@admin.register(FactsheetRun)
class FactsheetRunAdmin(admin.ModelAdmin):
    list_display = ("gestart_op", "status", "totaal", "gedaan", "mislukt", "gestart_door")
    list_filter = ("status",)
    readonly_fields = ("totaal", "gedaan", "mislukt", "taak_id", "klaar_op")

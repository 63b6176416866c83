from django.contrib import admin

from plankaarten.models import Aanname, Plankaart, PlankaartVersie


@admin.register(PlankaartVersie)
class PlankaartVersieAdmin(admin.ModelAdmin):
    list_display = ("nummer", "bron", "bestandsnaam", "gemodelleerd", "aangemaakt_op")


@admin.register(Plankaart)
class PlankaartAdmin(admin.ModelAdmin):
    list_display = ("terrein", "zichtjaar", "scenario", "laadvermogen_kw", "versie", "actueel", "gemodelleerd")
    list_filter = ("zichtjaar", "scenario", "actueel", "gemodelleerd")
    search_fields = ("terrein__naam", "terrein__rin")
    list_select_related = ("terrein", "versie")
    raw_id_fields = ("terrein",)


@admin.register(Aanname)
class AannameAdmin(admin.ModelAdmin):
    list_display = ("omschrijving", "waarde", "eenheid", "sleutel")

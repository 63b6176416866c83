"""Read-only admin: weights change through the app (a new version each time), scores through recomputation."""

from django.contrib import admin

from prioritering.models import Afwegingskader, Berekening, Prioriteit, SelectieKeuze, Selectieronde


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Afwegingskader)
class AfwegingskaderAdmin(AlleenLezen):
    list_display = ("versie", "vraagklasse_methode", "pareto_aandeel", "aangemaakt_op", "aangemaakt_door")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Berekening)
class BerekeningAdmin(AlleenLezen):
    list_display = ("aangevraagd_op", "aanleiding", "status", "kader", "gestart_op", "klaar_op", "aantal_terreinen")
    list_filter = ("status", "aanleiding")


@admin.register(Prioriteit)
class PrioriteitAdmin(AlleenLezen):
    list_display = ("terrein", "kader", "rang", "score", "vraagklasse", "in_paretoset", "zonder_plankaart")
    list_filter = ("kader", "vraagklasse", "in_paretoset", "zonder_plankaart")
    list_select_related = ("terrein", "kader")
    search_fields = ("terrein__naam", "terrein__rin")


class KeuzeInline(admin.TabularInline):
    model = SelectieKeuze
    extra = 0
    fields = ("volgorde", "rin", "naam", "provincie", "score", "rang", "reden")
    readonly_fields = fields
    can_delete = False


@admin.register(Selectieronde)
class SelectierondeAdmin(AlleenLezen):
    list_display = ("naam", "aangemaakt_op", "kader", "aantal_gevraagd", "aangemaakt_door")
    inlines = [KeuzeInline]

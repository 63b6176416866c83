from django import forms
from django.contrib.gis import admin
from django.contrib.gis.db.models import GeometryField

from terreinen.models import (
    Bedrijventerrein,
    Betrokkenheid,
    Contactpersoon,
    Gemeente,
    GemeenteToegang,
    Initiatief,
    Netbeheerder,
    Notitie,
    Organisatie,
    Provincie,
)


class GeometrieAlsTekstAdmin(admin.GISModelAdmin):
    """Geometry edited as (E)WKT text: the map widget loads OpenLayers from a CDN and runs inline
    scripts, both refused by the Content-Security-Policy."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, GeometryField):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 4, "cols": 80})
            return db_field.formfield(**kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Provincie)
class ProvincieAdmin(GeometrieAlsTekstAdmin):
    list_display = ("code", "naam")


@admin.register(Gemeente)
class GemeenteAdmin(GeometrieAlsTekstAdmin):
    list_display = ("code", "naam", "provincie", "ze_zone", "geldig_tot")
    list_filter = ("provincie", "ze_zone")
    search_fields = ("code", "naam")
    filter_horizontal = ("netbeheerders",)


@admin.register(Netbeheerder)
class NetbeheerderAdmin(admin.ModelAdmin):
    search_fields = ("naam",)


@admin.register(Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    list_display = ("naam", "soort", "provincie_betrokken")
    list_filter = ("soort",)


class BetrokkenheidInline(admin.TabularInline):
    model = Betrokkenheid
    extra = 0
    exclude = ("versie",)
    autocomplete_fields = ("organisatie",)
    raw_id_fields = ("contactpersoon",)


class NotitieInline(admin.StackedInline):
    model = Notitie
    extra = 0
    exclude = ("versie",)


@admin.register(Bedrijventerrein)
class BedrijventerreinAdmin(GeometrieAlsTekstAdmin):
    list_display = ("naam", "rin", "gemeente", "ha_netto", "geometrie_bron", "netcongestie")
    list_filter = ("gemeente__provincie", "geometrie_bron", "netcongestie", "parkmanagement")
    search_fields = ("naam", "rin", "gemeente__naam")
    list_select_related = ("gemeente",)
    autocomplete_fields = ("gemeente",)
    # Follows from how the netbeheerder was set (see Bedrijventerrein.save), not edited itself.
    readonly_fields = ("netbeheerder_bron",)
    filter_horizontal = ("initiatieven",)
    inlines = [BetrokkenheidInline, NotitieInline]


@admin.register(GemeenteToegang)
class GemeenteToegangAdmin(admin.ModelAdmin):
    list_display = ("user", "gemeente")
    autocomplete_fields = ("gemeente",)


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 0
    exclude = ("versie",)


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ("naam", "soort")
    list_filter = ("soort",)
    search_fields = ("naam",)
    exclude = ("versie",)
    inlines = [ContactpersoonInline]

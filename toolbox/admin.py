from django.contrib import admin

from toolbox.models import Instrument, InstrumentDoelgroep, InstrumentInzet, InstrumentStap, InstrumentVersie


class InstrumentStapInline(admin.TabularInline):
    model = InstrumentStap
    extra = 0


class InstrumentDoelgroepInline(admin.TabularInline):
    model = InstrumentDoelgroep
    extra = 0


class InstrumentVersieInline(admin.TabularInline):
    """Versions are added through the toolbox pages, which check the upload; here they are read-only history."""

    model = InstrumentVersie
    extra = 0
    can_delete = False
    readonly_fields = ("nummer", "bestandsnaam", "mime_type", "grootte", "toelichting", "geupload_door", "geupload_op")
    exclude = ("bestand",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ("titel", "categorie", "status", "eigenaar", "gewijzigd_op")
    list_filter = ("categorie", "status", "doelgroepen__doelgroep", "stappen__stap")
    search_fields = ("titel", "omschrijving", "eigenaar")
    prepopulated_fields = {"slug": ("titel",)}
    inlines = [InstrumentDoelgroepInline, InstrumentStapInline, InstrumentVersieInline]


@admin.register(InstrumentInzet)
class InstrumentInzetAdmin(admin.ModelAdmin):
    list_display = ("instrument", "terrein", "stap", "ronde", "datum", "vastgelegd_door")
    list_filter = ("stap", "instrument__categorie")
    search_fields = ("instrument__titel", "terrein__naam")
    raw_id_fields = ("terrein",)
    readonly_fields = ("vastgelegd_door", "vastgelegd_op")

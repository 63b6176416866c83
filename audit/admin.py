from django.contrib import admin

from audit.models import Gebeurtenis, Wijziging


class AlleenLezenAdmin(admin.ModelAdmin):
    """The audit trail is append-only: not even a beheerder changes or deletes rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Wijziging)
class WijzigingAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "actor_naam", "actie", "content_type", "object_omschrijving", "request_id")
    list_filter = ("actie", "content_type")
    search_fields = ("actor_naam", "object_omschrijving", "request_id")
    date_hierarchy = "tijdstip"


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(AlleenLezenAdmin):
    list_display = ("tijdstip", "actie", "object", "resultaat", "herkomst", "actor_naam", "request_id")
    list_filter = ("actie", "resultaat")
    search_fields = ("object", "actor_naam", "herkomst", "request_id")
    date_hierarchy = "tijdstip"

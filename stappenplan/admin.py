from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from nal_oost import rollen
from stappenplan.models import Document, Evaluatienotitie, Oplossingsrichting, OverzichtVerzending, StapOvergang, Traject
from stappenplan.services import regisseur_toewijzen


class StapOvergangInline(admin.TabularInline):
    model = StapOvergang
    extra = 0
    can_delete = False
    fields = ("op", "actie", "van_stap", "naar_stap", "van_status", "naar_status", "door", "reden")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def _toewijzen_actie(user):
    def actie(modeladmin, request, queryset):
        aantal = regisseur_toewijzen(trajecten=queryset, regisseur=user)
        modeladmin.message_user(
            request,
            _("%(n)d traject(en) toegewezen aan %(user)s.") % {"n": aantal, "user": user.get_username()},
            messages.SUCCESS,
        )

    actie.short_description = _("Regisseur toewijzen: %(user)s") % {"user": user.get_username()}
    return actie


@admin.register(Traject)
class TrajectAdmin(admin.ModelAdmin):
    list_display = ("terrein", "stap", "status", "regisseur", "termijn_op")
    list_filter = ("stap", "status", "aanvliegroute", "regisseur", "terrein__gemeente__provincie")
    search_fields = ("terrein__naam", "terrein__rin", "terrein__gemeente__naam")
    list_select_related = ("terrein", "regisseur")
    autocomplete_fields = ()
    raw_id_fields = ("terrein",)
    # Step, status and version change only through stappenplan.services.stap_zetten (guards and log).
    readonly_fields = (
        "terrein",
        "stap",
        "status",
        "versie",
        "stap_gestart_op",
        "termijn_op",
        "uitgesteld_sinds",
        "resterende_dagen",
        "herbeoordelen_op",
        "ronde",
        "startsessie_uitkomst",
    )
    inlines = [StapOvergangInline]

    def get_actions(self, request):
        acties = super().get_actions(request)
        # One bulk action per regisseur ("Regisseur toewijzen: j.jansen").
        regisseurs = get_user_model().objects.filter(groups__name=rollen.REGISSEUR, is_active=True).order_by("username")
        for user in regisseurs:
            naam = f"toewijzen_{user.pk}"
            acties[naam] = (_toewijzen_actie(user), naam, _toewijzen_actie(user).short_description)
        return acties

    def has_add_permission(self, request):
        return False


@admin.register(StapOvergang)
class StapOvergangAdmin(admin.ModelAdmin):
    list_display = ("op", "traject", "actie", "van_stap", "naar_stap", "naar_status", "door")
    list_filter = ("actie", "naar_status")
    date_hierarchy = "op"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("naam", "traject", "stap", "soort", "vertrouwelijk", "geupload_op")
    list_filter = ("soort", "stap", "vertrouwelijk")
    readonly_fields = ("traject", "bestand", "grootte", "inhoudstype", "geupload_door")

    def has_add_permission(self, request):
        return False


@admin.register(Evaluatienotitie)
class EvaluatienotitieAdmin(admin.ModelAdmin):
    list_display = ("traject", "stap", "soort", "auteur", "aangemaakt_op")
    list_filter = ("soort", "stap")


@admin.register(Oplossingsrichting)
class OplossingsrichtingAdmin(admin.ModelAdmin):
    list_display = ("titel", "traject", "ronde", "gekozen")


@admin.register(OverzichtVerzending)
class OverzichtVerzendingAdmin(admin.ModelAdmin):
    list_display = ("datum", "regisseur", "aantal_terreinen")

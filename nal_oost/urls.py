from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from gebruikers.forms import InlogForm

from . import views

admin.site.site_header = _("NAL Oost – beheer")
admin.site.site_title = _("NAL Oost")


# Dutch error pages: templates/400.html … 500.html; 403 and 404 use Django's views with those templates.
handler400 = "nal_oost.views.ongeldig_verzoek"
handler500 = "nal_oost.views.serverfout"

urlpatterns = [
    path("", include("overzicht.urls")),
    path("", include("terreinen.urls")),
    path("plankaarten/", include("plankaarten.urls")),
    path("stappenplan/", include("stappenplan.urls")),
    path("toolbox/", include("toolbox.urls")),
    path("prioritering/", include("prioritering.urls")),
    path("factsheets/", include("factsheets.urls")),
    path("voortgang/", include("voortgang.urls")),
    path("audit/", include("audit.urls")),
    path("api/", include("api.urls")),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=InlogForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("gebruikers/", include("gebruikers.urls")),
    path("gezondheid", views.gezondheid, name="gezondheid"),
    # One login for everyone (with lockout and two-factor): the admin's own login page is not used.
    path("beheer/login/", RedirectView.as_view(pattern_name="login", query_string=True), name="beheer-login"),
    path("beheer/", admin.site.urls),
]

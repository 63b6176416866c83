from django.urls import path

from . import views

urlpatterns = [
    path("", views.GebruikerLijstView.as_view(), name="gebruiker-lijst"),
    path("nieuw/", views.GebruikerBewerkenView.as_view(), name="gebruiker-nieuw"),
    path("<int:pk>/", views.GebruikerBewerkenView.as_view(), name="gebruiker-bewerken"),
    path("<int:pk>/uitloggen/", views.GebruikerActieView.as_view(actie="uitloggen"), name="gebruiker-uitloggen"),
    path(
        "<int:pk>/tweefactor-resetten/",
        views.GebruikerActieView.as_view(actie="tweefactor"),
        name="gebruiker-tweefactor-resetten",
    ),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/wachtwoord/", views.WachtwoordWijzigenView.as_view(), name="wachtwoord-wijzigen"),
    path("account/uitloggen-overal/", views.UitloggenOveralView.as_view(), name="uitloggen-overal"),
    path("tweefactor/", views.TweeFactorVerifierenView.as_view(), name="tweefactor-verifieren"),
    path("tweefactor/instellen/", views.TweeFactorInstellenView.as_view(), name="tweefactor-instellen"),
    path("tweefactor/qr.svg", views.TweeFactorQrView.as_view(), name="tweefactor-qr"),
]

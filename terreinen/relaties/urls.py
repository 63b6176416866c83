from django.urls import path

from . import views

urlpatterns = [
    path("organisaties/nieuw/", views.organisatie_koppelen, name="organisatie-koppelen"),
    path("organisaties/<int:pk>/", views.betrokkenheid_wijzigen, name="betrokkenheid-wijzigen"),
    path("organisaties/<int:pk>/verwijderen/", views.betrokkenheid_verwijderen, name="betrokkenheid-verwijderen"),
    path("contactpersonen/<int:pk>/", views.contactpersoon_wijzigen, name="contactpersoon-wijzigen"),
    path("contactpersonen/<int:pk>/verwijderen/", views.contactpersoon_verwijderen, name="contactpersoon-verwijderen"),
    path("logboek/nieuw/", views.notitie_toevoegen, name="notitie-toevoegen"),
    path("logboek/<int:pk>/", views.notitie_corrigeren, name="notitie-corrigeren"),
    path("logboek/<int:pk>/opgevolgd/", views.opvolging_afronden, name="opvolging-afronden"),
]

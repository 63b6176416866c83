from django.urls import path

from overzicht import views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="home"),
    path("terreinen/", views.TerreinLijstView.as_view(), name="terrein-lijst"),
    path("terreinen/export.<str:formaat>", views.TerreinExportView.as_view(), name="terrein-export"),
    path("terreinen/volledigheid/", views.VolledigheidView.as_view(), name="volledigheid"),
    path("terreinen/importbestand.xlsx", views.TerreinImportbladView.as_view(), name="terrein-importblad"),
    path("terreinen/kolommen/", views.KolomkeuzeView.as_view(), name="terrein-kolommen"),
    path("terreinen/filters/", views.OpgeslagenFilterBewarenView.as_view(), name="opgeslagen-filter-bewaren"),
    path(
        "terreinen/filters/<int:pk>/verwijderen/",
        views.OpgeslagenFilterVerwijderenView.as_view(),
        name="opgeslagen-filter-verwijderen",
    ),
    path("terreinen/regisseur-toewijzen/", views.regisseur_toewijzen_view, name="regisseur-toewijzen"),
    path("kaart/", views.KaartView.as_view(), name="kaart"),
    path("kaart/terreinen.geojson", views.KaartTerreinenGeoJSONView.as_view(), name="kaart-terreinen"),
    path("kaart/gemeenten.geojson", views.KaartGemeentenGeoJSONView.as_view(), name="kaart-gemeenten"),
    path("kaart/provincies.geojson", views.KaartProvinciesGeoJSONView.as_view(), name="kaart-provincies"),
]

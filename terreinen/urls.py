from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="home"),
    path("terreinen/", views.TerreinLijstView.as_view(), name="terrein-lijst"),
    path("terreinen/export.<str:formaat>", views.TerreinExportView.as_view(), name="terrein-export"),
    path("terreinen/volledigheid/", views.VolledigheidView.as_view(), name="volledigheid"),
    path("terreinen/importbestand.xlsx", views.TerreinImportbladView.as_view(), name="terrein-importblad"),
    path("terreinen/criteria-importeren/", views.CriteriaImportView.as_view(), name="criteria-import"),
    path("terreinen/filters/", views.OpgeslagenFilterBewarenView.as_view(), name="opgeslagen-filter-bewaren"),
    path(
        "terreinen/filters/<int:pk>/verwijderen/",
        views.OpgeslagenFilterVerwijderenView.as_view(),
        name="opgeslagen-filter-verwijderen",
    ),
    path("terreinen/<int:rin>/", views.TerreinDetailView.as_view(), name="terrein-detail"),
    path("terreinen/<int:rin>/bewerken/", views.TerreinBewerkenView.as_view(), name="terrein-bewerken"),
    path("terreinen/<int:rin>/", include("terreinen.relaties.urls")),
    path("kaart/", views.KaartView.as_view(), name="kaart"),
    path("kaart/terreinen.geojson", views.KaartTerreinenGeoJSONView.as_view(), name="kaart-terreinen"),
    path("kaart/gemeenten.geojson", views.KaartGemeentenGeoJSONView.as_view(), name="kaart-gemeenten"),
    path("kaart/provincies.geojson", views.KaartProvinciesGeoJSONView.as_view(), name="kaart-provincies"),
]

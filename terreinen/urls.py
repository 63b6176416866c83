from django.urls import include, path

from . import views

urlpatterns = [
    path("terreinen/criteria-importeren/", views.CriteriaImportView.as_view(), name="criteria-import"),
    path("terreinen/<int:rin>/", views.TerreinDetailView.as_view(), name="terrein-detail"),
    path("terreinen/<int:rin>/bewerken/", views.TerreinBewerkenView.as_view(), name="terrein-bewerken"),
    path("terreinen/<int:rin>/", include("terreinen.relaties.urls")),
]

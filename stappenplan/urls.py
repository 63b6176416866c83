from django.urls import path

from . import views

urlpatterns = [
    path("mijn-terreinen/", views.MijnTerreinenView.as_view(), name="mijn-terreinen"),
    path("evaluaties/", views.EvaluatiesView.as_view(), name="evaluaties"),
    path("terreinen/<int:rin>/stap/<int:stap>/", views.StapGegevensView.as_view(), name="stap-gegevens"),
    path("terreinen/<int:rin>/overgang/<slug:actie>/", views.overgang_view, name="stap-overgang"),
    path("terreinen/<int:rin>/oppakken/", views.terrein_oppakken, name="terrein-oppakken"),
    path("terreinen/<int:rin>/teruggeven/", views.terrein_teruggeven, name="terrein-teruggeven"),
    path("documenten/<int:pk>/", views.document_downloaden, name="stappenplan-document"),
]

from django.urls import path

from . import views

app_name = "toolbox"

urlpatterns = [
    path("", views.InstrumentLijstView.as_view(), name="instrument-lijst"),
    path("instrumenten/nieuw/", views.InstrumentBewerkenView.as_view(), name="instrument-nieuw"),
    path("instrumenten/<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument-detail"),
    path("instrumenten/<slug:slug>/bewerken/", views.InstrumentBewerkenView.as_view(), name="instrument-bewerken"),
    path("instrumenten/<slug:slug>/versies/nieuw/", views.VersieToevoegenView.as_view(), name="versie-nieuw"),
    path("instrumenten/<slug:slug>/versies/<int:nummer>/download/", views.VersieDownloadView.as_view(), name="versie-download"),
    path("terreinen/<int:rin>/inzet/", views.InzetVastleggenView.as_view(), name="inzet-vastleggen"),
    path("terreinen/<int:rin>/overzicht/", views.ZelfstandigOverzichtView.as_view(), name="zelfstandig-overzicht"),
]

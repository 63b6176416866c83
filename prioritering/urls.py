from django.urls import path, re_path

from . import views

app_name = "prioritering"
urlpatterns = [
    path("", views.RanglijstView.as_view(), name="ranglijst"),
    path("herberekenen/", views.HerberekenenView.as_view(), name="herberekenen"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("afwegingskader/", views.KaderLijstView.as_view(), name="kader-lijst"),
    path("afwegingskader/nieuw/", views.KaderNieuwView.as_view(), name="kader-nieuw"),
    path("afwegingskader/<int:versie>/", views.KaderDetailView.as_view(), name="kader-detail"),
    path("rondes/", views.RondeLijstView.as_view(), name="ronde-lijst"),
    path("rondes/<int:pk>/", views.RondeDetailView.as_view(), name="ronde-detail"),
    re_path(r"^rondes/(?P<pk>[0-9]+)/export\.(?P<formaat>csv|xlsx)$", views.RondeExportView.as_view(), name="ronde-export"),
]

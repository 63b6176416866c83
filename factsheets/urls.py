from django.urls import path

from . import views

app_name = "factsheets"
urlpatterns = [
    path("", views.FactsheetOverzichtView.as_view(), name="overzicht"),
    path("terreinen/<int:rin>/<str:variant>.pdf", views.FactsheetDownloadView.as_view(), name="download"),
    path("terreinen/<int:rin>/bijwerken/", views.FactsheetBijwerkenView.as_view(), name="bijwerken"),
    path("runs/", views.FactsheetRunStartenView.as_view(), name="run-starten"),
    path("runs/<int:pk>/status.json", views.FactsheetRunStatusView.as_view(), name="run-status"),
    path("factsheets.zip", views.FactsheetZipView.as_view(), name="zip"),
]

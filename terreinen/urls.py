from django.urls import path

from . import views

urlpatterns = [
    path("", views.TerreinLijstView.as_view(), name="home"),
    path("terreinen/<int:rin>/", views.TerreinDetailView.as_view(), name="terrein-detail"),
]

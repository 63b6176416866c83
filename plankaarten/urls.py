from django.urls import path

from . import views

urlpatterns = [
    path("aannames/", views.AannamesView.as_view(), name="aannames"),
]

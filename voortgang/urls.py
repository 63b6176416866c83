from django.urls import path

from . import views

app_name = "voortgang"
urlpatterns = [
    path("", views.VoortgangView.as_view(), name="overzicht"),
    path("kwartaalrapporten/", views.KwartaalrapportAanvragenView.as_view(), name="rapport-aanvragen"),
    path("kwartaalrapporten/<int:pk>/", views.KwartaalrapportView.as_view(), name="rapport"),
    path("kwartaalrapporten/<int:pk>/rapport.pdf", views.KwartaalrapportPdfView.as_view(), name="rapport-pdf"),
    path("kwartaalrapporten/<int:pk>/rapport.xlsx", views.KwartaalrapportXlsxView.as_view(), name="rapport-xlsx"),
]

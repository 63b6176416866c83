"""/api/v1/… (no trailing slashes; anything else under v1 is a problem+json 404) and the key screens."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from api import beheer, ogc, views

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("bedrijventerreinen", views.BedrijventerreinViewSet, basename="bedrijventerrein")
router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
router.register("plankaarten", views.PlankaartViewSet, basename="plankaart")
router.register("plankaart-versies", views.PlankaartVersieViewSet, basename="plankaart-versie")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("aggregaten", views.AggregaatViewSet, basename="aggregaat")
router.register("instrumenten", views.InstrumentViewSet, basename="instrument")

v1 = [
    path("openapi.json", views.OpenApiView.as_view(), name="openapi"),
    path("documentatie", beheer.DocumentatieView.as_view(), name="docs"),
    *router.urls,
    path("ogc", ogc.LandingView.as_view(), name="ogc-landing"),
    path("ogc/conformance", ogc.ConformanceView.as_view(), name="ogc-conformance"),
    path("ogc/collections", ogc.CollectiesView.as_view(), name="ogc-collecties"),
    path("ogc/collections/<str:collectie_id>", ogc.CollectieView.as_view(), name="ogc-collectie"),
    path("ogc/collections/<str:collectie_id>/schema", ogc.SchemaView.as_view(), name="ogc-schema"),
    path("ogc/collections/<str:collectie_id>/queryables", ogc.QueryablesView.as_view(), name="ogc-queryables"),
    *(
        patroon
        for naam, (items, item) in ogc.PER_COLLECTIE.items()
        for patroon in (
            path(f"ogc/collections/{naam}/items", items.as_view(), {"collectie_id": naam}, name=f"ogc-items-{naam}"),
            path(
                f"ogc/collections/{naam}/items/<str:feature_id>",
                item.as_view(),
                {"collectie_id": naam},
                name=f"ogc-item-{naam}",
            ),
        )
    ),
    path("ogc/collections/<str:collectie_id>/items", ogc.ItemsView.as_view(), name="ogc-items"),
    path("ogc/collections/<str:collectie_id>/items/<str:feature_id>", ogc.ItemView.as_view(), name="ogc-item"),
    re_path(r"^[\s\S]*$", views.NietGevondenView.as_view(), name="niet-gevonden"),  # also paths with newlines
]

urlpatterns = [
    re_path(r"^v1$", views.ApiRootView.as_view(), name="root"),
    path("v1/", include(v1)),
    path("sleutels/", beheer.SleutelLijstView.as_view(), name="sleutels"),
    path("sleutels/<int:pk>/intrekken/", beheer.SleutelIntrekkenView.as_view(), name="sleutel-intrekken"),
]

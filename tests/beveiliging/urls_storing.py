"""The application's URLs plus one view that fails, to see the 500 page as a user would."""

from django.urls import path

from nal_oost.urls import *  # noqa: F403 - the handlers (handler400, handler500) come along
from nal_oost.urls import urlpatterns as _urlpatterns


def storing(request):
    raise RuntimeError("kapot")


urlpatterns = [path("storing/", storing), *_urlpatterns]

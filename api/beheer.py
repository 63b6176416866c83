"""The beheerder's screens for partner API keys: list, create (the key is shown once), revoke."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View

from api import services
from api.forms import ApiSleutelForm
from api.http import API_VERSIE
from api.models import ApiSleutel
from nal_oost import rechten


class AlleenBeheerderMixin(LoginRequiredMixin, rechten.RechtVereistMixin):
    """Other roles get a 404: the screens do not exist for them."""

    recht = staticmethod(rechten.mag_beheren)
    buiten_scope = True


class SleutelLijstView(AlleenBeheerderMixin, View):
    template_name = "api/sleutels.html"

    def _tonen(self, request, form, status=200):
        sleutels = ApiSleutel.objects.select_related("aangemaakt_door")
        return render(request, self.template_name, {"sleutels": sleutels, "form": form}, status=status)

    def get(self, request):
        return self._tonen(request, ApiSleutelForm())

    def post(self, request):
        form = ApiSleutelForm(request.POST)
        if not form.is_valid():
            return self._tonen(request, form, status=400)
        try:
            sleutel, ruwe_sleutel = services.api_sleutel_aanmaken(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
            return self._tonen(request, form, status=400)
        # Rendered directly, not after a redirect: the plain key exists only in this response.
        response = render(request, "api/sleutel_aangemaakt.html", {"sleutel": sleutel, "ruwe_sleutel": ruwe_sleutel})
        add_never_cache_headers(response)
        return response


class SleutelIntrekkenView(AlleenBeheerderMixin, View):
    def post(self, request, pk):
        sleutel = get_object_or_404(ApiSleutel, pk=pk)
        services.api_sleutel_intrekken(sleutel=sleutel)
        messages.success(request, _("De sleutel van %(org)s is ingetrokken.") % {"org": sleutel.organisatie})
        return redirect("api:sleutels")


class DocumentatieView(View):
    """Swagger UI from the drf-spectacular-sidecar package, started by a static script (no inline JS)."""

    def get(self, request):
        response = render(request, "api/documentatie.html")
        response["API-Version"] = API_VERSIE
        return response

"""The Django admin ("beheer") asks the same predicate as every other beheerder screen."""

from django.contrib.admin import AdminSite
from django.http import Http404

from nal_oost import rechten


class BeheerSite(AdminSite):
    """The admin is the beheerder's: `mag_beheren`, not `is_staff` or model permissions.

    ModelAdmins keep Django's `has_*_permission`, which ask `user.has_perm`; that is answered by
    `nal_oost.rechten.RechtenBackend` from the same predicate. Read-only tables (audit, transitions)
    narrow it further in their own ModelAdmin.
    """

    def has_permission(self, request):
        """Anonymous: the login page. Logged in without the right: 404, the admin is outside their scope
        (never the login page, which would send a logged-in user straight back here, round and round)."""
        if not (request.user.is_authenticated and request.user.is_active):
            return False
        if not rechten.mag_beheren(request.user):
            raise Http404
        return True

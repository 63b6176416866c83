"""Authentication backend for the test settings only (see nal_oost/settings/test.py)."""

from axes.backends import AxesStandaloneBackend


class AxesOfTestclientBackend(AxesStandaloneBackend):
    """django-axes as in production, except for `client.login()`, which authenticates without a request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

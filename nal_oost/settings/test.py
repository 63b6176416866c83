"""Test settings: PostgreSQL + PostGIS and Redis, unless DATABASE_URL says otherwise."""

import os

os.environ.setdefault("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/nal_oost")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from .base import *  # noqa: E402, F403
from .base import NODE_MODULES_DIR, STATICFILES_DIRS, env  # noqa: E402

SECRET_KEY = env("SECRET_KEY", "test-only-key")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# axe-core audits the pages in the browser tests; it is not served outside the tests.
STATICFILES_DIRS = [*STATICFILES_DIRS, ("npm/axe-core", NODE_MODULES_DIR / "axe-core")]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# django-axes needs the request to count failures; Django's test client `login()` authenticates
# without one. This backend lets `client.login()` through (lockout tests post to the real login
# view, which does pass the request) and is the only difference from production's backends.
AUTHENTICATION_BACKENDS = [
    "tests.beveiliging.backends.AxesOfTestclientBackend",
    "nal_oost.rechten.RechtenBackend",
]
NAL_2FA_VERPLICHT = False
WHITENOISE_AUTOREFRESH = True  # no upfront scan of node_modules for every test client

"""Production: every secret and host comes from the environment.

`DJANGO_SETTINGS_MODULE=nal_oost.settings.production manage.py check --deploy` passes with zero
warnings (checked in `make check` and in the tests).
"""

from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from .base import *  # noqa: F403
from .base import NAL_PROXY_AANTAL, SECRET_KEY, env, env_bool, env_list

DEBUG = False
NAL_PRODUCTIE = True
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# X-Forwarded-Proto says "this came in over HTTPS" only when a trusted proxy sets it; without one a
# client could send it over plain HTTP.
if NAL_PROXY_AANTAL:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The container healthcheck asks gunicorn directly over plain HTTP (scripts/proces.sh gezond).
SECURE_REDIRECT_EXEMPT = [r"^gezondheid$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# The __Host- prefix makes browsers refuse the cookies unless secure, host-only and path /.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
X_FRAME_OPTIONS = "DENY"
NAL_2FA_VERPLICHT = env_bool("NAL_2FA_VERPLICHT", True)
# Source maps are for developers' tools only: not worth compressing at build time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

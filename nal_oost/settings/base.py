"""Settings shared by every environment; values come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# True only in nal_oost.settings.production: what must never happen there (demo data, default passwords).
NAL_PRODUCTIE = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "nal_oost.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "nal_oost",
    "terreinen",
    "plankaarten",
    "stappenplan",
    "toolbox",
    "prioritering",
    "factsheets",
    "api",
    "audit",
    "gebruikers",
    "voortgang",
    "overzicht",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nal_oost.middleware.RequestIdMiddleware",
    "nal_oost.middleware.UploadLimietMiddleware",
    "nal_oost.middleware.OngeldigeInvoerMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nal_oost.middleware.GeenOpslagMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "nal_oost.middleware.SessieMiddleware",
    "nal_oost.middleware.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nal_oost.urls"
WSGI_APPLICATION = "nal_oost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nal_oost.context_processors.rollen",
                "nal_oost.context_processors.achtergrondwerk",
            ],
        },
    },
]

# DATABASE_URL: postgis://user@host:port/name or spatialite:///path/to/file.sqlite3
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"spatialite:///{BASE_DIR / 'var' / 'nal_oost.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "0")),
    )
}
# ATOMIC_REQUESTS stays off, deliberately: a request-wide transaction would hold row locks while
# templates render, exports stream and files are written, and would let a service that forgot its
# own transaction pass unnoticed. Each service that writes several rows or locks rows
# (select_for_update) opens its own `transaction.atomic()`; tests/beveiliging/test_transacties.py
# runs every locking path without a test transaction to keep it that way.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
SPATIALITE_LIBRARY_PATH = "mod_spatialite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# RaadbaarheidValidator (zxcvbn with Dutch words, the municipalities and the user's own names) also
# covers Django's common-password, numeric and user-attribute validators, so they are not listed.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "gebruikers.wachtwoorden.MinimumLengteValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "gebruikers.wachtwoorden.TekensoortenValidator", "OPTIONS": {"minimum_soorten": 3}},
    {"NAME": "gebruikers.wachtwoorden.RaadbaarheidValidator", "OPTIONS": {"minimum_score": 3}},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login hardening (BIO2). django-axes checks every login before the model backend: after
# NAL_INLOGFOUTEN_PER_ACCOUNT failures for one username from one IP address, that pair is refused for
# AXES_COOLOFF_TIME (others behind the same address, and the user elsewhere, still get in); after
# NAL_INLOGFOUTEN_PER_ADRES failures from one address over all usernames, the address is refused
# (gebruikers.vergrendeling). A successful login resets the pair's count. By hand: `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with model permissions answered by the predicates of nal_oost.rechten.
    "nal_oost.rechten.RechtenBackend",
]
NAL_INLOGFOUTEN_PER_ACCOUNT = int(env("AXES_FAILURE_LIMIT", "5"))
NAL_INLOGFOUTEN_PER_ADRES = int(env("NAL_INLOGFOUTEN_PER_ADRES", "50"))
AXES_FAILURE_LIMIT = "gebruikers.vergrendeling.faallimiet"
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "gebruikers/vergrendeld.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# How many reverse proxies in front may be trusted to set X-Forwarded-For, X-Forwarded-Proto and
# X-Request-ID (0: none; clients talk to the app directly and such headers are ignored). The client
# address is REMOTE_ADDR without a proxy; a spoofed header must not dodge the IP lockout.
NAL_PROXY_AANTAL = int(env("NAL_PROXY_AANTAL", "0"))
AXES_CLIENT_IP_CALLABLE = "nal_oost.verzoek.client_adres"

# Two-factor authentication (TOTP, django-otp). When on, beheerder, regisseur and medewerker must
# enrol and verify a TOTP device before they see anything; gemeente users may enrol voluntarily
# (and are then asked for a code at every login). On in production, off in dev/demo and tests.
NAL_2FA_VERPLICHT = env_bool("NAL_2FA_VERPLICHT", False)
OTP_TOTP_ISSUER = "NAL Oost"
OTP_TOTP_THROTTLE_FACTOR = 1

# Sessions: expire after NAL_SESSIE_INACTIEF of inactivity, after NAL_SESSIE_MAX_DUUR in any case,
# and when the browser closes. "Uitloggen op alle apparaten" ends every session of a user.
NAL_SESSIE_INACTIEF = timedelta(minutes=int(env("NAL_SESSIE_INACTIEF_MINUTEN", "60")))
NAL_SESSIE_MAX_DUUR = timedelta(hours=int(env("NAL_SESSIE_MAX_UREN", "10")))
SESSION_COOKIE_AGE = int(NAL_SESSIE_MAX_DUUR.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Response headers for every environment (production adds HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: JavaScript lives in static/js, CSS in static/css. data: only
# for images (icons inside the NL Design System CSS).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
# Numbers are grouped where they are shown (the `intcomma` and `getal` filters), not by USE_THOUSAND_SEPARATOR:
# that would also group years and RIN numbers in links and data attributes ("2.030", "/terreinen/1.121/").
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end packages are installed from npm at setup time and served from node_modules, under
# static/npm/<folder>: only the folders the pages load, so collectstatic (and its compression) stays quick.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
NPM_STATIC_MAPPEN = ["@utrecht/component-library-css/dist", "leaflet/dist"]
STATICFILES_DIRS += [(f"npm/{map_}", NODE_MODULES_DIR / map_) for map_ in NPM_STATIC_MAPPEN if (NODE_MODULES_DIR / map_).is_dir()]
# Uploaded files live outside the static root and have no public URL: whitenoise never serves them
# and no URL pattern maps MEDIA_URL; they reach users only through permission-checked views
# (nal_oost.uploads.bestand_serveren).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Upload limits. One uploaded file, per kind of upload (nal_oost.uploads.UPLOADSOORTEN; checked by
# nal_oost.uploads.UploadValidator on every FileField), in MB: stappenplan documents, toolbox
# versions, files for the import commands and generated factsheets.
NAL_UPLOAD_MAX_MB = {
    "document": float(env("NAL_UPLOAD_MAX_MB_DOCUMENT", "10")),
    "toolbox": float(env("NAL_UPLOAD_MAX_MB_TOOLBOX", "25")),
    "import": float(env("NAL_UPLOAD_MAX_MB_IMPORT", "25")),
    "factsheet": float(env("NAL_UPLOAD_MAX_MB_FACTSHEET", "25")),
}
# Office and OpenDocument files are zips: at most this many entries, this many MB once unpacked,
# and no entry (of 1 MB or more) packed more than this many times (zip bombs).
NAL_ZIP_MAX_ONDERDELEN = int(env("NAL_ZIP_MAX_ONDERDELEN", "10000"))
NAL_ZIP_MAX_UITGEPAKT_MB = float(env("NAL_ZIP_MAX_UITGEPAKT_MB", "250"))
NAL_ZIP_MAX_RATIO = int(env("NAL_ZIP_MAX_RATIO", "100"))
# The whole request body (nal_oost.middleware.UploadLimietMiddleware answers 413 above it) follows the
# largest upload; then form data without files, and the size above which an upload is streamed to a
# temporary file instead of kept in memory.
NAL_UPLOAD_MAX_BYTES = int(max(NAL_UPLOAD_MAX_MB.values()) * 1024 * 1024)
NAL_VERZOEK_MAX_BYTES = NAL_UPLOAD_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Open data folder (municipalities, IBIS parks, outlook figures); read in place, never copied.
# Default: a `shared/data` folder next to the checkout (or next to one of its parents).
_default_data_dir = next((p / "shared" / "data" for p in BASE_DIR.parents[:3] if (p / "shared" / "data").is_dir()), None)
NAL_DATA_DIR = env("NAL_DATA_DIR", str(_default_data_dir) if _default_data_dir else "")

# Celery: Redis when REDIS_URL is set; otherwise a broker on the local file system so the
# embedded default needs no server and tasks still run outside the request.
REDIS_URL = env("REDIS_URL", "")
CELERY_QUEUE_DIR = BASE_DIR / "var" / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # A task of a worker that died is handed to another worker after this many seconds; above the longest time limit.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 1800}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_RESULT_BACKEND = f"file://{CELERY_QUEUE_DIR / 'results'}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        "processed_folder": str(CELERY_QUEUE_DIR / "processed"),
        "store_processed": False,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 600
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULE = {
    # Tasks deferred while the broker was unreachable go out as soon as it answers again.
    "uitgestelde-taken-versturen": {"task": "nal_oost.taken.uitgestelde_taken_versturen", "schedule": 60.0},
    "stappenplan-dagoverzicht": {
        "task": "stappenplan.tasks.dagoverzicht_versturen_taak",
        "schedule": crontab(hour=7, minute=0),
    },
    "prioriteiten-nachtelijk": {
        "task": "prioritering.tasks.prioriteiten_nachtelijk_taak",
        "schedule": crontab(hour=2, minute=30),
    },
}

# E-mail (the stappenplan's daily digest). The demo prints mails on the console (dev settings).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "stappenplan@nal-oost.nl")
# Absolute address of the app, for links in e-mails (e.g. https://laadinfra.nal-oost.nl).
NAL_BASIS_URL = env("NAL_BASIS_URL", "")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# Partner API (api app): the OpenAPI description, and the request limit per API key (or per session user).
SPECTACULAR_SETTINGS = {
    "TITLE": "NAL Oost – laadinfra bedrijventerreinen API",
    "DESCRIPTION": (
        "Alleen-lezen API voor partners van NAL-regio Oost (Gelderland en Overijssel): bedrijventerreinen, "
        "gemeenten, plankaarten (verwachte laadvraag), trajecten in het stappenplan en totalen per provincie en "
        "gemeente. Opgezet volgens de NL API Design Rules. Authenticatie met een API-sleutel in de header "
        "`X-Api-Key`; sleutels worden uitgegeven door de beheerder van de applicatie."
    ),
    "VERSION": "1.0.0",
    "CONTACT": {"name": "Programmateam NAL-regio Oost", "email": "laadinfra@nal-oost.nl"},
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.openapi.alleen_api_v1"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.openapi.headers_toevoegen"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "SORT_OPERATION_PARAMETERS": False,
}
API_SLEUTEL_LIMIET = env("API_SLEUTEL_LIMIET", "600/min")
# Origins (scheme://host[:port]) of partners' browser GIS apps that may call the API; empty: no cross-origin use.
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Request counters of the partner API, shared by all web workers when Redis is there.
    "api": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "nal-api"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nal-api"}
    ),
    # Kept pages and the data version (nal_oost/bewaren.py), shared by the web processes and the worker.
    "paginas": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nal-pagina",
            # Redis away: the page is built as usual after at most a second, never waits long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nal-pagina"}
    ),
}
# Keep the answers of the park page, the park list and its exports until the data changes (nal_oost/bewaren.py).
# Only with Redis (never without, whatever the variable says): the data version must be one for the web processes
# and the worker.
NAL_BEWAARDE_PAGINAS = env_bool("NAL_BEWAARDE_PAGINAS", True) and bool(REDIS_URL)
# The longest a kept answer is served, in seconds.
NAL_BEWAARD_SECONDEN = int(env("NAL_BEWAARD_SECONDEN", "600"))

# Debian 12 ships GDAL 3.6; Django 5.2 warns for GDAL < 3.9 (gis.W001). The features that need a
# newer GDAL are not used and SRS strings from users are never passed to GDAL.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "nal_oost.verzoek.RequestIdLogFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Logins are recorded in the audit log (audit.Gebeurtenis); axes' own lines only when something is wrong.
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools log every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

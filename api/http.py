"""HTTP behaviour of every /api/v1 response: API-Version, caching, conditional requests, gzip and CORS.

- `Cache-Control: private, no-cache`: keyed data never sits in a shared cache, and a client may keep a copy
  only if it revalidates it each time — cheap with the strong ETag (a 304 without body).
- The ETag is a hash of the body as sent (`-gzip` added for the compressed variant, RFC 9110 §8.8.3).
  `Last-Modified` is the moment this exact body was first served (kept per ETag in the `api` cache):
  right by construction for every endpoint, and a changed body gets a new ETag and a new moment.
- gzip here rather than GZipMiddleware, which weakens strong ETags and covers the whole site.
- CORS only for origins listed in the setting API_CORS_ORIGINS; the API key header may be sent.
"""

import hashlib
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string

API_VERSIE = settings.SPECTACULAR_SETTINGS["VERSION"]
CACHE_CONTROL = "private, no-cache"
PUBLIEK_CACHE_CONTROL = "public, no-cache"
GZIP_VANAF = 512  # bytes; below this gzip saves nothing worth a CPU cycle
VARY = ("Accept", "Accept-Encoding", "Accept-Crs", "X-Api-Key")
ZICHTBARE_KOPPEN = "API-Version, Content-Crs, Link, ETag, Last-Modified"
EERSTE_KEER_BEWAREN = 60 * 60 * 24 * 30


def _vary(response, *koppen: str) -> None:
    bestaand = [k.strip() for k in response.get("Vary", "").split(",") if k.strip()]
    response["Vary"] = ", ".join(dict.fromkeys([*bestaand, *koppen]))


def cors_toegestaan(request) -> str | None:
    herkomst = request.headers.get("Origin")
    return herkomst if herkomst and herkomst in settings.API_CORS_ORIGINS else None


def cors_voorcontrole(request) -> HttpResponse | None:
    """The answer to a CORS preflight (OPTIONS with Access-Control-Request-Method), before any authentication."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    response = HttpResponse(status=204)
    herkomst = cors_toegestaan(request)
    if herkomst:
        response["Access-Control-Allow-Origin"] = herkomst
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "X-Api-Key, Accept, Accept-Crs, If-None-Match, If-Modified-Since"
        response["Access-Control-Max-Age"] = "3600"
    _vary(response, "Origin")
    response["API-Version"] = API_VERSIE
    return response


def _eerste_keer(etag: str) -> datetime:
    """When this body was first served: kept in the `api` cache (Redis when configured), now when unknown."""
    cache = caches["api"]
    sleutel = "api-etag-" + etag.strip('"')
    nu = int(datetime.now(tz=UTC).timestamp())
    gezien = cache.get_or_set(sleutel, nu, timeout=EERSTE_KEER_BEWAREN)
    return datetime.fromtimestamp(gezien, tz=UTC)


def _past(etag: str, kop: str) -> bool:
    if kop.strip() == "*":
        return True
    return etag in {deel.strip() for deel in kop.split(",")}


def afronden(request, response, *, publiek: bool = False):
    """Add the headers of every API response; turn a GET/HEAD 200 into a 304, or compress it, where it applies."""
    response["API-Version"] = API_VERSIE
    herkomst = cors_toegestaan(request)
    if herkomst:
        response["Access-Control-Allow-Origin"] = herkomst
        response["Access-Control-Expose-Headers"] = ZICHTBARE_KOPPEN
    _vary(response, *VARY, "Origin")
    if response.status_code != 200 or request.method not in ("GET", "HEAD") or getattr(response, "streaming", False):
        response["Cache-Control"] = "no-store"
        return response
    response["Cache-Control"] = PUBLIEK_CACHE_CONTROL if publiek else CACHE_CONTROL
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    inhoud = response.content
    etag = hashlib.sha256(inhoud).hexdigest()[:40]
    gzip = "gzip" in request.headers.get("Accept-Encoding", "") and len(inhoud) >= GZIP_VANAF
    etag = f'"{etag}-gzip"' if gzip else f'"{etag}"'
    laatst = _eerste_keer(etag)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(laatst.timestamp())
    if_none_match = request.headers.get("If-None-Match")
    if_modified_since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if (if_none_match is not None and _past(etag, if_none_match)) or (
        if_none_match is None and if_modified_since is not None and int(laatst.timestamp()) <= if_modified_since
    ):
        niet_gewijzigd = HttpResponse(status=304)
        for kop in ("ETag", "Last-Modified", "Cache-Control", "Vary", "API-Version", "Content-Crs", "Content-Location"):
            if kop in response:
                niet_gewijzigd[kop] = response[kop]
        for kop in ("Access-Control-Allow-Origin", "Access-Control-Expose-Headers"):
            if kop in response:
                niet_gewijzigd[kop] = response[kop]
        return niet_gewijzigd
    if gzip:
        response.content = compress_string(inhoud)
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    return response

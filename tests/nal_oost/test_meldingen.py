"""Messages as alerts where the user's eyes are: at their spot when the page renders it, else on top."""

import re

from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import RequestContext, Template
from django.test import RequestFactory

from nal_oost.meldingen import plek, plek_van

PAGINA = Template(
    "{% load meldingen %}{% meldingen_en_inhoud %}<section id='stappenplan'>{% if met_sectie %}"
    "{% meldingen 'stappenplan' %}{% endif %}</section>{% endmeldingen_en_inhoud %}"
)


def verzoek_met(*berichten):
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    for niveau, tekst, tags in berichten:
        messages.add_message(request, niveau, tekst, extra_tags=tags)
    return request


def render(request, **context) -> str:
    return PAGINA.render(RequestContext(request, context))


def test_a_placed_message_appears_in_its_spot_and_the_others_on_top():
    request = verzoek_met(
        (messages.SUCCESS, "Ecofactorij staat nu in 1. Voorbereiding.", plek("stappenplan")),
        (messages.INFO, "Opgeslagen filter bewaard.", ""),
    )
    html = render(request, met_sectie=True)
    boven, sectie = html.split("<section id='stappenplan'>")
    assert "Opgeslagen filter bewaard." in boven and "Voorbereiding" not in boven
    assert "Voorbereiding" in sectie and "Opgeslagen filter" not in sectie
    assert html.count("nal-melding ") == 2  # each once


def test_a_placed_message_whose_spot_is_not_on_the_page_is_shown_on_top():
    request = verzoek_met((messages.ERROR, "Dit kan nog niet.", plek("stappenplan")))
    html = render(request, met_sectie=False)
    assert html.index("Dit kan nog niet.") < html.index("<section")


def test_each_kind_is_told_by_words_and_icon_and_errors_are_announced_as_alerts():
    request = verzoek_met(
        (messages.SUCCESS, "Gelukt bericht", ""),
        (messages.WARNING, "Waarschuwing bericht", ""),
        (messages.ERROR, "Fout bericht", ""),
        (messages.INFO, "Info bericht", ""),
    )
    html = render(request, met_sectie=False)
    patroon = r'<div class="utrecht-alert utrecht-alert--(\w+) nal-melding[^"]*" role="(\w+)">(.*?)</div>\s*</div>\s*</div>'
    meldingen = re.findall(patroon, html, re.S)
    soorten = {soort: (rol, inhoud) for soort, rol, inhoud in meldingen}
    assert set(soorten) == {"ok", "warning", "error", "info"}
    assert soorten["error"][0] == "alert" and {soorten[s][0] for s in ("ok", "warning", "info")} == {"status"}
    kop = r'<strong class="nal-melding__soort">([^<]+)</strong>'
    woorden = {soort: re.search(kop, inhoud).group(1) for soort, (_, inhoud) in soorten.items()}
    assert woorden == {"ok": "Gelukt:", "warning": "Let op:", "error": "Niet gelukt:", "info": "Ter informatie:"}
    iconen = {soort: re.search(r"<svg[^>]*>(.*?)</svg>", inhoud, re.S).group(1) for soort, (_, inhoud) in soorten.items()}
    assert len(set(iconen.values())) == 4


def test_the_spot_is_read_from_the_extra_tags():
    request = verzoek_met((messages.SUCCESS, "x", f"iets {plek('stappenplan')}"), (messages.SUCCESS, "y", ""))
    berichten = list(messages.get_messages(request))
    assert [plek_van(b) for b in berichten] == ["stappenplan", None]

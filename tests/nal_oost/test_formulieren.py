"""The one form-field include, error summary and widget classes every form of the project uses."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string

from nal_oost.formulieren import nl_design_klassen
from terreinen.models import Gemeente


class VoorbeeldForm(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals op het kenteken.")
    opmerking = forms.CharField(label="Opmerking", required=False, widget=forms.Textarea)
    soort = forms.ChoiceField(label="Soort", choices=[("", "---------"), ("a", "A"), ("b", "B")])
    eigen_leeg = forms.ChoiceField(label="Eigen", choices=[("", "Alle"), ("a", "A")], required=False)
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=Gemeente.objects.none(), required=False)
    datum = forms.DateField(label="Datum", required=False)
    akkoord = forms.BooleanField(label="Akkoord", required=False)
    kleuren = forms.MultipleChoiceField(
        label="Kleuren", choices=[("r", "Rood"), ("g", "Groen")], widget=forms.CheckboxSelectMultiple, help_text="Eén of meer."
    )
    bestand = forms.FileField(label="Bestand", required=False)
    geheim = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nl_design_klassen(self)


def veld_html(form, naam) -> str:
    return render_to_string("nal/_veld.html", {"veld": form[naam]})


def test_widgets_get_the_utrecht_classes_a_date_picker_and_a_dutch_empty_choice(db):
    form = VoorbeeldForm()
    klassen = {naam: veld.widget.attrs.get("class", "") for naam, veld in form.fields.items()}
    assert klassen["naam"] == "utrecht-textbox utrecht-textbox--html-input"
    assert klassen["opmerking"] == "utrecht-textarea utrecht-textarea--html-textarea"
    assert klassen["soort"] == "utrecht-select utrecht-select--html-select"
    assert klassen["akkoord"] == klassen["kleuren"] == "utrecht-checkbox utrecht-checkbox--html-input"
    assert klassen["bestand"] == "utrecht-file-input" and klassen["geheim"] == ""
    assert 'type="date"' in str(form["datum"])
    # Django's "---------" becomes a Dutch prompt; a label the form chose itself stays.
    assert "---------" not in str(form["soort"]) + str(form["gemeente"])
    assert ">Kies …</option>" in str(form["soort"]) and ">Kies …</option>" in str(form["gemeente"])
    assert ">Alle</option>" in str(form["eigen_leeg"])


def test_a_class_set_by_the_form_is_kept_and_completed():
    class Form(forms.Form):
        code = forms.CharField(widget=forms.TextInput(attrs={"class": "utrecht-textbox nal-code"}))

    form = Form()
    nl_design_klassen(form)
    assert form.fields["code"].widget.attrs["class"] == "utrecht-textbox nal-code utrecht-textbox--html-input"


def test_a_date_is_shown_in_the_iso_form_the_date_picker_reads(db):
    import datetime as dt

    form = VoorbeeldForm(initial={"datum": dt.date(2026, 3, 2)})
    assert 'value="2026-03-02"' in str(form["datum"])


def test_field_markup_label_optional_marker_description_and_input(db):
    form = VoorbeeldForm()
    html = veld_html(form, "naam")
    assert 'class="utrecht-form-field utrecht-form-field--text nal-veld nal-veld--naam"' in html
    assert '<label class="utrecht-form-label" for="id_naam">Naam</label>' in html
    assert 'id="id_naam_helptext">Zoals op het kenteken.</div>' in html
    assert 'aria-describedby="id_naam_helptext"' in html
    assert "niet verplicht" not in html
    assert "(niet verplicht)" in veld_html(form, "opmerking")
    # A single checkbox sits before its label and gets no marker: unticked is an answer.
    akkoord = veld_html(form, "akkoord")
    assert "utrecht-form-field--checkbox" in akkoord and "niet verplicht" not in akkoord
    label = r'<label class="utrecht-form-label utrecht-form-label--checkbox" for="id_akkoord"><input[^>]+> Akkoord</label>'
    assert re.search(label, akkoord)


def test_an_invalid_field_names_its_error_linked_and_marked_invalid(db):
    form = VoorbeeldForm(data={"naam": "", "kleuren": []})
    assert not form.is_valid()
    html = veld_html(form, "naam")
    assert "utrecht-form-field--invalid" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_naam_helptext id_naam_error"' in html
    assert re.search(r'id="id_naam_error"><p class="nal-foutmelding"><span class="nal-visually-hidden">Fout: </span>', html)


def test_a_group_of_checkboxes_is_a_fieldset_with_a_legend_described_by_its_help_and_error(db):
    form = VoorbeeldForm(data={"naam": "x"})
    form.is_valid()
    html = veld_html(form, "kleuren")
    assert re.search(r'<fieldset id="id_kleuren" class="utrecht-form-fieldset [^"]*utrecht-form-fieldset--invalid"', html)
    assert 'aria-describedby="id_kleuren_helptext id_kleuren_error"' in html
    assert '<legend class="utrecht-form-fieldset__legend' in html and ">Kleuren</legend>" in html
    assert html.count('type="checkbox"') == 2 and 'for="id_kleuren_0"' in html
    assert '<fieldset id="id_kleuren"' in html  # a link to the whole group (e.g. from a guard line) lands on it


def test_error_summary_lists_every_error_with_a_link_to_its_field_and_is_announced(db):
    form = VoorbeeldForm(data={"naam": "", "soort": "x"})
    form.add_error(None, "Iemand anders was u voor.")
    html = render_to_string("nal/_formulier.html", {"form": form})
    samenvatting = html[: html.index("</ul>")]
    assert 'role="alert"' in samenvatting and 'tabindex="-1"' in samenvatting and "autofocus" in samenvatting
    assert "Er is niets opgeslagen. Verbeter het volgende:" in samenvatting
    assert '<li class="utrecht-unordered-list__item">Iemand anders was u voor.</li>' in samenvatting
    links = re.findall(r'<a class="utrecht-link utrecht-link--html-a" href="#([^"]+)">([^<]+)</a>', samenvatting)
    assert [doel for doel, _tekst in links] == ["id_naam", "id_soort", "id_kleuren_0"]
    # Every link leads to an element on the page.
    for doel, _tekst in links:
        assert f'id="{doel}"' in html
    assert 'type="hidden" name="geheim"' in html


def test_no_summary_without_errors_and_a_form_may_give_its_own_heading(db):
    assert "foutsamenvatting" not in render_to_string("nal/_formulier.html", {"form": VoorbeeldForm()})
    form = VoorbeeldForm(data={}, prefix="periode")
    html = render_to_string("nal/_foutsamenvatting.html", {"form": form, "kop": "De periode kon niet worden toegepast:"})
    assert 'id="foutsamenvatting-periode"' in html and "De periode kon niet worden toegepast:" in html


def test_every_template_renders_fields_through_the_one_include():
    """No unstyled `{{ form }}` / `as_p` and no second copy of the field include or the error summary."""
    from django.conf import settings

    mappen = [settings.BASE_DIR / "templates", *settings.BASE_DIR.glob("*/templates")]
    gevonden = []
    for map_ in mappen:
        for pad in map_.rglob("*.html"):
            tekst = pad.read_text()
            if re.search(r"{{\s*\w*form\s*}}|\.as_p\b|\.as_div\b|\.as_table\b|_form_fouten\.html", tekst):
                gevonden.append(str(pad))
            includes = re.findall(r'include "([\w/]*_veld\.html)"', tekst)
            # The park list's filter field is a lean copy for speed (overzicht/_filter_veld.html), not a form field.
            if any(v != "nal/_veld.html" and not v.endswith("/_filter_veld.html") for v in includes):
                gevonden.append(str(pad))
    assert not gevonden


@pytest.mark.parametrize(
    ("widget", "waarde"),
    [
        (forms.Select(choices=[("", "Kies …"), ("a", "Alfa & co"), ("b", "Beta")]), "a"),
        (forms.SelectMultiple(choices=[(1, "Een"), (2, "Twee"), (3, "Drie")], attrs={"size": 6}), [1, 3]),
        (forms.Select(choices=[("Gelderland", [("GM0200", "Apeldoorn")]), ("Overijssel", [("GM0193", "Zwolle")])]), "GM0193"),
        (forms.NullBooleanSelect(), True),
    ],
)
def test_the_lean_select_writes_the_same_html_as_djangos(widget, waarde):
    from nal_oost.formulieren import SELECT_TEMPLATE

    django_html = widget.render("veld", waarde, attrs={"id": "id_veld", "aria-describedby": "id_veld_helptext"})
    widget.template_name = SELECT_TEMPLATE
    assert widget.render("veld", waarde, attrs={"id": "id_veld", "aria-describedby": "id_veld_helptext"}) == django_html

"""The Czech admin: locale_admin/ completes Wagtail's and wagtail-localize's Czech catalogues.

Wagtail's own Czech translation leaves about a third of the admin untranslated, and because LANGUAGE_CODE is
"de" Django falls back to *German* for those strings. locale_admin/cs (second entry of LOCALE_PATHS) fills them
in. The expected values below are exact, so a German fallback or an English msgid fails the test.
Needs compiled catalogues (`manage.py compilemessages`, run by `make test`).
"""

import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

# Strings Wagtail 8.0 / wagtail-localize 1.14 leave untranslated in Czech, from the screens editors use.
SAMPLE = {
    # page explorer and editor
    "Schedule to publish": "Naplánovat publikaci",
    "Set publishing schedule": "Nastavit plán publikace",
    "No publishing schedule set": "Není nastaven plán publikace",
    "Locked by you": "Uzamčeno vámi",
    "Locked by workflow": "Uzamčeno postupem",
    "Anyone can edit this %(model_name)s": "Tuto položku (%(model_name)s) může upravovat kdokoli",
    "Preview in new tab": "Náhled na nové kartě",
    "Preview is out of date": "Náhled není aktuální",
    "Yes, unpublish": "Ano, zrušit publikaci",
    "Page type": "Typ stránky",
    "Search all pages…": "Hledat ve všech stránkách…",
    "Saving will overwrite a newer version.": "Uložením přepíšete novější verzi.",
    "%(model_name)s '%(object)s' has been submitted for moderation.": (
        "%(model_name)s '%(object)s': odesláno ke schválení."
    ),
    "Convert this alias into an ordinary page": "Převést tento alias na běžnou stránku",
    # workflows, tasks, notification e-mails, dashboard
    "Your pages and snippets in a workflow": "Vaše stránky a úryvky ve schvalovacím postupu",
    "Task submitted by": "Úlohu odeslal(a)",
    "In Moderation": "Ve schvalování",
    'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".': (
        'Položka (%(model_name)s) "%(title)s" byla schválena ve fázi schvalování "%(task)s".'
    ),
    'The page "%(title)s" has been submitted to workflow "%(workflow)s"': (
        'Stránka "%(title)s" byla odeslána do postupu "%(workflow)s"'
    ),
    "Resolve comment": "Odsouhlasit komentář",
    # snippets, images, documents, reports, account
    "Select all snippets in listing": "Vybrat všechny úryvky ve výpisu",
    "Use new image": "Použít nový obrázek",
    "Delete selected documents": "Smazat vybrané dokumenty",
    "Aging pages": "Zastarávající stránky",
    "Theme preferences": "Nastavení vzhledu",
    "Use server time zone": "Použít časové pásmo serveru",
    # wagtail-localize
    "Start Synced translation": "Zahájit synchronizovaný překlad",
    "Use machine translation": "Použít strojový překlad",
    "Convert to alias": "Převést na alias",
    "Synchronise content from another locale": "Synchronizovat obsah z jiného místního nastavení",
}

PLURAL_SAMPLE = [
    # (singular, plural, {n: expected}) -- Czech has three forms: 1 / 2–4 / 0, 5+
    (
        "Publish 1 page",
        "Publish %(counter)s pages",
        {1: "Publikovat 1 stránku", 3: "Publikovat %(counter)s stránky", 7: "Publikovat %(counter)s stránek"},
    ),
    (
        "%(num_parent_objects)d page has been published",
        "%(num_parent_objects)d pages have been published",
        {
            1: "%(num_parent_objects)d stránka byla publikována",
            2: "%(num_parent_objects)d stránky byly publikovány",
            5: "%(num_parent_objects)d stránek bylo publikováno",
        },
    ),
]


def test_admin_strings_missing_from_wagtail_come_back_in_czech():
    with translation.override("cs"):
        got = {msgid: gettext(msgid) for msgid in SAMPLE}
        plurals = [(s, n, ngettext(s, p, n), expected[n]) for s, p, expected in PLURAL_SAMPLE for n in expected]
    assert got == SAMPLE
    for singular, n, value, expected in plurals:
        assert value == expected, (singular, n)


def test_other_languages_are_untouched():
    with translation.override("de"):
        assert gettext("Schedule to publish") != "Naplánovat publikaci"
    with translation.override("en"):
        assert gettext("Schedule to publish") == "Schedule to publish"


@pytest.fixture
def czech_admin(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "cs"
    profile.save()
    return admin_client


@pytest.mark.django_db
def test_dashboard_is_czech_for_a_czech_editor(czech_admin):
    response = czech_admin.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<html[^>]* lang="cs"', html)
    # Wagtail's own Czech catalogue has these ...
    assert "Přehled obsahu" in html
    # ... and these come from locale_admin (Wagtail leaves them untranslated, so they were German before)
    assert 'placeholder="Hledat ve všech stránkách…"' in html
    assert re.search(r'\d+ (stránka|stránky|stránek) <span class="w-sr-only">vytvořen\w+ na webu ', html)
    assert "Zobrazit/skrýt postranní panel" in html
    for german in ("Alle Seiten durchsuchen", "erstellt in", "Seitenleiste ein-/ausblenden"):
        assert german not in html


def _js_catalog(client, url):
    response = client.get(url)
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    assert match, url
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_javascript_catalogues_are_czech(czech_admin):
    admin_js = _js_catalog(czech_admin, "/admin/jsi18n/")
    assert admin_js["Collapse all"] == "Sbalit vše"
    assert admin_js["Enter your reply..."] == "Napište odpověď..."
    localize_js = _js_catalog(czech_admin, "/admin/localize/jsi18n/")
    assert localize_js["Stop Synced translation"] == "Ukončit synchronizovaný překlad"
    # correction: wagtail-localize's cs drops the trailing space before the appended locale name
    assert localize_js["Publish in "] == "Publikovat – "

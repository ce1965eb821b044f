"""A small world for partner tests, built once per test class on top of the session corpus.

`PartnerTestCase.setUpTestData` runs `setup_partners` (rolled back after the class) and creates one user
per role. Pages come from the corpus: a Chemnitz listing (IHK Chemnitz's region), a Liberec listing
(MAS Český sever's) with a German translation, and so on.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import Translation

from directory.models import CompanyPage, InstitutionPage
from partners.roles import MODERATORS, TRANSLATORS
from partners.setup import setup_partners

PASSWORD = "partner-test-pw-1"

ROLE_GROUPS = {
    "editor_in_region": ["IHK Chemnitz"],
    "editor_out_of_region": ["MAS Český sever"],
    "translator": [TRANSLATORS],
    "moderator": [MODERATORS],
    "wfs_editor": ["WFS"],
}
LANGUAGES = {"editor_out_of_region": "cs"}


def make_user(username, groups=(), language="de", **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.test", password=PASSWORD, preferred_language=language, **extra
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def source_company(region, language, translated_into=None, untranslated_into=None):
    """A listing written in `language` in `region`, optionally with / without a wagtail-localize translation."""
    pages = CompanyPage.objects.filter(
        region__code=region, alias_of__isnull=True, locale__language_code=language, source_language=language
    ).order_by("pk")
    for page in pages:
        targets = set(
            Translation.objects.filter(source__object_id=page.translation_key).values_list(
                "target_locale__language_code", flat=True
            )
        )
        if translated_into and translated_into not in targets:
            continue
        if untranslated_into and untranslated_into in targets:
            continue
        return page
    raise LookupError((region, language, translated_into, untranslated_into))


def institution(slug, language=None):
    pages = InstitutionPage.objects.filter(slug=slug)
    if language:
        return pages.get(locale__language_code=language)
    return pages.filter(alias_of__isnull=True).order_by("pk").first()


class PartnerTestCase(TestCase):
    """Partners, groups and one user per role; subclasses add what they need in `setUpTestData`."""

    @classmethod
    def setUpTestData(cls):
        setup_partners()
        cls.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cls.users = {
            role: make_user(role.replace("_", "-"), groups, LANGUAGES.get(role, "de"))
            for role, groups in ROLE_GROUPS.items()
        }
        cls.users["administrator"] = make_user("administrator", is_superuser=True, is_staff=True)
        cls.users["sme"] = make_user("sme-owner", language="cs")  # no admin access: submits via front-end forms
        cls.chemnitz = source_company("DED41", "de")
        cls.liberec = source_company("CZ051", "cs", translated_into="de")

    def login(self, role):
        if role != "anonymous":
            self.client.force_login(self.users[role])

    def fresh(self, page):
        return type(page).objects.get(pk=page.pk)


def stream_items(stream_value):
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream_value]


def edit_form_data(client, page, **changes):
    """POST data for the page's edit form, read from the edit view as `client` sees it.

    Stream fields are rendered by JavaScript, so their values are added from the page itself.
    """
    from django.urls import reverse
    from wagtail.fields import StreamField
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    latest = page.get_latest_revision_as_object()
    streams = {
        field.name: streamfield(stream_items(getattr(latest, field.name)))
        for field in latest._meta.get_fields()
        if isinstance(field, StreamField)
    }
    data.update(nested_form_data(streams))
    for name, value in changes.items():
        data[name] = value
    return data

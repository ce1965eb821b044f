"""Idempotent creation of the site skeleton: locales, home pages, section indexes, standard pages, Site."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from directory.models import DirectoryIndexPage, InstitutionIndexPage
from events.models import EventIndexPage
from home import demo_content
from home.models import HomePage, StandardPage

INDEX_MODELS = {"directory": DirectoryIndexPage, "institutions": InstitutionIndexPage, "events": EventIndexPage}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def _publish(page):
    page.save_revision().publish()
    return page


def _translation(page, locale, **fields):
    """The page's counterpart in `locale`, created as a real translation on first use."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        existing = page.copy_for_translation(locale)
    changed = False
    for name, value in fields.items():
        if getattr(existing, name) != value:
            setattr(existing, name, value)
            changed = True
    if changed or not existing.live:
        _publish(existing)
    return existing


def ensure_home_pages(locales):
    root = Page.get_first_root_node()
    default = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome" page; our home page takes its place.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        home = root.add_child(
            instance=HomePage(slug="home", locale=default, **demo_content.HOME[default.language_code])
        )
        _publish(home)
    homes = {default.language_code: home}
    for code, locale in locales.items():
        if code != default.language_code:
            homes[code] = _translation(home, locale, **demo_content.HOME[code])
    return homes


def ensure_index_pages(homes, locales):
    default_code = settings.LANGUAGE_CODE
    indexes = {}
    for slug, model in INDEX_MODELS.items():
        page = model.objects.filter(locale=locales[default_code]).first()
        title, intro = demo_content.INDEXES[slug][default_code]
        if page is None:
            page = homes[default_code].add_child(instance=model(title=title, intro=intro, slug=slug))
            _publish(page)
        indexes[slug] = {default_code: page}
        for code, locale in locales.items():
            if code != default_code:
                title, intro = demo_content.INDEXES[slug][code]
                indexes[slug][code] = _translation(page, locale, title=title, intro=intro)
    return indexes


def ensure_standard_pages(homes, locales):
    default_code = settings.LANGUAGE_CODE
    for slug, texts in demo_content.STANDARD_PAGES.items():
        page = StandardPage.objects.filter(locale=locales[default_code], slug=slug).first()
        title, intro, paragraphs = texts[default_code]
        if page is None:
            page = homes[default_code].add_child(
                instance=StandardPage(
                    title=title,
                    intro=intro,
                    slug=slug,
                    show_in_menus=True,
                    easy_language=slug == "easy-language",
                    body=[("paragraph", f"<p>{p}</p>") for p in paragraphs],
                )
            )
            _publish(page)
        for code, locale in locales.items():
            if code != default_code and page.get_translation_or_none(locale) is None:
                title, intro, paragraphs = texts[code]
                _translation(
                    page, locale, title=title, intro=intro, body=[("paragraph", f"<p>{p}</p>") for p in paragraphs]
                )


def ensure_site(home, hostname="127.0.0.1", port=8000):
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = hostname, port, home, "Glokal"
    site.save()
    Site.objects.exclude(pk=site.pk).delete()
    return site


@transaction.atomic
def setup_site(hostname="127.0.0.1", port=8000):
    locales = ensure_locales()
    homes = ensure_home_pages(locales)
    indexes = ensure_index_pages(homes, locales)
    ensure_standard_pages(homes, locales)
    ensure_site(homes[settings.LANGUAGE_CODE], hostname, port)
    return homes, indexes

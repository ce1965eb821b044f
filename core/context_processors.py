"""Navigation shared by every page: the active locale's home, section entries and footer pages."""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page


def _navigation():
    from directory.models import DirectoryIndexPage, InstitutionIndexPage
    from events.models import EventIndexPage
    from home.models import HomePage, StandardPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {}
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        return {}

    def first(model):
        return model.objects.live().filter(locale=locale).first()

    return {
        "home": home,
        "directory": first(DirectoryIndexPage),
        "institutions": first(InstitutionIndexPage),
        "events": first(EventIndexPage),
        "footer_pages": list(
            StandardPage.objects.live().public().filter(locale=locale, show_in_menus=True).child_of(home)
        ),
    }


def site_navigation(request):
    language = translation.get_language()
    return {"nav": SimpleLazyObject(_navigation), "LANGUAGE": language, "page_type": Page}

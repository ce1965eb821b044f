from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "glokal_search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.api.v3.api import api

        from search.api import router

        # Registered before the URLconf reads api.urls, so it shows in /api/v3/openapi.json.
        api.add_router("/directory/", router)
        from search import lookups, signals  # noqa: F401 (lookups registers field__anyof)

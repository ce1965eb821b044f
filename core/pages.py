"""The base of every page type: language-aware helpers shared by templates and the sitemap."""

from django.utils import translation
from wagtail.models import Locale, Page


class BasePage(Page):
    """Abstract base: translation links, source-language fallback and sitemap alternates."""

    class Meta:
        abstract = True

    # Pages whose slug stays the same in every locale (DESIGN.md §2).
    keep_slug_across_locales = False

    def is_untranslated_alias(self):
        """An alias in another locale shows its source text: the listing is not translated yet."""
        return bool(self.alias_of_id) and self.alias_of.locale_id != self.locale_id

    @property
    def content_language(self):
        """The language the text on this page is written in (an alias shows its source's text)."""
        if self.alias_of_id:
            return self.alias_of.locale.language_code
        return self.locale.language_code

    def get_localized_urls(self, request=None):
        """{language code: URL} for every live counterpart of this page, the locale's home page otherwise."""
        from home.models import HomePage

        urls = {}
        for page in self.get_translations(inclusive=True).live().select_related("locale"):
            urls[page.locale.language_code] = page.get_url(request=request)
        for locale in Locale.objects.all():
            if locale.language_code not in urls:
                home = HomePage.objects.live().filter(locale=locale).first()
                if home:
                    urls[locale.language_code] = home.get_url(request=request)
        return urls

    def search_tokens(self):
        """The analysed search document (search/documents.py); listing and event pages index it.

        Kept on the instance until it is saved or reloaded: a backend reads the field several times per
        page (modelsearch's PostgreSQL backend five times), and a batch is prepared ahead in one go."""
        document = self.__dict__.get("_search_document")
        if document is None:
            from search.documents import store_document

            document = self._search_document = store_document(self)
        return document

    def save(self, *args, **kwargs):
        self.__dict__.pop("_search_document", None)
        return super().save(*args, **kwargs)

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("_search_document", None)
        return super().refresh_from_db(*args, **kwargs)

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request=request)
        alternates = [
            {"lang_code": page.locale.language_code, "location": page.get_full_url(request=request)}
            for page in self.get_translations(inclusive=True).live().public().select_related("locale")
        ]
        for entry in entries:
            entry["alternates"] = alternates
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["localized_urls"] = self.get_localized_urls(request)
        context["current_language"] = translation.get_language()
        return context

"""A sitemap covering every locale's page tree, each entry with its hreflang alternates."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class MultilingualSitemap(Sitemap):
    def items(self):
        site = Site.find_for_request(self.request) if self.request else Site.objects.get(is_default_site=True)
        roots = site.root_page.get_translations(inclusive=True)
        query = Page.objects.none()
        for root in roots:
            query |= Page.objects.descendant_of(root, inclusive=True)
        return query.live().public().order_by("path").defer_streamfields().specific()

"""What the search engines index for a page: analysed tokens, computed once in Python (DESIGN.md §3)."""

from django.db import models


class SearchText(models.Model):
    """The analysed document of one page, kept to build the spelling vocabulary without re-analysing."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    tokens = models.TextField(blank=True)
    terms = models.TextField(blank=True, help_text="Surface words for spelling suggestions")
    facets = models.TextField(blank=True, help_text="Filter values as facet=value words (search/facets.py)")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"search text of page {self.page_id}"

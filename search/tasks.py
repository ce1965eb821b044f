"""Background reindexing (immediate in development and tests, a worker in production)."""

from django_tasks import task
from wagtail.models import Page
from wagtail.search.index import insert_or_update_object


def _listing_models():
    from directory.models import CompanyPage, InstitutionPage
    from events.models import EventPage

    return (CompanyPage, InstitutionPage, EventPage)


@task()
def reindex_pages(page_ids):
    for page in Page.objects.filter(pk__in=page_ids).specific().iterator(chunk_size=200):
        insert_or_update_object(page)


@task()
def reindex_listings(taxonomy=None, pk=None):
    """Every listing (glossary changed) or those linked to one taxonomy entry."""
    lookups = {
        "industry": "industries",
        "certification": "certifications",
        "region": "region",
    }
    for model in _listing_models():
        queryset = model.objects.all()
        if taxonomy:
            field = lookups[taxonomy]
            if not hasattr(model, field):
                continue
            queryset = queryset.filter(**{field: pk})
        for page in queryset.distinct().iterator(chunk_size=200):
            insert_or_update_object(page)

"""Keep search current when something outside a page's own row changes what it should match."""

from contextlib import contextmanager

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from directory.models import Certification, GlossaryConcept, Industry, Region
from search.glossary import bump_generation
from search.spelling import mark_changed
from search.tasks import reindex_listings, reindex_pages

_state = {"suspended": False}


@contextmanager
def bulk_changes():
    """Bulk loads (imports) save many pages: index them in batches at the end, not one request per save.

    Meant for management commands (it swaps process-wide signal receivers while it runs).
    """
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    pending = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            pending.setdefault(sender, set()).add(instance.pk)

    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(collect, sender=model, weak=False, dispatch_uid=f"bulk-collect-{model._meta.label}")
    _state["suspended"] = True
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"bulk-collect-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)
        _state["suspended"] = False
        bump_generation()
        mark_changed()
        if succeeded:
            index_in_batches(pending)


def index_in_batches(pending, batch_size=500):
    from modelsearch.backends import get_search_backends
    from modelsearch.index import get_indexed_instance

    from search.documents import prepare_documents, with_document_relations

    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in pending.items():
        pks = sorted(pks)
        for start in range(0, len(pks), batch_size):
            by_class = {}
            batch = list(with_document_relations(model.objects.filter(pk__in=pks[start : start + batch_size])))
            prepare_documents(batch)
            for obj in batch:
                indexed = get_indexed_instance(obj, check_exists=False)
                if indexed is not None:
                    by_class.setdefault(type(indexed), []).append(indexed)
            for indexed_model, objs in by_class.items():
                for backend in backends:
                    backend.add_bulk(indexed_model, objs)


def _pages_using(tokens):
    from search.models import SearchText

    query = Q()
    for token in tokens:
        query |= Q(tokens__contains=f" {token} ")
    return list(SearchText.objects.filter(query).values_list("page_id", flat=True)) if tokens else []


def _concept_tokens(concept):
    from search.glossary import term_words

    tokens = set()
    for language in ("de", "cs", "en"):
        for term in concept.terms_in(language):
            for alternatives in term_words(term, language)[:1]:
                tokens |= alternatives
    return tokens


@receiver(pre_save, sender=GlossaryConcept)
def remember_old_terms(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw and not _state["suspended"]:
        old = GlossaryConcept.objects.filter(pk=instance.pk).first()
        instance._old_tokens = _concept_tokens(old) if old else set()


@receiver(post_save, sender=GlossaryConcept)
@receiver(post_delete, sender=GlossaryConcept)
def glossary_changed(sender, instance, raw=False, **kwargs):
    """Listings that use the concept's terms (before or after the edit) get their documents rebuilt."""
    if _state["suspended"] or raw:
        return
    bump_generation()
    mark_changed()
    tokens = _concept_tokens(instance) | getattr(instance, "_old_tokens", set())
    pages = _pages_using(tokens)
    if pages:
        reindex_pages.enqueue(pages)


@receiver(post_save, sender=Industry)
@receiver(post_save, sender=Region)
@receiver(post_save, sender=Certification)
def taxonomy_changed(sender, instance, created, raw=False, **kwargs):
    if created or raw or _state["suspended"]:
        return  # nothing links to a new entry yet
    reindex_listings.enqueue(taxonomy=sender._meta.model_name, pk=instance.pk)


@receiver(page_published)
@receiver(page_unpublished)
def language_version_changed(sender, instance, **kwargs):
    """A listing's document holds all its language versions: refresh the other locales' pages too."""
    if not hasattr(instance, "search_tokens") or instance.depth <= 3 or _state["suspended"]:
        return
    mark_changed()
    siblings = list(instance.get_translations().values_list("pk", flat=True))
    if siblings:
        reindex_pages.enqueue(siblings)

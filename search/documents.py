"""The search document of a listing: its texts in every language version, taxonomy labels in de/cs/en,
region aliases and glossary expansions, analysed once into tokens that every engine matches alike."""

from django.utils.html import strip_tags

from search.analysis import analyze, vocabulary_terms
from search.glossary import expand
from search.spelling import mark_changed

LABEL_LANGUAGES = ("de", "cs", "en")


def _block_texts(stream):
    for block in stream or []:
        value = block.value
        for key in ("title", "text"):
            if value.get(key):
                yield str(value[key])


def page_texts(page):
    """(text, language) pairs written on this version of the page."""
    language = page.content_language
    texts = [(page.title, None), (page.title, None)]  # the name counts twice: it is what people search for
    for name in ("legal_name", "city", "venue_name"):
        if getattr(page, name, ""):
            texts.append((getattr(page, name), None))
    for name in ("description", "intro"):
        value = getattr(page, name, "")
        if value:
            texts.append((strip_tags(str(value)), language))
    for name in ("offers", "needs", "services", "agenda"):
        texts.extend((text, language) for text in _block_texts(getattr(page, name, None)))
    return texts


def taxonomy_texts(page):
    texts = []
    for name in ("industries", "certifications"):
        manager = getattr(page, name, None)
        if manager is None:
            continue
        for item in manager.all():
            texts.append((item.code, None))
            texts.extend((item.label_in(language), language) for language in LABEL_LANGUAGES)
            parent = getattr(item, "parent", None)
            if parent is not None:
                texts.extend((parent.label_in(language), language) for language in LABEL_LANGUAGES)
    region = getattr(page, "region", None)
    if region is not None:
        texts.append((region.code, None))
        texts.extend((region.label_in(language), language) for language in LABEL_LANGUAGES)
        texts.extend((alias, None) for alias in region.alias_list())
    return texts


def language_versions(page):
    """This page and its live, written (non-alias) versions in other locales."""
    versions = [page]
    translations = page.get_translations().live().filter(alias_of__isnull=True).specific()
    versions.extend(version for version in translations if version.pk != page.pk)
    if page.alias_of_id and page.alias_of.live:
        source = page.alias_of.specific
        if all(version.pk != source.pk for version in versions):
            versions.append(source)
    return versions


def build_document(page):
    """(tokens, vocabulary terms) of `page` for the search index."""
    texts = []
    for version in language_versions(page):
        texts.extend(page_texts(version))
    own = [token for text, language in texts for token in analyze(text, language, stop_words=language is not None)]
    labels = [token for text, language in taxonomy_texts(page) for token in analyze(text, language, stop_words=False)]
    tokens = own + labels
    tokens += expand(tokens)
    terms = set()
    for text, language in texts:
        terms |= vocabulary_terms(text, language)
    return tokens, terms


def store_document(page):
    """Build and keep the document; returns the token string the engines index."""
    from search.models import SearchText

    tokens, terms = build_document(page)
    # Padded with spaces so "which documents use token X" is a plain substring test (search/signals.py).
    text = f" {' '.join(tokens)} "
    SearchText.objects.update_or_create(page_id=page.pk, defaults={"tokens": text, "terms": " ".join(sorted(terms))})
    mark_changed()
    return text

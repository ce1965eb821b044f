"""The search document of a listing: its texts in every language version, taxonomy labels in de/cs/en,
region aliases and glossary expansions, analysed once into tokens that every engine matches alike."""

from urllib.parse import quote

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


def language_versions(page, translations=None):
    """This page and its live, written (non-alias) versions in other locales (`translations`: those
    versions when the caller has loaded them for a whole batch)."""
    versions = [page]
    if translations is None:
        translations = page.get_translations().live().filter(alias_of__isnull=True).specific()
    versions.extend(version for version in translations if version.pk != page.pk)
    if page.alias_of_id and all(version.pk != page.alias_of_id for version in versions):
        source = page.alias_of
        if source.live:
            versions.append(source.specific)
    return versions


def build_document(page, translations=None):
    """(tokens, vocabulary terms) of `page` for the search index."""
    texts = []
    for version in language_versions(page, translations):
        texts.extend(page_texts(version))
    own = [token for text, language in texts for token in analyze(text, language, stop_words=language is not None)]
    labels = [token for text, language in taxonomy_texts(page) for token in analyze(text, language, stop_words=False)]
    tokens = own + labels
    tokens += expand(tokens)
    tokens.append(scope_token(type(page), page.locale.language_code))
    terms = set()
    for text, language in texts:
        terms |= vocabulary_terms(text, language)
    return tokens, terms


def scope_token(model, language_code):
    """The one token that every listing of this type in this locale carries, and no query word can give
    (the analyser has no "zzscope" words): the PostgreSQL engine narrows its index scans to it."""
    return "zzscope" + "".join(c for c in f"{model._meta.model_name}{language_code}".lower() if c.isalnum())


def _row(page, translations=None):
    from search.models import SearchText

    tokens, terms = build_document(page, translations)
    row = SearchText(
        page_id=page.pk,
        # Each token once (re-ranking needs the set, not the counts), padded with spaces so that "which
        # documents use token X" is a plain substring test (search/signals.py).
        tokens=f" {' '.join(dict.fromkeys(tokens))} ",
        terms=" ".join(sorted(terms)),
        facets=facet_text(page),
    )
    return row, " ".join(tokens)  # the engines index every occurrence (term frequencies)


def facet_text(page):
    """The page's filter values as "facet=value" words (search/facets.py reads them back)."""
    values = []
    region = getattr(page, "region", None)
    if region is not None:
        values.append(("region", region.code))
    for facet, name in (("country", "country"), ("size", "size")):
        if getattr(page, name, ""):
            values.append((facet, getattr(page, name)))
    if hasattr(page, "is_verified"):
        values.append(("verified", "true" if page.is_verified else "false"))
    for facet, name in (("industry", "industries"), ("certification", "certifications"), ("language", "languages")):
        manager = getattr(page, name, None)
        if manager is None:
            continue
        for item in manager.all():
            values.append((facet, item.code))
            if facet == "industry" and item.parent_id:
                values.append(("section", item.parent.code))
    return " ".join(f"{facet}={quote(str(value), safe='')}" for facet, value in dict.fromkeys(values))


def _save(rows):
    from search.models import SearchText

    SearchText.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["tokens", "terms", "facets", "updated_at"],
    )
    mark_changed()


def store_document(page):
    """Build and keep the document; returns the token string the engines index."""
    row, text = _row(page)
    _save([row])
    return text


def prepare_documents(pages):
    """Build and keep the documents of a batch of pages with a few queries, and hand each page its token
    string (BasePage.search_tokens returns it), so that indexing the batch analyses every page once."""
    pages = [page for page in pages if hasattr(page, "search_tokens")]
    if not pages:
        return
    from wagtail.models import Page

    by_key = {}
    keys = {page.translation_key for page in pages}
    written = Page.objects.live().filter(translation_key__in=keys, alias_of__isnull=True).specific()
    for version in written:
        by_key.setdefault(version.translation_key, []).append(version)
    rows = []
    for page in pages:
        row, page._search_document = _row(page, by_key.get(page.translation_key, []))
        rows.append(row)
    _save(rows)


def with_document_relations(queryset):
    """`queryset` with what build_document reads loaded in a few queries per batch."""
    names = {field.name for field in queryset.model._meta.get_fields()}
    related = [name for name in ("locale", "alias_of__locale", "region") if name.split("__")[0] in names]
    prefetch = [name for name in ("industries__parent", "certifications", "languages") if name.split("__")[0] in names]
    return queryset.select_related(*related).prefetch_related(*prefetch)

"""Directory search: one service behind the search page and the JSON API (DESIGN.md §3).

The query is analysed in Python (search/analysis) into alternative tokens per word, corrected against the
index vocabulary, and sent to the configured engine as an OR query over the analysed documents; the engine
ranks. Filters and facet counts run in the database over the engine's hits, so they are exact and alike
on every engine.
"""

from dataclasses import dataclass, field
from functools import partial

from django.utils.translation import override
from wagtail.models import Locale

from directory.filters import COMPANY_ONLY, facet_counts, filter_q
from search.analysis import query_terms
from search.engines import candidates
from search.facets import counts, filtered, labelled, visible_facet_values
from search.models import SearchText
from search.ranking import RERANK_DEPTH, rerank
from search.snippets import snippet
from search.spelling import vocabulary

TYPES = ("company", "institution", "event")
FACETS = ("industry", "region", "country", "size", "certification", "language", "verified")


def type_models():
    from directory.models import CompanyPage, InstitutionPage
    from events.models import EventPage

    return {"company": CompanyPage, "institution": InstitutionPage, "event": EventPage}


@dataclass
class SearchParams:
    q: str = ""
    lang: str = "de"
    limit: int = 10
    offset: int = 0
    types: list = field(default_factory=list)
    industry: list = field(default_factory=list)
    region: list = field(default_factory=list)
    country: list = field(default_factory=list)
    size: list = field(default_factory=list)
    certification: list = field(default_factory=list)
    language: list = field(default_factory=list)
    verified: str | None = None

    def filters(self):
        return {
            "industry": self.industry,
            "region": self.region,
            "country": self.country,
            "size": self.size,
            "certification": self.certification,
            "language": self.language,
            "verified": self.verified or "",
        }


@dataclass
class SearchHit:
    type: str
    page: object
    score: float | None
    snippet: str = ""


@dataclass
class SearchResult:
    count: int
    hits: list
    facets: dict
    terms: list
    suggestion: str = ""


def _tokens(terms):
    return sorted({token for term in terms for token in term.tokens})


def _documents(pks):
    rows = SearchText.objects.filter(page_id__anyof=list(pks)).values_list("page_id", "page__title", "tokens")
    return {pk: (title, set(tokens.split())) for pk, title, tokens in rows}


def search(params: SearchParams) -> SearchResult:
    with override(params.lang):  # taxonomy labels in facets follow the answer's language
        return _search(params)


def _search(params: SearchParams) -> SearchResult:
    locale = Locale.objects.get(language_code=params.lang)
    models = type_models()
    types = params.types or list(TYPES)
    filters = params.filters()
    terms = query_terms(params.q, params.lang, vocabulary=vocabulary()) if params.q.strip() else []
    tokens = _tokens(terms)

    ranked, counted = [], {}
    for type_name in types:
        model = models[type_name]
        if model is not models["company"] and any(filters.get(name) for name in COMPANY_ONLY):
            continue
        if tokens:
            hits, documents = candidates(model, partial(_base, model, locale), locale, terms, tokens)
            if documents is None:
                documents = _documents([pk for _score, pk in hits[:RERANK_DEPTH]])
            hits = rerank(hits, terms, documents)
            scores = dict((pk, score) for score, pk in hits)
            # The database has the last word on live, public and locale, whatever the engine returned.
            rows = visible_facet_values(model, locale, scores)
            counts(rows, filters, FACETS, counted)
            ranked.extend((scores[pk], "", type_name, pk) for pk in filtered(rows, filters))
        else:
            base = _base(model, locale)
            counted = _merge(counted, _labelled_back(facet_counts(base, filters, FACETS)))
            allowed = base.filter(pk__in=base.filter(filter_q(filters, model=model)).values("pk"))
            ranked.extend((None, title, type_name, pk) for pk, title in allowed.values_list("pk", "title"))

    if tokens:
        ranked.sort(key=lambda row: (-row[0], row[3]))
    else:
        ranked.sort(key=lambda row: (row[1].casefold(), row[3]))
    window = ranked[params.offset : params.offset + params.limit]
    hits = _load_hits(window, models, terms)
    suggestion = _suggestion(terms) if tokens and not ranked else ""
    facets = labelled({facet: counted.get(facet, {}) for facet in FACETS})
    return SearchResult(count=len(ranked), hits=hits, facets=facets, terms=terms, suggestion=suggestion)


def _base(model, locale):
    return model.objects.live().public().filter(locale=locale)


def _labelled_back(facets):
    """The listing's facet lists ({facet: [{value, label, count}]}) as counts {facet: {value: count}}."""
    return {facet: {option["value"]: option["count"] for option in options} for facet, options in facets.items()}


def _merge(counted, more):
    for facet, bucket in more.items():
        target = counted.setdefault(facet, {})
        for value, count in bucket.items():
            target[value] = target.get(value, 0) + count
    return counted


def _load_hits(window, models, terms):
    by_type = {}
    for _score, _title, type_name, pk in window:
        by_type.setdefault(type_name, []).append(pk)
    pages = {}
    for type_name, pks in by_type.items():
        queryset = models[type_name].objects.filter(pk__in=pks).select_related("locale", "alias_of__locale")
        pages.update({(type_name, page.pk): page for page in queryset})
    hits = []
    for score, _title, type_name, pk in window:
        page = pages[(type_name, pk)]
        hits.append(SearchHit(type=type_name, page=page, score=score, snippet=snippet(page, terms)))
    return hits


def _suggestion(terms):
    """'Did you mean': the query with each unknown word replaced by its best known correction."""
    words = [term.corrections[0] if term.corrections else term.text for term in terms]
    suggestion = " ".join(words)
    original = " ".join(term.text for term in terms)
    return suggestion if suggestion.casefold() != original.casefold() else ""

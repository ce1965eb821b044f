"""The engine step of directory search: the best candidates for the analysed query terms.

Every engine matches the same analysed tokens (search/documents.py). Two ways to get candidates:

- OpenSearch / Elasticsearch / SQLite: Wagtail's search API (modelsearch) with an OR query over every
  alternative token; the engine ranks (BM25, FTS5 rank).
- PostgreSQL with modelsearch's database backend: modelsearch's own query ranks every match with
  ``ts_rank`` over ``title || body``, which reads each matching document's vector: seconds at 100,000
  listings when a query word is common. Here the same index table (its GIN-indexed ``body`` and ``title``
  vectors) is read with index scans only: first the listings that match every query term (title matches
  first), then — when those are too few — the listings that match some terms, ranked by how many and how
  rare. The coverage re-ranking (search/ranking.py) then orders the head alike on every engine.
"""

import math

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.query import And, Or, PlainText

from search.documents import scope_token
from search.ranking import RERANK_DEPTH

MAX_HITS = 1000
ENOUGH = 200  # candidates that match every term; fewer and partial matches are added
MAIN_WEIGHT = 0.8  # search/analysis: the typed form 1.0, its stems 0.8, other languages' stems 0.5
RANKED = 400  # candidates whose term frequencies are read (ts_rank) to order them within their tier


def candidates(model, base, locale, terms, tokens):
    """([(score, pk)] best first, at most MAX_HITS, among live pages of `locale`; the re-ranking documents
    {pk: (title, tokens)} of the best ones when the engine has read them already, else None).

    `base` (a callable returning the queryset of live, public pages) serves Wagtail's search API."""
    if _postgres_index() and _indexes_tokens(model):
        return _postgres_candidates(model, locale, terms)
    query = PlainText(" ".join(tokens), operator="or")
    results = base().only("pk").search(query, order_by_relevance=True)
    if hasattr(results, "_get_es_body"):
        return _elasticsearch_candidates(model, base, terms, results), None
    results = results.annotate_score("_score")[:MAX_HITS]
    return [(float(getattr(result, "_score", 0) or 0), result.pk) for result in results], None


def _term_search_query(term):
    """A term as Wagtail's search query: any of its alternatives, or all of its parts."""
    alternatives = PlainText(" ".join(sorted(term.tokens)), operator="or")
    if not term.parts:
        return alternatives
    return Or([alternatives, And([PlainText(" ".join(sorted(part)), operator="or") for part in term.parts])])


def _elasticsearch_candidates(model, base, terms, any_word):
    """Like PostgreSQL's: the listings that match every term first (a conjunction the engine answers from
    its rarest term), then, when those are few, the best matches of any word (`any_word`, BM25)."""
    terms = [term for term in terms if not term.stop_word and term.tokens] or [t for t in terms if t.tokens]
    if len(terms) < 2:
        return _elasticsearch_hits(model, any_word)
    every = base().only("pk").search(And([_term_search_query(term) for term in terms]), order_by_relevance=True)
    hits = _elasticsearch_hits(model, every)
    if len(hits) >= ENOUGH:
        return hits
    top = max((score for score, _pk in hits), default=0.0)
    seen = {pk for _score, pk in hits}
    best = [(score + top + 1.0, pk) for score, pk in hits]  # every-term matches stay ahead
    return best + [(score, pk) for score, pk in _elasticsearch_hits(model, any_word) if pk not in seen]


def _elasticsearch_hits(model, results):
    """[(score, pk)] in one request. modelsearch would page through more than 100 hits with the scroll API
    (ten round trips for a thousand) and load every page from the database; the ids and scores are all
    the search needs here (the database checks live, public and locale afterwards)."""
    params = {
        "index": results.backend.get_index_for_model(model).name,
        "_source": False,
        results.fields_param_name: "pk",
        "from_": 0,
        "size": MAX_HITS,
    }
    hits = results._backend_do_search(results._get_es_body(), **params)["hits"]["hits"]
    return [(float(hit.get("_score") or 0), int(hit["fields"]["pk"][0])) for hit in hits]


def _postgres_index():
    if connection.vendor != "postgresql":
        return False
    configured = str(settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND"))
    if configured not in _KINDS:
        from modelsearch.backends import get_search_backend
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        _KINDS[configured] = isinstance(get_search_backend(), PostgresSearchBackend)
    return _KINDS[configured]


_KINDS = {}  # configured backend path → whether it is modelsearch's PostgreSQL backend


def _indexes_tokens(model):
    return any(getattr(field, "field_name", None) == "search_tokens" for field in model.get_search_fields())


def _quote(token):
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"


def term_query(term):
    """tsquery text of one term: any of its alternatives, or all of its parts."""
    alternatives = [_quote(token) for token in sorted(term.tokens)]
    if term.parts:
        parts = " & ".join("(" + " | ".join(_quote(token) for token in sorted(part)) + ")" for part in term.parts)
        alternatives.append(f"({parts})")
    return " | ".join(alternatives)


_SQL = """
SELECT p.id FROM wagtailsearch_indexentry e JOIN wagtailcore_page p ON p.id = e.object_id::integer
WHERE e.content_type_id = %s AND e.{column} @@ to_tsquery('simple', %s) AND p.locale_id = %s AND p.live
LIMIT %s
"""


def _ids(column, content_type, tsquery, locale, limit=MAX_HITS):
    with connection.cursor() as cursor:
        cursor.execute(_SQL.format(column=column), [content_type, tsquery, locale.pk, limit])
        return [row[0] for row in cursor.fetchall()]


def _postgres_candidates(model, locale, terms):
    terms = [term for term in terms if not term.stop_word and term.tokens] or [t for t in terms if t.tokens]
    if not terms:
        return [], {}
    content_type = ContentType.objects.get_for_model(model).pk
    scope = _quote(scope_token(model, locale.language_code))  # this type in this locale (an index scan)
    queries = [f"({term_query(term)})" for term in terms]
    every = " & ".join(queries)
    in_title = _ids("title", content_type, every, locale)
    scores = {pk: len(terms) + 1.0 for pk in in_title}
    for pk in _ids("body", content_type, f"{scope} & {every}", locale, MAX_HITS + len(in_title)):
        scores.setdefault(pk, float(len(terms)))
    if len(scores) < ENOUGH and len(terms) > 1:
        # Partial matches: each term's listings; a listing scores the rarity (idf) of every term it matches.
        partial = {}
        for query in queries:
            ids = _ids("body", content_type, f"{scope} & {query}", locale)
            weight = math.log(1 + MAX_HITS / (1 + len(ids)))
            for pk in ids:
                partial[pk] = partial.get(pk, 0.0) + weight
        top = max(partial.values(), default=1.0) or 1.0
        for pk, score in partial.items():
            scores.setdefault(pk, score / top * (len(terms) - 1))
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:MAX_HITS]
    # The best-placed candidates also get PostgreSQL's ts_rank (term frequencies) within their tier, and the
    # head of the list the query tokens each one contains (for the re-ranking): vectors read by primary key.
    # Ranked by the words as typed and their stems only: compound parts and other languages' stems match
    # widely ("Drehteilen" → teilen) and would reward long documents that happen to use them often.
    main = sorted({token for term in terms for token in _main_tokens(term)})
    query = " | ".join(_quote(token) for token in main) or " | ".join(queries)
    rank = _ranks(content_type, query, [pk for pk, _score in ranked[:RANKED]])
    top = max(rank.values(), default=0.0) or 1.0
    ranked = sorted(
        ((score + 0.5 * rank.get(pk, 0.0) / top, pk) for pk, score in ranked), key=lambda item: (-item[0], item[1])
    )
    tokens = sorted({token for term in terms for token in _term_tokens(term)})
    return ranked, _present(content_type, tokens, [pk for _score, pk in ranked[:RERANK_DEPTH]])


def _main_tokens(term):
    """The typed word and its stems; for a word nobody uses, its spelling corrections instead."""
    if term.corrections:
        return [token for token, weight in term.weights.items() if weight < 1.0]
    return [token for token, weight in term.weights.items() if weight >= MAIN_WEIGHT]


def _term_tokens(term):
    yield from term.tokens
    for part in term.parts:
        yield from part


_RANK_SQL = """
SELECT e.object_id, ts_rank(e.body, to_tsquery('simple', %s)) FROM wagtailsearch_indexentry e
WHERE e.content_type_id = %s AND e.object_id = ANY(%s::varchar[])
"""
_PRESENT_SQL = """
SELECT e.object_id, e.title_text,
       ARRAY(SELECT t.word FROM unnest(%s::text[], %s::text[]) AS t(word, query) WHERE e.body @@ t.query::tsquery)
FROM wagtailsearch_indexentry e WHERE e.content_type_id = %s AND e.object_id = ANY(%s::varchar[])
"""


def _ranks(content_type, tsquery, pks):
    """{pk: ts_rank} of the pages `pks`."""
    if not pks:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_RANK_SQL, [tsquery, content_type, [str(pk) for pk in pks]])
        return {int(pk): float(rank) for pk, rank in cursor.fetchall()}


def _present(content_type, tokens, pks):
    """{pk: (title, the query tokens its document contains)} of the pages `pks` (search/ranking.py)."""
    if not pks:
        return {}
    queries = [_quote(token) for token in tokens]  # each one a tsquery of one word
    with connection.cursor() as cursor:
        cursor.execute(_PRESENT_SQL, [list(tokens), queries, content_type, [str(pk) for pk in pks]])
        return {int(pk): (title, set(present)) for pk, title, present in cursor.fetchall()}

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
from modelsearch.query import PlainText

from search.documents import scope_token

MAX_HITS = 1000
ENOUGH = 200  # candidates that match every term; fewer and partial matches are added
RANKED = 400  # candidates whose term frequencies are read (ts_rank) to order them within their tier


def candidates(model, base, locale, terms, tokens):
    """[(score, pk)] best first, at most MAX_HITS, among live pages of `locale` (`base` for the API path)."""
    if _postgres_index() and _indexes_tokens(model):
        return _postgres_candidates(model, locale, terms)
    query = PlainText(" ".join(tokens), operator="or")
    results = base.only("pk").search(query, order_by_relevance=True).annotate_score("_score")[:MAX_HITS]
    return [(float(getattr(result, "_score", 0) or 0), result.pk) for result in results]


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
        return []
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
    # The best-placed candidates also get PostgreSQL's ts_rank (term frequencies) within their tier: a
    # few hundred vectors read by primary key, not every match.
    head = [pk for pk, _score in ranked[:RANKED]]
    rank = _ts_rank(content_type, " | ".join(queries), head)
    top = max(rank.values(), default=0.0) or 1.0
    ranked = sorted(
        ((score + 0.5 * rank.get(pk, 0.0) / top, pk) for pk, score in ranked), key=lambda item: (-item[0], item[1])
    )
    return ranked


def _ts_rank(content_type, tsquery, pks):
    if not pks:
        return {}
    sql = (
        "SELECT e.object_id, ts_rank(e.body, to_tsquery('simple', %s)) FROM wagtailsearch_indexentry e "
        "WHERE e.content_type_id = %s AND e.object_id = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery, content_type, [str(pk) for pk in pks]])
        return {int(object_id): float(rank) for object_id, rank in cursor.fetchall()}

"""Re-ranking of the engine's best candidates by how much of the query each one covers.

Engines differ in scoring (BM25, ts_rank, FTS5 rank) and reward long documents that repeat one word. A
buyer's query names several things ("CNC Fräsen Chemnitz"): listings that match every part come first,
rarer parts count more, a match in the name counts extra, the engine's score breaks ties. The same
arithmetic runs on every engine, so they rank alike.
"""

import math

from search.analysis import analyze

RERANK_DEPTH = 200
TITLE_BONUS = 0.5
PARTS_WEIGHT = 0.7


def _term_score(term, tokens):
    best = max((weight for token, weight in term.weights.items() if token in tokens), default=0.0)
    if not best and term.parts and all(part & tokens for part in term.parts):
        best = PARTS_WEIGHT
    return best


def rerank(candidates, terms, documents):
    """candidates: [(engine score, pk)] best first; documents: {pk: (title, token set)}. Returns the same
    pairs, re-ordered, with the combined score."""
    terms = [term for term in terms if not term.stop_word] or terms
    head = candidates[:RERANK_DEPTH]
    if not head or not terms:
        return candidates
    top_engine = max(score for score, _pk in head) or 1.0
    coverage = {}
    for term_index, term in enumerate(terms):
        matched = [pk for _s, pk in head if pk in documents and _term_score(term, documents[pk][1])]
        idf = math.log(1 + len(head) / (1 + len(matched)))
        for pk in matched:
            coverage.setdefault(pk, {})[term_index] = _term_score(term, documents[pk][1]) * idf
    titles = {pk: set(analyze(documents[pk][0], None, stop_words=False)) for _s, pk in head if pk in documents}
    scored = []
    for engine_score, pk in head:
        parts = coverage.get(pk, {})
        score = sum(parts.values())
        score += TITLE_BONUS * sum(
            1 for index, term in enumerate(terms) if index in parts and term.tokens & titles.get(pk, set())
        )
        scored.append((score + 0.1 * engine_score / top_engine, pk))
    scored.sort(key=lambda item: -item[0])
    return scored + candidates[RERANK_DEPTH:]

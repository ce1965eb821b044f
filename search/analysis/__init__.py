"""Text analysis for directory search, in pure Python, shared by every search engine.

Engines (SQLite FTS5, PostgreSQL, OpenSearch) store and match only the tokens produced here, so that all
behave alike: accent folding, stemming per language (German, Czech, English), German compound splitting,
stop words. See ``analyze`` (documents) and ``analyze_query`` / ``query_terms`` (queries).
"""

from .analyzer import (
    AnalyzedWord,
    QueryTerm,
    analyze,
    analyze_many,
    analyze_query,
    analyze_words,
    normalize_language,
    query_terms,
    vocabulary_terms,
)
from .compounds import compound_parts, split_compound
from .stemming import LANGUAGES, word_keys
from .stopwords import STOP_WORDS, stop_words_for
from .text import Word, fold, tokenize

__all__ = [
    "LANGUAGES",
    "STOP_WORDS",
    "AnalyzedWord",
    "QueryTerm",
    "Word",
    "analyze",
    "analyze_many",
    "analyze_query",
    "analyze_words",
    "compound_parts",
    "fold",
    "normalize_language",
    "query_terms",
    "split_compound",
    "stop_words_for",
    "tokenize",
    "vocabulary_terms",
    "word_keys",
]

"""The spelling vocabulary: the words of every indexed document and of the glossary, rebuilt lazily
in each process when the index has changed since (a generation counter in the shared cache)."""

from collections import Counter

from core.generations import bump, current
from search.analysis import vocabulary_terms
from search.vocabulary import Vocabulary

GENERATION_KEY = "search:vocabulary-generation"
_local = {"generation": None, "vocabulary": None}


def mark_changed():
    bump(GENERATION_KEY)


def build():
    from directory.models import GlossaryConcept
    from search.models import SearchText

    counts = Counter()
    for terms in SearchText.objects.filter(page__live=True).values_list("terms", flat=True).iterator(chunk_size=2000):
        counts.update(terms.split())
    for concept in GlossaryConcept.objects.all():
        for language in ("de", "cs", "en"):
            for term in concept.terms_in(language):
                counts.update(vocabulary_terms(term, language))
    return Vocabulary(counts)


def vocabulary():
    generation = current(GENERATION_KEY)
    if _local["vocabulary"] is None or _local["generation"] != generation:
        _local["vocabulary"] = build()
        _local["generation"] = generation
    return _local["vocabulary"]

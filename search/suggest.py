"""Autocomplete on listing names and glossary terms (diacritics-insensitive prefix match)."""

from wagtail.models import Locale

from search.analysis import fold

LIMIT = 8


def suggestions(text, language):
    from directory.models import CompanyPage, GlossaryConcept, InstitutionPage

    prefix = fold(" ".join(text.split()).lower())[:60]
    if len(prefix) < 2:
        return []
    found = []
    locale = Locale.objects.filter(language_code=language).first()
    for model in (CompanyPage, InstitutionPage):
        names = model.objects.live().public().filter(locale=locale).values_list("title", flat=True)
        found.extend(
            name for name in names if fold(name.lower()).startswith(prefix) or f" {prefix}" in fold(name.lower())
        )
        if len(found) >= LIMIT:
            break
    if len(found) < LIMIT:
        for concept in GlossaryConcept.objects.all():
            for term in concept.terms_in(language):
                if fold(term.lower()).startswith(prefix):
                    found.append(term)
    return list(dict.fromkeys(found))[:LIMIT]

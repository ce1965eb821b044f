"""GET /api/v3/directory/search/ — the directory search contract of DESIGN.md §3, on Wagtail's v3 API."""

from typing import Literal

from django.conf import settings
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from search.params import ParamError, validate_params
from search.service import SearchParams, search

router = Router(tags=["directory"])


class SearchQuery(Schema):
    q: str = Field("", max_length=200, description="The query; may be empty (filters alone).")
    lang: Literal["de", "cs", "en"] = Field(settings.LANGUAGE_CODE, description="Language of query and answer.")
    limit: int = Field(10, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)
    type: list[Literal["company", "institution", "event"]] = Field([], description="Repeatable.")
    industry: list[str] = Field([], description="NACE section or division code; repeatable (OR).")
    region: list[str] = Field([], description="NUTS 3 code; repeatable (OR).")
    country: list[Literal["DE", "CZ"]] = []
    size: list[Literal["micro", "small", "medium", "large"]] = []
    certification: list[str] = []
    language: list[str] = Field([], description="Language spoken (ISO 639-1).")
    verified: Literal["true", "false"] | None = None


class SearchItem(Schema):
    type: str
    slug: str
    title: str
    url: str
    locale: str
    source_locale: str
    snippet: str
    score: float | None


class FacetValue(Schema):
    value: str
    label: str
    count: int


class SearchAnswer(Schema):
    count: int
    items: list[SearchItem]
    facets: dict[str, list[FacetValue]]
    suggestion: str = Field("", description="'Did you mean' when nothing matched.")


@router.get("/search/", response=SearchAnswer, summary="Search companies, institutions and events")
def directory_search(request, params: Query[SearchQuery]):
    try:
        search_params = validate_params(
            SearchParams(
                q=params.q.strip(),
                lang=params.lang,
                limit=params.limit,
                offset=params.offset,
                types=list(dict.fromkeys(params.type)),
                industry=params.industry,
                region=params.region,
                country=params.country,
                size=params.size,
                certification=params.certification,
                language=params.language,
                verified=params.verified,
            )
        )
    except ParamError as error:
        raise HttpError(422, str(error)) from error
    result = search(search_params)
    return {
        "count": result.count,
        "items": [_item(hit, request, search_params.lang) for hit in result.hits],
        "facets": {
            facet: [dict(o, value=str(o["value"])) for o in options] for facet, options in result.facets.items()
        },
        "suggestion": result.suggestion,
    }


def _item(hit, request, lang):
    page = hit.page
    return {
        "type": hit.type,
        "slug": page.slug,
        "title": page.title,
        "url": request.build_absolute_uri(page.get_url(request)),
        "locale": page.locale.language_code,
        "source_locale": getattr(page, "source_language", "") or page.content_language,
        "snippet": str(hit.snippet),
        "score": round(hit.score, 4) if hit.score is not None else None,
    }

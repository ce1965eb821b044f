"""Schemathesis against /api/v3/openapi.json, in process (WSGI): no 5xx, and responses match the schema.

Read operations run anonymously; write operations carry a bearer token of a superuser (Wagtail's APIToken), so
they reach the code behind authentication. Every operation gets a bounded, deterministic number of examples,
valid and invalid; whatever the writes change is rolled back with the test's transaction.
"""

import collections
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

pytestmark = pytest.mark.django_db

# 25 examples per operation: 15 valid requests, 10 invalid ones.
EXAMPLES = {"positive": 15, "negative": 10}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# Not status_code_conformance: Wagtail's generated schema leaves out 401/404 answers on most operations.
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
SERVER_ERROR = "ST101 Server error"
# Server errors inside Wagtail 8.0.1 itself, reached only with a superuser token (reported upstream is the way
# out, not a workaround here). Only a server error is tolerated for these operations, and the summary lists it.
KNOWN_UPSTREAM = {
    "PATCH /api/v3/pages/{page_id}/": "a non-numeric page_id reaches the ORM (ValueError)",
    "POST /api/v3/pages/{page_id}/actions/copy/": "copying the tree root (id 1): AttributeError on its parent",
    "POST /api/v3/pages/{page_id}/actions/create_alias/": "aliasing the tree root (id 1): AttributeError",
}


@pytest.fixture
def api_schema():
    """The schema loaded through the WSGI app. As in Django's test client, requests must not close the test's
    database connection (close_old_connections would end the transaction the test runs in)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from cms.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def token(django_user_model):
    from wagtail.models import APIToken

    user = django_user_model.objects.create_superuser("api-fuzzer", "fuzzer@glokal.example", "a-long-password-123")
    _instance, plaintext = APIToken.create_token(user=user, name="schemathesis")
    return plaintext


def _failure_text(error):
    """The failure's title and the request that reproduces it."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    for inner in getattr(error, "exceptions", ()):
        lines += [line.strip() for line in str(inner).splitlines() if line.strip()]
    titles = [line for line in lines if line.startswith("- ")] or lines[:1] or [type(error).__name__]
    reproduce = [line for line in lines if line.startswith("curl ")]
    return "; ".join(dict.fromkeys(titles))[:200] + (f" | {reproduce[0][:300]}" if reproduce else "")


def fuzz(operation, mode, headers, stats):
    @settings(
        max_examples=EXAMPLES[mode.value],
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(headers=headers)
        stats["statuses"][response.status_code] += 1
        stats["calls"] += 1
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # Hypothesis re-raises the failure (schemathesis: a FailureGroup)
        text = _failure_text(error)
        if "Type mismatch" in text or "Contradictory constraints" in text:
            stats["unfuzzable"] = "its path parameter admits no value"
        else:
            stats["failures"].append(f"{mode.value}: {text}")


def test_api_has_no_server_errors_and_keeps_its_schema(api_schema, token, capsys):
    results = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        writes = operation.method.upper() not in READ_METHODS
        headers = {"Authorization": f"Bearer {token}"} if writes else {}
        stats = {"calls": 0, "statuses": collections.Counter(), "failures": [], "unfuzzable": None}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode, headers, stats)
        results[f"{operation.method.upper()} {operation.path}"] = stats

    lines = [f"{'operation':<62} {'calls':>5}  statuses", "-" * 100]
    failed, known, unfuzzable = {}, {}, []
    for name, stats in results.items():
        statuses = " ".join(f"{code}×{count}" for code, count in sorted(stats["statuses"].items()))
        lines.append(f"{name:<62} {stats['calls']:>5}  {statuses}")
        for failure in stats["failures"]:
            titles = failure.split(" | ")[0]
            if name in KNOWN_UPSTREAM and titles.endswith(f"- {SERVER_ERROR}"):
                known[name] = KNOWN_UPSTREAM[name]
                lines.append(f"    KNOWN (Wagtail 8.0.1: {KNOWN_UPSTREAM[name]}) {failure}")
            else:
                failed.setdefault(name, []).append(failure)
                lines.append(f"    FAIL {failure}")
        if stats["unfuzzable"]:
            unfuzzable.append(name)
            lines.append(f"    NOT FUZZED: {stats['unfuzzable']}")
    calls = sum(stats["calls"] for stats in results.values())
    lines.append(
        f"{len(results)} operations, {calls} calls: {len(failed)} failing, {len(known)} known upstream, "
        f"{len(unfuzzable)} without a usable schema"
    )
    with capsys.disabled():
        print("\nschemathesis against /api/v3/openapi.json")
        print("\n".join(lines))
    assert not failed, f"{len(failed)} operations failed: {failed}"


def test_api_answers_unknown_pages_with_a_json_404(client):
    """An API client asking for a page that is not there gets 404 JSON, not a redirect to an HTML page."""
    response = client.get("/api/v3/pages/999999999/")
    assert response.status_code == 404, f"{response.status_code} {response.get('Location', '')}"
    assert re.match(r"application/([a-z.+-]+\+)?json", response["Content-Type"]), response["Content-Type"]


SEARCH_SYNTAX = [
    '"',
    "'",
    '"><img src=x>',
    "a AND OR",
    "NOT",
    "*",
    "(",
    "NEAR(a b)",
    "title:x",
    "^a",
    "-",
    "a' OR 1=1 --",
]


@pytest.mark.parametrize("query", SEARCH_SYNTAX)
@pytest.mark.parametrize("url", ["/de/search/", "/api/v3/pages/"])
def test_search_parameters_never_crash(client, url, query, request):
    """Search-engine syntax in a query is text to look for, for the site search and the API alike."""
    from django.db import connection

    if url.startswith("/api/") and connection.vendor == "sqlite" and query.count('"') % 2:
        request.applymarker(
            pytest.mark.xfail(
                strict=True,
                reason="upstream: modelsearch's SQLite FTS5 backend passes an unbalanced quote into MATCH "
                "(Wagtail's v3 ?search= answers 500); PostgreSQL is not affected",
            )
        )
    response = client.get(url, {"search" if url.startswith("/api/") else "q": query})
    assert response.status_code < 500, f"{url} with {query!r} answered {response.status_code}"

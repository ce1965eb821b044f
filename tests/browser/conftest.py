"""Browser harness: one live server for the session, Debian's Chromium through Playwright, screenshots of failures.

Why not pytest-django's `live_server`: it forces `transactional_db`, which empties every table after each test, and
the corpus that tests/conftest.py loads once per session (about a minute) would have to be loaded again for every
browser test. Here browser tests carry a plain `django_db` mark (so the test database exists and the corpus is in
it), and the server answers from its own threads and connections (also on SQLite: the shared-cache in-memory test
database is opened again, not borrowed from the test), so it sees the committed corpus, and what it writes is
committed as in production (on_commit hooks run). Journeys that write delete what they created (`created_rows`).

Playwright's sync API keeps an asyncio loop running in the main thread while a browser is open, and Django refuses
ORM calls from such a thread. Tests therefore reach the database through `run_db` (a worker thread with its own
connection: a read inside the test's open transaction would hold SQLite table locks against the server), and
DJANGO_ALLOW_ASYNC_UNSAFE is set only while a browser is open, for pytest-django's own per-test transaction.
"""

import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "browser"
# DESIGN.md §5: no background traffic, no updates, no sync, no GPU. Playwright adds --no-sandbox itself when root.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
NAVIGATION_TIMEOUT_MS = 20_000
# The corpus was written for 26 Nov 2026 and the session fixture does not shift its events (DESIGN.md §4: tests
# freeze time). A few days later, upcoming events still take registrations. The clock ticks from there.
CLOCK = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))

_reports = pytest.StashKey[dict]()


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def run_db(function, *args, **kwargs):
    """Run an ORM call outside the main thread (see the module docstring) and return its result."""

    def call():
        from django.db import connections

        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(call).result()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so fixtures can tell whether the test failed."""
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


def _failed(request):
    reports = request.node.stash.get(_reports, {})
    return any(report.failed for report in reports.values())


@pytest.fixture(scope="session")
def chromium_path():
    """/usr/bin/chromium, or a skip with the reason outside CI; under CI=true a missing browser fails the run."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (install Debian's package: apt-get install -y chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright for Python is not installed (pip install -r requirements-dev.txt)"
    if problem:
        if in_ci():
            pytest.fail(f"Browser tests must run under CI=true: {problem}", pytrace=False)
        pytest.skip(f"Browser tests skipped outside CI: {problem}")
    return str(CHROMIUM)


def _load_corpus_if_missing():
    from django.core.management import call_command
    from django.db import connection

    from directory.data_files import data_file
    from directory.models import CompanyPage
    from home.site_setup import setup_site

    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    assert name.startswith(("test_", "file:memorydb")) or name == str(test_name), f"not a test database: {name}"
    if CompanyPage.objects.live().exists():
        return False
    setup_site(hostname="testserver", port=80)
    call_command("import_directory", str(data_file("directory-corpus.json")), verbosity=0)
    return True


@pytest.fixture(scope="session")
def site_corpus(django_db_setup, django_db_blocker):
    """The site and corpus of tests/conftest.py, loaded again only if a transactional test emptied the tables."""
    with django_db_blocker.unblock():
        run_db(_load_corpus_if_missing)


class LiveSite:
    """Django's LiveServerThread on 127.0.0.1 (a free port), static files included, no shared connections."""

    def __init__(self):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.test.testcases import LiveServerThread

        self.thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={}, port=0)
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://127.0.0.1:{self.thread.port}"

    def stop(self):
        self.thread.terminate()


@pytest.fixture(scope="session")
def live_site(site_corpus):
    server = LiveSite()
    yield server
    server.stop()


@pytest.fixture(scope="module", autouse=True)
def _corpus_clock():
    """Server and tests see CLOCK (time-machine patches the clock for every thread of this process)."""
    import time_machine

    with time_machine.travel(CLOCK, tick=True):
        yield


@pytest.fixture(scope="module")
def browser(chromium_path):
    """Chromium, headless, for one test module (closing it ends Playwright's loop in the main thread)."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        playwright = sync_playwright().start()
        chromium = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        playwright.stop()


def _artifact_name(nodeid):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("tests/browser/")[-1]).strip("_")[:180]


@pytest.fixture
def page(request, browser, live_site):
    """A fresh browser context and page; on failure a full-page screenshot and the HTML go to test-artifacts/."""
    context = browser.new_context(base_url=live_site.url, locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    # Nothing leaves 127.0.0.1: requests to other hosts are refused and listed in `tab.foreign_requests`.
    foreign_requests = []

    def only_local(route):
        if route.request.url.startswith(live_site.url + "/"):
            route.continue_()
        else:
            foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.foreign_requests = foreign_requests
    console_errors = []
    tab.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    tab.console_errors = console_errors
    yield tab
    if _failed(request):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = ARTIFACTS / _artifact_name(request.node.nodeid)
        try:
            tab.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(tab.content(), encoding="utf-8")
            print(f"\nbrowser artefacts: {stem}.png, {stem}.html (page {tab.url})")
        except Exception as error:  # the page may be gone; the test's own failure matters more
            print(f"\nno screenshot for {request.node.nodeid}: {error}")
    context.close()


@pytest.fixture
def created_rows():
    """Delete rows the live server created during a journey: `created_rows.track(Model, ...)` before acting."""

    class Tracker:
        def __init__(self):
            self.marks = []

        def track(self, *models):
            for model in models:
                last = run_db(lambda m=model: m.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
                self.marks.append((model, last))

        def new(self, model):
            last = dict(self.marks)[model]
            return run_db(lambda: list(model.objects.filter(pk__gt=last)))

    tracker = Tracker()
    yield tracker
    for model, last in reversed(tracker.marks):
        run_db(lambda m=model, pk=last: m.objects.filter(pk__gt=pk).delete())


def pytest_terminal_summary(terminalreporter):
    """The axe table (page × language → violations) at the end of every run that scanned pages."""
    from tests.browser import axe_check

    if axe_check.RESULTS:
        terminalreporter.section("axe-core: WCAG 2.0/2.1 A+AA violations per page and language")
        terminalreporter.write_line(axe_check.table(axe_check.RESULTS, ["de", "cs", "en"]))

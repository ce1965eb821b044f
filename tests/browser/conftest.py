"""Browser harness: one live server for the session, Debian's Chromium through Playwright, screenshots of failures.

The live server works inside each test's transaction, like Django's test client: browser tests carry a plain
`django_db` mark, the server answers on the test's own database connection (one request at a time), and
everything a journey writes (accounts, listings, registrations, messages) is rolled back when the test ends.
pytest-django's `live_server` would force `transactional_db`, which empties every table after each test, and the
corpus that tests/conftest.py loads once per session (a minute or more) would have to be loaded again each time.

Because nothing is committed, `transaction.on_commit` callbacks (e-mails, search indexing through Django tasks)
would never run; the server runs those a request registered right after that request, as a commit would.
Django's `close_old_connections` is kept off while the server is in use, as the test client does, since it
would close the shared connection in the middle of the test's transaction.

Playwright's sync API keeps an asyncio loop running in the main thread while a browser is open. Django then
refuses ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set (it is, only while a browser is open), and its
connection registry (asgiref's Local) hands the main thread another connection object than before the browser
started: so each test gives the server the connection it actually uses (`LiveSite.share`).
"""

import datetime as dt
import os
import re
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


@pytest.fixture(scope="session")
def site_corpus(django_db_setup, django_db_blocker):
    """The site and corpus of tests/conftest.py, loaded again only if a transactional test emptied the tables."""
    from django.core.management import call_command
    from django.db import connection

    from directory.data_files import data_file
    from directory.models import CompanyPage
    from home.site_setup import setup_site

    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        test_name = connection.settings_dict.get("TEST", {}).get("NAME")
        assert name.startswith(("test_", "file:memorydb")) or name == str(test_name), f"not a test database: {name}"
        if not CompanyPage.objects.live().exists():
            setup_site(hostname="testserver", port=80)
            call_command("import_directory", str(data_file("directory-corpus.json")), verbosity=0)


class LiveSite:
    """Django's LiveServerThread on 127.0.0.1 (a free port, static files included), answering one request at a
    time on the test's own database connections, which each test hands over with `share()`."""

    def __init__(self):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import WSGIServer
        from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

        site = self
        self.shared = {}

        class SandboxServer(WSGIServer):
            def set_app(self, application):
                super().set_app(site.wsgi_wrapper(application))

        class SandboxThread(LiveServerThread):
            def _create_server(self, connections_override=None):
                return SandboxServer((self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False)

        self.thread = SandboxThread("127.0.0.1", StaticFilesHandler, port=0)
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://127.0.0.1:{self.thread.port}"

    def share(self):
        """Serve the coming requests on the calling test's connections (inside its transaction)."""
        from django.db import connections

        self.unshare()
        self.shared = {alias: connections[alias] for alias in connections}
        for connection in self.shared.values():
            connection.inc_thread_sharing()

    def unshare(self):
        for connection in self.shared.values():
            connection.dec_thread_sharing()
        self.shared = {}

    def wsgi_wrapper(self, application):
        """Each request runs on the shared connections; then the on_commit callbacks it registered run."""

        def serve(environ, start_response):
            from django.db import connection, connections

            shared = dict(self.shared)
            for alias, borrowed in shared.items():
                connections[alias] = borrowed
            try:
                before = {id(hook) for hook in connection.run_on_commit}
                result = application(environ, start_response)
                done = set(before)
                while pending := [hook for hook in connection.run_on_commit if id(hook) not in done]:
                    for hook in pending:
                        done.add(id(hook))
                        hook[1]()
                return result
            finally:
                for alias in shared:  # the test's connections stay the test's: never closed by this thread
                    del connections[alias]

        return serve

    def stop(self):
        self.unshare()
        if hasattr(self.thread, "httpd"):
            self.thread.httpd.shutdown()
            self.thread.httpd.server_close()
        self.thread.join()


@pytest.fixture(scope="session")
def live_site(site_corpus, django_db_blocker):
    with django_db_blocker.unblock():
        server = LiveSite()
    yield server
    with django_db_blocker.unblock():
        server.stop()


@pytest.fixture(autouse=True)
def _keep_the_shared_connection_open():
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


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
def new_page(request, browser, live_site):
    """Factory for browser pages (own context each: cookies, language); failures leave screenshots and HTML of
    every page in test-artifacts/browser/. Requests to hosts other than the live server are refused and listed
    in `tab.foreign_requests`."""
    live_site.share()
    contexts = []

    def make(locale="de-DE"):
        context = browser.new_context(base_url=live_site.url, locale=locale, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
        foreign_requests = []

        def only_local(route):
            if route.request.url.startswith(live_site.url + "/"):
                route.continue_()
            else:
                foreign_requests.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        # Content-Security-Policy violations (an inline script or style the policy blocks) are collected.
        context.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));"
        )
        tab = context.new_page()
        tab.foreign_requests = foreign_requests
        contexts.append((context, tab))
        return tab

    yield make
    if _failed(request):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for number, (_context, tab) in enumerate(contexts):
            stem = ARTIFACTS / (_artifact_name(request.node.nodeid) + (f"-{number}" if number else ""))
            try:
                tab.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(tab.content(), encoding="utf-8")
                print(f"\nbrowser artefacts: {stem}.png, {stem}.html (page {tab.url})")
            except Exception as error:  # the page may be gone; the test's own failure matters more
                print(f"\nno screenshot for {request.node.nodeid}: {error}")
    for context, _tab in contexts:
        context.close()
    live_site.unshare()


@pytest.fixture
def page(new_page):
    """One browser page with a German browser locale."""
    return new_page()


def pytest_terminal_summary(terminalreporter):
    """The axe table (page × language → violations) at the end of every run that scanned pages."""
    from tests.browser import axe_check

    if axe_check.RESULTS:
        terminalreporter.section("axe-core: WCAG 2.0/2.1 A+AA violations per page and language")
        terminalreporter.write_line(axe_check.table(axe_check.RESULTS, ["de", "cs", "en"]))

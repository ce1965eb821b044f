"""`make bench-load`: locust against gunicorn (2 workers) on the configured database, then a table.

    python -m bench.load [--users 50] [--duration 60] [--workers 2] [--threads 4] [--keep]

What it does, in order:
1. a database of its own: a new PostgreSQL database next to DATABASE_URL's (dropped at the end), or a temporary
   SQLite file when DATABASE_URL is not set; `migrate`, `setup_site`, `import_directory --shift-events-to-today`;
2. `collectstatic` (production settings serve hashed static files through WhiteNoise);
3. gunicorn with DJANGO_SETTINGS_MODULE=cms.settings.production, SECRET_KEY, ALLOWED_HOSTS=127.0.0.1,
   SECURE_SSL_REDIRECT=false (plain HTTP on the loopback), SEARCH_BACKEND/SEARCH_URL as configured and a cache
   both workers share (CACHE_URL=file://…, unless set), so rate limits and the visitors' page cache hold;
4. locust in this process, headless: `--users` visitors for `--duration` seconds browsing listings, company pages,
   search and events (wait 1–3 s between pages), 10 % of their actions sending a contact form (shown ≥ 3 s before
   it is sent, like a person; otherwise the spam filter drops it). Each visitor has its own address, set in
   X-Forwarded-For as the proxy in front of gunicorn would do, so rate limits apply per visitor;
5. a table: requests, req/s, p50/p95/p99 (exact, from every response), errors (5xx, timeouts, wrong content: a
   marker string each page must contain), and 429 answers counted apart.
Traffic goes only to 127.0.0.1. Everything it created is removed at the end (unless --keep).
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlsplit, urlunsplit  # noqa: E402

import gevent  # noqa: E402
from locust import HttpUser, between, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "directory" / "data" / "directory-corpus.json"
LANGUAGES = ["de", "cs", "en"]
SEARCH_TERMS = [
    "Drehteile", "Spritzguss", "lisování plastů", "CNC", "Reinraum", "odlitky", "Oberflächentechnik",
    "ISO 9001", "strojírna", "Gehause", "turned parts", "Glas", "Textil", "Automotive", "sklo",
]  # fmt: skip
TIMEOUT_SECONDS = 10
MIN_FILL_SECONDS = 3.2  # directory.contact.MIN_FILL_SECONDS is 3


def log(message):
    print(f"[bench-load] {message}", file=sys.stderr, flush=True)


# --- database -----------------------------------------------------------------------------------------------


class BenchDatabase:
    """A throw-away database: PostgreSQL next to DATABASE_URL's, else a temporary SQLite file."""

    def __init__(self, workdir):
        self.configured = os.environ.get("DATABASE_URL", "")
        self.workdir = workdir
        self.name = None
        if self.configured.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(self.configured)
            self.name = f"glokal_bench_{os.getpid()}"
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self.vendor = "PostgreSQL"
        elif self.configured:
            raise SystemExit(
                f"bench-load supports PostgreSQL or the default SQLite, not {self.configured.split(':')[0]}"
            )
        else:
            self.url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            self.vendor = "SQLite"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(self.configured, autocommit=True) as connection:
            connection.execute(sql)

    def create(self):
        if self.name:
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if not self.name:
            return
        try:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        except Exception as error:  # the server may be gone; say what is left behind rather than hide the cause
            log(f"could not drop database {self.name} ({error}); drop it by hand")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(environment, *args):
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    log(f"manage.py {args[0]}: {time.monotonic() - started:.0f} s")


def server_environment(database, port, workdir):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database.url,
        MEDIA_ROOT=str(workdir / "media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    # One cache for both workers, as in production (Redis there): rate limits and the visitors' page cache
    # hold across workers. A CACHE_URL from the environment wins.
    environment.setdefault("CACHE_URL", f"file://{workdir / 'cache'}")
    return environment


def start_gunicorn(environment, port, workers, threads, workdir):
    log_file = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop_gunicorn
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--timeout", "30", "--graceful-timeout", "5",
        # Longer than a visitor's pause (≤ 3 s): otherwise gunicorn closes an idle keep-alive connection just as
        # the client reuses it, and the client (requests, unlike a browser) reports a reset instead of retrying.
        "--keep-alive", "5",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log_file, stderr=subprocess.STDOUT)  # noqa: S603
    process.log_file = log_file
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{(workdir / 'gunicorn.log').read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start within 60 s")


def stop_gunicorn(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.log_file.close()


# --- the visitors -------------------------------------------------------------------------------------------


def load_paths():
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    return {
        "companies": [item["slug"] for item in corpus["companies"]],
        "institutions": [item["slug"] for item in corpus["institutions"]],
        "events": [item["slug"] for item in corpus["events"]],
        "regions": [item["code"] for item in corpus["regions"]],
    }


PATHS = load_paths()
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT = re.compile(r'name="token" value="([^"]+)"')


class Visitor(HttpUser):
    wait_time = between(1, 3)
    connection_timeout = TIMEOUT_SECONDS
    network_timeout = TIMEOUT_SECONDS

    def on_start(self):
        self.language = random.choice(LANGUAGES)
        self.address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        self.client.headers["X-Forwarded-For"] = self.address
        self.client.headers["Accept-Language"] = self.language

    def visit(self, path, name, marker):
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as response:
            judge(response, marker)
            return response

    @task(25)
    def listing(self):
        query = random.choice(
            ["", f"?page={random.randint(1, 12)}", "?country=CZ", f"?region={random.choice(PATHS['regions'])}"]
        )
        self.visit(f"/{self.language}/directory/{query}", "directory listing", 'class="cards"')

    @task(30)
    def company(self):
        slug = random.choice(PATHS["companies"])
        self.visit(f"/{self.language}/directory/{slug}/", "company page", 'id="contact"')

    @task(20)
    def search(self):
        term = random.choice(SEARCH_TERMS)
        self.visit(f"/{self.language}/search/?q={term}", "search", 'name="q"')

    @task(15)
    def events(self):
        if random.random() < 0.4:
            self.visit(f"/{self.language}/events/", "events index", 'id="upcoming-heading"')
        else:
            slug = random.choice(PATHS["events"])
            self.visit(f"/{self.language}/events/{slug}/", "event page", "<h1>")

    @task(10)
    def contact(self):
        slug = random.choice(PATHS["companies"])
        path = f"/{self.language}/directory/{slug}/"
        page = self.visit(path, "company page", 'id="contact"')
        csrf, token = CSRF_INPUT.search(page.text or ""), TOKEN_INPUT.search(page.text or "")
        cookie = page.cookies.get("csrftoken")
        if not (csrf and token and cookie):
            return
        gevent.sleep(MIN_FILL_SECONDS)  # a person takes a few seconds; faster forms count as spam
        data = {
            "csrfmiddlewaretoken": csrf.group(1),
            "token": token.group(1),
            "name": "Lasttest Besucher",
            "email": "besucher@lasttest.example",
            "company": "Lasttest GmbH",
            "message": "Guten Tag, wir interessieren uns für Ihr Angebot. (Lasttest)",
            "consent": "on",
            "homepage": "",
        }
        # The CSRF cookie is marked Secure (production); requests would not send it over plain HTTP by itself.
        headers = {"Cookie": f"csrftoken={cookie}", "Referer": f"{self.host}{path}"}
        with self.client.post(
            f"{path}contact/", data=data, headers=headers, name="contact form", catch_response=True,
            allow_redirects=False,
        ) as response:  # fmt: skip
            if response.status_code == 302 and "sent=1" in response.headers.get("Location", ""):
                response.success()
            else:
                judge(response, None)


def judge(response, marker):
    """Mark a response: 429 apart, 5xx and missing markers as errors."""
    if response.status_code == 0:  # no answer: the client gave up (TIMEOUT_SECONDS) or the connection broke
        response.failure(f"no answer: {type(response.error).__name__} {response.error}")
    elif response.status_code == 429:
        response.success()  # counted apart by Recorder
    elif response.status_code >= 500:
        response.failure(f"server error {response.status_code}")
    elif response.status_code != 200:
        response.failure(f"unexpected status {response.status_code}")
    elif marker and marker not in (response.text or ""):
        response.failure(f"wrong content: no {marker!r}")


# --- measuring ----------------------------------------------------------------------------------------------


class Recorder:
    """Every response time and outcome, per endpoint, from locust's request event."""

    def __init__(self):
        self.times = defaultdict(list)
        self.outcomes = defaultdict(lambda: defaultdict(int))
        self.messages = defaultdict(int)

    def on_request(self, request_type, name, response_time, response_length, exception, response=None, **kwargs):
        outcome = "429" if getattr(response, "status_code", None) == 429 else None
        if exception is not None:
            text = str(exception)
            if any(word in f"{text} {type(exception).__name__}".lower() for word in ("timeout", "timed out")):
                outcome = "timeout"
            elif "server error" in text:
                outcome = "5xx"
            elif "wrong content" in text:
                outcome = "wrong content"
            else:
                outcome = "other error"
            self.messages[f"{name}: {text[:100]}"] += 1
        self.times[name].append(response_time)
        self.outcomes[name][outcome or "ok"] += 1


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def table(recorder, seconds):
    columns = ["requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "5xx", "timeouts", "wrong", "other", "429"]
    names = sorted(recorder.times)
    width = max(len(name) for name in [*names, "endpoint", "total"])
    lines = [f"{'endpoint':<{width}}  " + "  ".join(f"{c:>8}" for c in columns)]
    lines.append("-" * len(lines[0]))

    def row(name, times, outcomes):
        latencies = [f"{percentile(times, fraction):.0f}" for fraction in (0.5, 0.95, 0.99)]
        counts = [outcomes.get(key, 0) for key in ("5xx", "timeout", "wrong content", "other error", "429")]
        cells = [len(times), f"{len(times) / seconds:.1f}", *latencies, *counts]
        return f"{name:<{width}}  " + "  ".join(f"{str(c):>8}" for c in cells)

    all_times, all_outcomes = [], defaultdict(int)
    for name in names:
        lines.append(row(name, recorder.times[name], recorder.outcomes[name]))
        all_times += recorder.times[name]
        for key, value in recorder.outcomes[name].items():
            all_outcomes[key] += value
    lines.append("-" * len(lines[0]))
    lines.append(row("total", all_times, all_outcomes))
    errors = sum(all_outcomes.get(k, 0) for k in ("5xx", "timeout", "wrong content", "other error"))
    return "\n".join(lines), errors, percentile(all_times, 0.95)


def warm_up(host, paths):
    """A few sequential requests so that each worker has imported, compiled templates and connected."""
    import requests

    for path in paths:
        for _ in range(3):
            requests.get(f"{host}{path}", timeout=30)


def run_locust(host, users, duration, recorder):
    environment = Environment(user_classes=[Visitor], host=host, events=events)
    environment.events.request.add_listener(recorder.on_request)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=max(users / 5, 1))
    started = time.monotonic()
    gevent.spawn_later(duration, runner.quit)
    runner.greenlet.join()
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker (gthread)")
    parser.add_argument("--keep", action="store_true", help="keep the database and files for a look afterwards")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="glokal-bench-"))
    database = BenchDatabase(workdir)
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    environment = server_environment(database, port, workdir)
    process = None
    try:
        log(f"database: {database.vendor} ({database.name or database.url})")
        database.create()
        run_manage(environment, "migrate", "--no-input", "-v0")
        run_manage(environment, "setup_site", "--hostname", "127.0.0.1", "--port", str(port))
        run_manage(environment, "import_directory", str(CORPUS), "--shift-events-to-today", "-v0")
        run_manage(environment, "collectstatic", "--no-input", "-v0")
        process = start_gunicorn(environment, port, options.workers, options.threads, workdir)
        log(f"gunicorn on {host}: {options.workers} workers × {options.threads} threads")
        warm_up(host, ["/de/", "/de/directory/", f"/cs/directory/{PATHS['companies'][0]}/", "/de/search/?q=CNC"])
        recorder = Recorder()
        log(f"locust: {options.users} users for {options.duration} s")
        seconds = run_locust(host, options.users, options.duration, recorder)
        text, errors, p95 = table(recorder, seconds)
        search_backend = os.environ.get("SEARCH_BACKEND", "database")
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
        print(
            f"\nbench-load: {options.users} users, {seconds:.0f} s, gunicorn {options.workers}×{options.threads} "
            f"(production settings), {database.vendor}, search backend {search_backend}, wait 1–3 s per page; "
            f"{os.cpu_count()} CPUs shared with locust, load average {load}\n"
        )
        print(text)
        for message, count in sorted(recorder.messages.items(), key=lambda item: -item[1])[:10]:
            print(f"  {count:>5} × {message}")
        verdict = "PASS" if errors == 0 and p95 <= 300 else "FAIL"
        print(f"\ngoal: 0 errors and p95 ≤ 300 ms → {verdict} ({errors} errors, p95 {p95:.0f} ms)")
        return 0 if verdict == "PASS" else 1
    finally:
        if process is not None:
            stop_gunicorn(process)
        if options.keep:
            log(f"kept: {workdir} and database {database.name or database.url}")
        else:
            database.drop()
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""make bench: speed at scale — index build time, search latency over HTTP, the engine's own time, worker RSS.

Uses DATABASE_URL / SEARCH_BACKEND / SEARCH_URL from the environment. Builds a scratch database (the test
database of that server, or a temporary SQLite file), sets up the site, loads the taxonomies and the glossary,
creates the engine's indexes, generates BENCH_COMPANIES (default 100000) synthetic companies with seed 1 and
indexes them; then serves the scratch database with gunicorn (2 workers, production settings) and sends a fixed
mix of 200 queries (half with region/industry/country filters) from 4 concurrent keep-alive clients to
/api/v3/directory/search/. The same queries are then timed in-process against the engine alone
(search.engines.candidates). gunicorn and the scratch database are removed in every case.
"""

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import django

ROOT = Path(__file__).resolve().parent.parent
QUERIES = 200
CLIENTS = 4
WORKERS = 2
SEED = 1


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def build_database(count):
    from django.core.management import call_command
    from django.db import connection

    from directory.data_files import data_file
    from directory.generator import generate
    from directory.importing.corpus import load_taxonomies, read_json
    from home.site_setup import setup_site
    from search.signals import bulk_changes

    if connection.vendor == "sqlite":  # a file, so that gunicorn's workers see the same database
        handle, path = tempfile.mkstemp(prefix="glokal-bench-", suffix=".sqlite3")
        os.close(handle)
        connection.settings_dict.setdefault("TEST", {})["NAME"] = path
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    timings = {}
    setup_site(hostname="127.0.0.1", port=80)
    with bulk_changes():
        load_taxonomies(read_json(data_file("directory-corpus.json")))
    started = time.perf_counter()
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # creates the engine's indexes
    timings["update_index (empty)"] = time.perf_counter() - started
    result = generate(count, SEED, log=lambda line: print(line, flush=True))
    timings["page creation"] = result["create_seconds"]
    timings["index build"] = result["index_seconds"]
    return name, timings, result


def database_url(name):
    """DATABASE_URL of the scratch database, for gunicorn."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def queries():
    """A fixed mix: glossary terms, places and capabilities in German and Czech; every other one filtered."""
    from directory.importing.corpus import DATA_DIR, read_json
    from directory.models import Industry, Region

    rng = random.Random(200)
    glossary = read_json(DATA_DIR / "glossary.json")
    regions = list(Region.objects.order_by("code").values_list("code", "country", "label_de", "label_cs"))
    industries = list(Industry.objects.filter(level=Industry.DIVISION).order_by("code").values_list("code", flat=True))
    mix = []
    for number in range(QUERIES):
        lang = "de" if number % 5 < 3 else "cs"
        entry = rng.choice(glossary)
        terms = entry["terms"].get(lang) or entry["terms"]["de"]
        query = rng.choice(terms)
        if number % 4 == 1:  # capability + place
            code, _country, label_de, label_cs = rng.choice(regions)
            query = f"{query} {(label_de if lang == 'de' else label_cs).split(',')[0].split('(')[0].strip()}"
        params = {"q": query, "lang": lang, "limit": 10}
        if number % 2:
            kind = (number // 2) % 3
            if kind == 0:
                params["region"] = rng.choice(regions)[0]
            elif kind == 1:
                params["industry"] = entry.get("industry") or rng.choice(industries)
            else:
                params["country"] = rng.choice(["DE", "CZ"])
        mix.append(params)
    return mix


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(url, port):
    from django.conf import settings

    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=url,
        SEARCH_INDEX_PREFIX=settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX", "glokal_test_"),
    )
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
    command += ["--log-level", "warning", "--timeout", "120"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603 (fixed command)
    deadline = time.time() + 90
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/v3/directory/search/?q=test")
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer within 90 s")


def stop_gunicorn(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def worker_pids(master):
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{master}\n" in status:
                pids.append(int(entry.name))
    return sorted(pids)


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def http_latencies(port, mix):
    """Milliseconds per query, 4 keep-alive clients sharing the mix."""
    latencies = [None] * len(mix)
    errors = []
    cursor = {"next": 0}
    lock = threading.Lock()

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                index = cursor["next"]
                cursor["next"] += 1
            if index >= len(mix):
                break
            path = "/api/v3/directory/search/?" + urlencode(mix[index], doseq=True)
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            latencies[index] = (time.perf_counter() - started) * 1000
            if response.status != 200:
                errors.append((response.status, mix[index], body[:200]))
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def engine_latencies(mix):
    """The engine alone: query analysis excluded, one candidates() call per query (no filters, no facets)."""
    from wagtail.models import Locale

    from directory.models import CompanyPage
    from search.analysis import query_terms
    from search.engines import candidates
    from search.service import _tokens
    from search.spelling import vocabulary

    result = []
    for params in mix:
        locale = Locale.objects.get(language_code=params["lang"])
        terms = query_terms(params["q"], params["lang"], vocabulary=vocabulary())

        def base(locale=locale):
            return CompanyPage.objects.live().public().filter(locale=locale)

        started = time.perf_counter()
        candidates(CompanyPage, base, locale, terms, _tokens(terms))
        result.append((time.perf_counter() - started) * 1000)
    return result


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))]


def main():
    setup()
    from django.conf import settings
    from django.db import connection

    count = int(os.environ.get("BENCH_COMPANIES", 100_000))
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
    vendor = connection.vendor
    name, process = None, None
    try:
        name, timings, result = build_database(count)
        mix = queries()
        port = free_port()
        process = start_gunicorn(database_url(name), port)
        http_latencies(port, mix[:20])  # warm-up: every worker loads its caches (not counted)
        latencies, errors, wall = http_latencies(port, mix)
        workers = worker_pids(process.pid)
        rss = [rss_mb(pid) for pid in workers]
        engine = engine_latencies(mix)
    finally:
        stop_gunicorn(process)
        if name:
            connection.creation.destroy_test_db(name, verbosity=0)
            if vendor == "sqlite" and os.path.exists(name):
                os.unlink(name)

    created = result["created"]
    filtered = [ms for params, ms in zip(mix, latencies, strict=True) if set(params) - {"q", "lang", "limit"}]
    plain = [ms for params, ms in zip(mix, latencies, strict=True) if not set(params) - {"q", "lang", "limit"}]
    print(f"\nSpeed on {vendor} + {backend}: {created} generated companies (seed {SEED}), {WORKERS} gunicorn workers, ")
    print(f"{CLIENTS} concurrent keep-alive clients, {len(mix)} queries ({len(filtered)} with filters)\n")
    rows = [
        ("page creation (bulk)", f"{timings['page creation']:.1f} s", f"{created / timings['page creation']:.0f}/s"),
        ("index build", f"{timings['index build']:.1f} s", f"{created / max(timings['index build'], 1e-9):.0f}/s"),
    ]
    for label, values in (("HTTP, all", latencies), ("HTTP, no filters", plain), ("HTTP, filtered", filtered)):
        rows.append(
            (
                f"{label} p50/p95/p99",
                f"{percentile(values, 0.5):.0f} / {percentile(values, 0.95):.0f} / {percentile(values, 0.99):.0f} ms",
                f"max {max(values):.0f} ms",
            )
        )
    rows.append(("HTTP throughput", f"{len(mix) / wall:.1f} req/s", f"{wall:.1f} s wall"))
    rows.append(
        (
            "engine alone p50/p95/p99",
            f"{percentile(engine, 0.5):.0f} / {percentile(engine, 0.95):.0f} / {percentile(engine, 0.99):.0f} ms",
            "candidates(), in-process",
        )
    )
    rows.append(("worker RSS", " / ".join(f"{value:.0f} MB" for value in rss), f"{len(rss)} workers"))
    width = max(len(row[0]) for row in rows) + 2
    print(f"{'measure':<{width}}{'value':<28}note")
    print("-" * (width + 48))
    for label, value, note in rows:
        print(f"{label:<{width}}{value:<28}{note}")
    if errors:
        print(f"\n{len(errors)} requests failed, first: {errors[0]}")
        sys.exit(1)
    print(json.dumps({"timings": timings, "created": created}))


if __name__ == "__main__":
    main()

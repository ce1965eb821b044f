"""make bench-search: recall@10 and MRR of the directory search API on the dev judgments, per kind.

Runs against the configured engine (SEARCH_BACKEND/SEARCH_URL) and database (DATABASE_URL): builds a
scratch database with the site and the corpus (unless BENCH_KEEP_DB names an existing one), then sends
every query through the API exactly as a client would.
"""

import json
import os
import sys
import time
from collections import defaultdict

import django

K = 10


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def build_database():
    from django.core.management import call_command
    from django.db import connection

    from directory.data_files import data_file
    from home.site_setup import setup_site

    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    setup_site(hostname="testserver", port=80)
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # creates the engine's indexes
    started = time.perf_counter()
    call_command("import_directory", str(data_file("directory-corpus.json")), verbosity=0, stdout=open(os.devnull, "w"))
    return name, time.perf_counter() - started


def run(queries):
    from django.test import Client

    client = Client()
    rows = []
    for item in queries:
        started = time.perf_counter()
        response = client.get(
            "/api/v3/directory/search/", {"q": item["query"], "lang": item["query_language"], "limit": K}
        )
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, (item, response.content[:300])
        slugs = [hit["slug"] for hit in response.json()["items"]]
        relevant = set(item["relevant"])
        found = relevant & set(slugs[:K])
        rank = next((i + 1 for i, slug in enumerate(slugs) if slug in relevant), None)
        rows.append(
            {
                "id": item["id"], "kind": item["kind"], "query": item["query"],
                "recall": len(found) / len(relevant), "rr": 1 / rank if rank else 0.0, "ms": elapsed * 1000,
                "missing": sorted(relevant - found),
            }
        )  # fmt: skip
    return rows


def table(rows):
    kinds = defaultdict(list)
    for row in rows:
        kinds[row["kind"]].append(row)
    lines = [f"{'kind':<16}{'queries':>8}{'recall@10':>11}{'MRR':>8}", "-" * 43]
    for kind in sorted(kinds):
        items = kinds[kind]
        recall = sum(r["recall"] for r in items) / len(items)
        mrr = sum(r["rr"] for r in items) / len(items)
        lines.append(f"{kind:<16}{len(items):>8}{recall:>11.3f}{mrr:>8.3f}")
    recall = sum(r["recall"] for r in rows) / len(rows)
    mrr = sum(r["rr"] for r in rows) / len(rows)
    lines += ["-" * 43, f"{'overall':<16}{len(rows):>8}{recall:>11.3f}{mrr:>8.3f}"]
    return "\n".join(lines), recall


def main():
    setup()
    from django.conf import settings
    from django.db import connection

    from directory.data_files import data_file

    path = sys.argv[1] if len(sys.argv) > 1 else data_file("search-queries.dev.json")
    queries = json.loads(open(path, encoding="utf-8").read())
    name, load_seconds = build_database()
    try:
        rows = run(queries)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"\nRelevance on {connection.vendor} + {backend} ({len(queries)} queries, corpus load {load_seconds:.0f} s)\n"
    )
    text, _recall = table(rows)
    print(text)
    misses = [row for row in rows if row["recall"] < 1]
    if misses:
        print("\nQueries with relevant listings outside the top 10:")
        for row in misses:
            print(f"  #{row['id']:<3} {row['kind']:<15} {row['query']!r}: missing {', '.join(row['missing'])}")
    latencies = sorted(row["ms"] for row in rows)
    print(f"\nAPI latency in-process: p50 {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main()

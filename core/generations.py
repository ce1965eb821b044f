"""Generation counters in the shared cache (CACHE_URL): a process keeps what it built from the database — the
glossary index, the spelling vocabulary, rendered pages — until the counter it was built under moves on."""

from django.core.cache import cache


def current(key):
    return cache.get(key, 0)


def bump(key):
    """Move the counter on: everything built under an earlier value is stale, in every process."""
    try:
        cache.incr(key)
    except ValueError:  # not set yet (or evicted): any value differs from the 0 of `current`
        cache.set(key, 1, timeout=None)

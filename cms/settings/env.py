"""Reading configuration from the environment (DESIGN.md §4)."""

import os
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_from_url(url):
    """CACHE_URL → a Django CACHES entry: locmem://, redis://, rediss://, memcached://, file:///dir, dummy://.

    file:// shares one directory between the processes of one host (several gunicorn workers, no Redis)."""
    parsed = urlparse(url)
    scheme = parsed.scheme
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme in ("memcached", "pymemcache"):
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": parsed.netloc,
        }
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": parsed.netloc or "glokal"}
    if scheme == "file":
        if not parsed.path.startswith("/"):
            raise ImproperlyConfigured("CACHE_URL=file:///absolute/directory needs an absolute path")
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": parsed.path}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not supported")


SHARED_CACHE_SCHEMES = ("redis", "rediss", "memcached", "pymemcache", "file")


def cache_is_shared(url):
    """Whether every app-server process sees the same cache (not so with locmem:// or dummy://)."""
    return urlparse(url).scheme in SHARED_CACHE_SCHEMES


SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}


REFRESHING_BACKENDS = {
    "opensearch2": "search.backends.refreshing.OpenSearch2",
    "opensearch3": "search.backends.refreshing.OpenSearch3",
    "elasticsearch8": "search.backends.refreshing.Elasticsearch8",
    "elasticsearch9": "search.backends.refreshing.Elasticsearch9",
}


def search_backend(name, url, index_prefix, refresh_on_write=False):
    """SEARCH_BACKEND + SEARCH_URL → WAGTAILSEARCH_BACKENDS.

    refresh_on_write: every write is searchable before the request returns (development, tests).
    """
    if name not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}; got {name!r}")
    config = {
        "BACKEND": REFRESHING_BACKENDS[name]
        if refresh_on_write and name in REFRESHING_BACKENDS
        else SEARCH_BACKENDS[name]
    }
    if name == "database":
        # Tokens arrive analysed (search/analysis); PostgreSQL must not stem them again.
        config["SEARCH_CONFIG"] = "simple"
        return config
    if not url:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={name} needs SEARCH_URL")
    parsed = urlparse(url)
    options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    config.update(
        {
            "URLS": [url.split("?")[0]],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": int(options.pop("timeout", 10)),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    )
    return config

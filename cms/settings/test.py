"""Test settings: fast hashing, plain static storage, mails kept in memory, a throw-away key."""

from .base import *  # noqa: F403
from .env import env, search_backend

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LANGUAGE_COOKIE_SECURE = False
# Each test run gets its own indexes; every write is searchable before the request returns.
WAGTAILSEARCH_BACKENDS = {
    "default": search_backend(
        env("SEARCH_BACKEND", "database"), env("SEARCH_URL"), env("SEARCH_INDEX_PREFIX", "glokal_test_"), True
    )
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}

"""Test settings: fast hashing, plain static storage, mails kept in memory, a throw-away key."""

from .base import *  # noqa: F403
from .env import env

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LANGUAGE_COOKIE_SECURE = False
WAGTAILSEARCH_BACKENDS["default"].setdefault("INDEX_PREFIX", "")  # noqa: F405
if WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "wagtail.search.backends.database":  # noqa: F405
    # Each test run gets its own indexes, so parallel or aborted runs never share state.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = env("SEARCH_INDEX_PREFIX", "glokal_test_")  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}

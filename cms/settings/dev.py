"""Local development (`make run`): DEBUG on, a fixed local key, mails printed to the console."""

from .base import *  # noqa: F403
from .env import env, env_bool, env_list, search_backend

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-4b1d0c6e9f2a7e3b8d5c0a1f6e2d9b7c")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
LANGUAGE_COOKIE_SECURE = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

# A published page is findable at once (OpenSearch/Elasticsearch otherwise refresh about once a second).
WAGTAILSEARCH_BACKENDS = {
    "default": search_backend(
        env("SEARCH_BACKEND", "database"),
        env("SEARCH_URL"),
        env("SEARCH_INDEX_PREFIX", "glokal_"),
        refresh_on_write=env_bool("SEARCH_REFRESH_ON_WRITE", True),
    )
}

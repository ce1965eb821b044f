"""Production: everything secret or host-specific comes from the environment; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import cache_is_shared, env, env_bool, env_list

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment (comma separated).")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Anonymous visitors' listing and search pages come from the cache (core/visitor_cache.py) — only when every
# app server shares that cache, so a change empties it for all of them at once.
VISITOR_CACHE_SECONDS = int(
    env("VISITOR_CACHE_SECONDS", "120" if cache_is_shared(env("CACHE_URL", "locmem://glokal")) else "0")
)

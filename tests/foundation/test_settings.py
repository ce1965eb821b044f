import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import cache_from_url, search_backend

ROOT = Path(__file__).resolve().parents[2]


def test_cache_url_schemes():
    assert cache_from_url("redis://cache:6379/1")["BACKEND"].endswith("RedisCache")
    assert cache_from_url("memcached://mc:11211")["LOCATION"] == "mc:11211"
    assert cache_from_url("locmem://x")["BACKEND"].endswith("LocMemCache")
    with pytest.raises(ImproperlyConfigured):
        cache_from_url("ftp://nope")


def test_search_backend_from_environment():
    assert search_backend("database", None, "p_")["BACKEND"] == "wagtail.search.backends.database"
    config = search_backend("opensearch3", "http://127.0.0.1:9200?timeout=30", "glokal_")
    assert config["URLS"] == ["http://127.0.0.1:9200"] and config["TIMEOUT"] == 30
    assert config["INDEX_PREFIX"] == "glokal_"
    with pytest.raises(ImproperlyConfigured):
        search_backend("opensearch3", None, "")
    with pytest.raises(ImproperlyConfigured):
        search_backend("solr", "http://x", "")


def _manage(*args, **env):
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_is_clean_under_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="glokal.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr and "silenced" in result.stdout
    assert "(0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "ALLOWED_HOSTS": "x.example"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr

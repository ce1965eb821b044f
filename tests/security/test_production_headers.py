"""Production settings, read by importing cms.settings.production in a subprocess (as gunicorn would, from the
environment), then applied to this test process to check the headers and cookies that real responses carry."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "production-like-secret-key-for-the-header-test-0123456789-abcdef",
    "ALLOWED_HOSTS": "testserver",
}
SETTING_NAMES = [
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "PERMISSIONS_POLICY", "CONTENT_SECURITY_POLICY",
    "MIDDLEWARE",
]  # fmt: skip
DUMP = "import json, django; from django.conf import settings; django.setup(); print(json.dumps({n: getattr(settings, n, None) for n in %r}))"  # noqa: E501


@pytest.fixture(scope="module")
def production():
    environment = {key: value for key, value in os.environ.items() if key not in ("SECURE_SSL_REDIRECT",)}
    result = subprocess.run(  # noqa: S603 (our own interpreter and a fixed script)
        [sys.executable, "-c", DUMP % SETTING_NAMES],
        cwd=ROOT,
        env={**environment, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    if values["SECURE_PROXY_SSL_HEADER"]:
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def https_client(production):
    with override_settings(**production):
        yield Client(HTTP_X_FORWARDED_PROTO="https")


def test_production_settings_are_strict(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY"):
        assert production[name] is True, name


@pytest.mark.parametrize("path", ["/de/", "/cs/directory/", "/en/events/", "/de/search/?q=Drehteile", "/api/v3/pages/"])
def test_every_response_carries_the_security_headers(https_client, path):
    response = https_client.get(path)
    assert response.status_code == 200, path
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("strict-origin-when-cross-origin", "same-origin", "no-referrer")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in re.search(r"script-src ([^;]+)", policy).group(1)
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_plain_http_is_redirected_to_https(production):
    with override_settings(**production):
        response = Client().get("/de/directory/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/de/directory/"


def test_cookies_are_secure_and_http_only(https_client, django_user_model):
    # The contact form sets the CSRF cookie.
    response = https_client.get("/de/directory/elbflorenz-reinraumtechnik/")
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    # Choosing a language sets the language cookie.
    response = https_client.post("/i18n/setlang/", {"language": "cs", "next": "/cs/"})
    language = response.cookies["glokal_language"]
    assert language["secure"] and language["httponly"]

    # Logging in sets the session cookie.
    django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    https_client.get("/admin/login/")
    response = https_client.post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-test-password"},
        HTTP_REFERER="https://testserver/admin/login/",
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"

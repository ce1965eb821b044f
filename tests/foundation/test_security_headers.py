import re

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/de/", "/cs/privacy/", "/en/directory/", "/de/search/?q=glokal"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_send_a_strict_csp(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "default-src 'self'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_pages_load_nothing_from_other_hosts(client, path):
    html = client.get(path).content.decode()
    for match in re.finditer(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', html):
        url = match.group(1)
        assert not re.match(r"(https?:)?//", url) or url.startswith("http://testserver/"), url
    assert "<script>" not in html and "onclick=" not in html


def test_admin_has_its_own_policy(client):
    response = client.get("/admin/login/")
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/cs/privacy/</loc>" in sitemap
    assert 'hreflang="de"' in sitemap


def test_api_404_is_not_redirected_into_a_language(client):
    response = client.get("/api/v3/no-such-endpoint/")
    assert response.status_code == 404


def test_admin_sign_in_locks_a_user_name_after_failed_attempts(client):
    from django.core.cache import cache

    cache.clear()
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "ihk-editor", "password": "wrong"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "ihk-editor", "password": "wrong"})
    assert locked.status_code == 429
    assert client.post("/admin/login/", {"username": "someone-else", "password": "x"}).status_code == 200
    cache.clear()

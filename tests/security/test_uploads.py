"""Uploads through the Wagtail admin (as a superuser): images must be real raster images within the size and
pixel limits; documents of a dangerous type are refused, and every document is served as a download."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>'


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(size, mode="RGB", noise=False):
    from PIL import Image

    if noise:
        image = Image.frombytes(mode, size, os.urandom(size[0] * size[1] * len(mode)))
    else:
        image = Image.new(mode, size)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    count = get_image_model().objects.count()
    response = client.post(
        "/admin/images/add/",
        {"title": name, "alt_text": "test", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    created = get_image_model().objects.count() - count
    return response, created


def test_a_small_png_is_accepted(admin_client):
    response, created = upload_image(admin_client, "logo.png", png((40, 30)))
    assert response.status_code == 302 and created == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("logo.png", SVG, "image/png"),  # an SVG pretending to be a PNG
        ("logo.svgz", SVG, "image/svg+xml"),
    ],
    ids=["svg", "svg-named-png", "svgz"],
)
def test_svg_is_refused(admin_client, name, content, content_type):
    response, created = upload_image(admin_client, name, content, content_type)
    assert response.status_code == 200 and created == 0
    assert b"errorlist" in response.content or b"error-message" in response.content


def test_oversize_image_is_refused(admin_client, settings):
    content = png((1500, 1500), noise=True)
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response, created = upload_image(admin_client, "huge.png", content)
    assert response.status_code == 200 and created == 0


def test_image_with_too_many_pixels_is_refused(admin_client, settings):
    content = png((8000, 6000), mode="1")  # 48 megapixels in a small file
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert 8000 * 6000 > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    response, created = upload_image(admin_client, "bomb.png", content)
    assert response.status_code == 200 and created == 0


def upload_document(client, name, content):
    count = get_document_model().objects.count()
    response = client.post(
        "/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, content)}, follow=False
    )
    return response, get_document_model().objects.count() - count


@pytest.mark.parametrize("name", ["page.html", "page.htm", "drawing.svg", "script.js", "tool.exe"])
def test_dangerous_documents_are_refused(admin_client, name):
    response, created = upload_document(admin_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200 and created == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.txt", b"<script>alert(1)</script>"), ("flyer.pdf", b"%PDF-1.4\n%%EOF\n")],
)
def test_documents_are_served_as_attachments(admin_client, client, name, content):
    response, created = upload_document(admin_client, name, content)
    assert response.status_code == 302 and created == 1
    document = get_document_model().objects.latest("pk")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == content

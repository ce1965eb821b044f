"""The map include: no third-party request on page load, escaped data, an accessible list, nothing for no places."""

import json
import re

from django.template.loader import render_to_string
from django.utils import translation

EVIL = "Evil </script><script>alert(1)</script> GmbH"
PLACES = [
    {"name": "Bäckerei Görlitz", "lat": 51.1526, "lon": 14.9874, "url": "/de/directory/baeckerei/", "city": "Görlitz"},
    {"name": EVIL, "lat": "50.7663", "lon": "15.0543", "url": "/de/directory/evil/", "city": "Liberec"},
]
TILE_HOST = "tile.openstreetmap.org"


def render(places, **extra):
    with translation.override("en"):
        return render_to_string("directory/includes/map.html", {"places": places, **extra})


def attribute_values(html, name):
    return re.findall(rf'\s{name}="([^"]*)"', html)


def test_nothing_loads_from_a_third_party_before_consent():
    html = render(PLACES)
    # Everything that loads by itself (script src, img src, stylesheet href) is ours.
    for value in attribute_values(html, "src"):
        assert TILE_HOST not in value
        assert value.startswith("/"), value
    for tag in re.findall(r"<(?:link|img|iframe|script|source|video|audio|object|embed)\b[^>]*>", html):
        assert TILE_HOST not in tag
        for value in re.findall(r'\s(?:href|src|srcset|data)="([^"]*)"', tag):
            assert value.startswith("/"), tag
    for value in attribute_values(html, "href"):
        assert TILE_HOST not in value
    assert "<iframe" not in html and "<img" not in html
    # The tile URL sits only in a data attribute, for map.js to use after the click.
    assert attribute_values(html, "data-tile-url") == [f"https://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png"]
    assert html.count(f"https://{TILE_HOST}") == 1
    # Leaflet is loaded from our own static files, later, by map.js.
    assert attribute_values(html, "data-leaflet-js") == ["/static/vendor/leaflet/leaflet.js"]
    assert attribute_values(html, "data-leaflet-css") == ["/static/vendor/leaflet/leaflet.css"]
    assert '<script src="/static/js/map.js" defer></script>' in html
    # No inline script or style that the CSP would block.
    assert " style=" not in html
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        assert not re.search(r"\son\w+=", tag), tag
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert all('type="application/json"' in attrs or not body.strip() for attrs, body in scripts)


def test_list_alternative_has_both_places_escaped():
    html = render(PLACES)
    details = html[html.index("<details") : html.index("</details>")]
    assert "List of all 2 places on the map" in details
    assert '<a href="/de/directory/baeckerei/">Bäckerei Görlitz</a>, Görlitz' in details
    assert (
        '<a href="/de/directory/evil/">Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; GmbH</a>, Liberec'
        in details
    )
    assert "<script>alert(1)" not in html


def test_json_block_is_escaped_and_complete():
    html = render(PLACES, map_id="t1")
    assert '<script id="map-places-t1" type="application/json">' in html
    assert 'data-map-places="map-places-t1"' in html
    block = html.split('<script id="map-places-t1" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E" in block
    assert "<" not in block and ">" not in block
    assert [place["name"] for place in json.loads(block)] == ["Bäckerei Görlitz", EVIL]
    # Exactly one script element besides the data block and map.js: the tags in the name are not real ones.
    assert html.count("<script") == 2


def test_section_is_labelled_and_ids_are_unique_per_map():
    html = render(PLACES, map_id="a")
    assert '<section class="map" aria-labelledby="map-heading-a"' in html
    assert '<h2 id="map-heading-a">Map</h2>' in html
    assert 'class="map-canvas" id="map-canvas-a" tabindex="-1" role="region" aria-label="' in html
    assert " hidden></div>" in html  # the canvas stays hidden until the visitor asks
    assert render(PLACES, map_id="b").count('id="map-places-b"') == 1
    # Without map_id the ids still come out (from the current time) and match each other.
    html = render(PLACES)
    json_id = attribute_values(html, "data-map-places")[0]
    assert re.fullmatch(r"map-places-\d+", json_id)
    assert f'<script id="{json_id}" type="application/json">' in html


def test_single_place_shows_its_address_line_not_a_list():
    html = render(PLACES[:1])
    assert '<p class="map-address">Bäckerei Görlitz, Görlitz</p>' in html
    assert "<details" not in html


def test_nothing_is_rendered_without_places():
    assert render([]).strip() == ""
    assert render(None).strip() == ""

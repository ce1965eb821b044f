import pytest

from events.models import EventPage, PromotionLink, Registration

from .helpers import BEFORE_DRESDEN_DEADLINE, DRESDEN_WORKSHOP, USTI_EXCHANGE, event, post_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def flyer():
    # Created on the Czech translation: the link still belongs to the event's canonical page.
    czech = EventPage.objects.get(slug=DRESDEN_WORKSHOP, locale__language_code="cs")
    return PromotionLink.objects.create(event=czech, campaign="Flyer DTIHK Ústí", code="dtihk-flyer")


def test_link_belongs_to_the_canonical_event_and_gets_a_code(flyer):
    assert flyer.event == event(DRESDEN_WORKSHOP)
    generated = PromotionLink.objects.create(event=event(USTI_EXCHANGE), campaign="Newsletter")
    assert len(generated.code) == 6 and generated.code.isalnum()


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("cs-CZ,cs;q=0.9,de;q=0.5", "/cs/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE", "/de/"),
        ("fr-FR,fr;q=0.9", "/de/"),  # no French locale: the default
    ],
)
def test_short_link_redirects_in_the_browsers_language_and_counts(client, flyer, accept_language, expected):
    response = client.get("/e/dtihk-flyer", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == f"{expected}events/{DRESDEN_WORKSHOP}/?via=dtihk-flyer"
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies  # nothing is stored on the visitor's device
    flyer.refresh_from_db()
    assert flyer.visits == 1


def test_visits_add_up_head_requests_do_not_count_and_unknown_codes_land_on_the_list(client, flyer):
    for _ in range(3):
        client.get("/e/dtihk-flyer")
    client.get("/e/DTIHK-Flyer/")
    client.head("/e/dtihk-flyer")
    flyer.refresh_from_db()
    assert flyer.visits == 4
    unknown = client.get("/e/no-such-code", HTTP_ACCEPT_LANGUAGE="cs")
    assert unknown.status_code == 302 and unknown["Location"] == "/cs/events/"


def test_registration_through_a_link_is_counted_for_its_campaign(client, flyer, time_machine):
    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)
    landing = client.get(client.get("/e/dtihk-flyer", HTTP_ACCEPT_LANGUAGE="cs")["Location"])
    assert 'name="via" value="dtihk-flyer"' in landing.content.decode()
    post_registration(client, language="cs", via="dtihk-flyer")
    post_registration(client, language="de", email="direct@example.org")
    post_registration(client, language="de", email="other@example.org", via="made-up")
    assert Registration.objects.filter(promotion_link=flyer).count() == 1
    assert Registration.objects.filter(event=flyer.event, promotion_link=None).count() == 2


def test_qr_codes_for_print_in_svg_and_png(admin_client, flyer):
    svg = admin_client.get(f"/admin/events/qr/{flyer.pk}.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    png = admin_client.get(f"/admin/events/qr/{flyer.pk}.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert admin_client.get(f"/admin/events/qr/{flyer.pk}.gif").status_code == 404


def test_qr_code_encodes_the_public_short_link(flyer):
    from events.promotion import short_url

    assert short_url(flyer) == "http://testserver/e/dtihk-flyer"

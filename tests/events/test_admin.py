import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from events.models import EventPage, PromotionLink, Registration
from events.registration import register

from .helpers import BEFORE_DRESDEN_DEADLINE, DRESDEN_WORKSHOP, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(time_machine):
    """The Dresden workshop with two seats: two confirmed participants and one on the waiting list."""
    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)
    page = event(DRESDEN_WORKSHOP)
    EventPage.objects.filter(translation_key=page.translation_key).update(capacity=2)
    page.refresh_from_db()
    link = PromotionLink.objects.create(event=page, campaign="Newsletter WFS", code="wfs-news")
    PromotionLink.objects.filter(pk=link.pk).update(visits=17)
    register(page, name="Anna Schmidt", email="anna@example.de", language="de", via_code="wfs-news")
    register(page, name='=HYPERLINK("http://evil.example")', email="petr@example.cz", language="cs", company="Firma")
    register(page, name="Eve Waiting", email="eve@example.org", language="en")
    mail.outbox.clear()
    return page


def test_participant_list_shows_seats_waiting_list_and_campaigns(admin_client, workshop):
    response = admin_client.get(f"/admin/events/{workshop.pk}/participants/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Schmidt" in html and "Eve Waiting" in html
    assert "Newsletter WFS" in html and "http://testserver/e/wfs-news" in html
    assert f"/admin/events/registrations/?event={workshop.pk}&amp;export=csv" in html


def test_cancelling_in_the_admin_promotes_the_waiting_list(admin_client, workshop):
    anna = Registration.objects.get(email="anna@example.de")
    response = admin_client.post(f"/admin/events/{workshop.pk}/participants/", {"registration": anna.pk})
    assert response.status_code == 302
    assert Registration.objects.get(email="eve@example.org").status == "confirmed"
    assert [m.to for m in mail.outbox] == [["eve@example.org"]]


def test_csv_export_of_the_participants_neutralises_formulas(admin_client, workshop):
    response = admin_client.get(f"/admin/events/registrations/?event={workshop.pk}&export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4  # heading + three registrations
    emails = {row[3] for row in rows[1:]}
    assert emails == {"anna@example.de", "petr@example.cz", "eve@example.org"}
    assert any(row[1].startswith("'=HYPERLINK") for row in rows[1:])
    assert "Newsletter WFS" in {row[8] for row in rows[1:]}


def test_message_goes_to_each_confirmed_participant_alone_in_their_language(admin_client, workshop):
    response = admin_client.post(
        f"/admin/events/{workshop.pk}/message/",
        {
            "subject_de": "Raumänderung",
            "body_de": "Wir treffen uns in Saal 2.",
            "subject_cs": "Změna sálu",
            "body_cs": "Sejdeme se v sále 2.",
        },
    )
    assert response.status_code == 302
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {("anna@example.de",), ("petr@example.cz",)}  # not the waiting list
    assert by_recipient[("anna@example.de",)].subject == "Raumänderung"
    assert by_recipient[("petr@example.cz",)].subject == "Změna sálu"
    assert "Sejdeme se v sále 2." in by_recipient[("petr@example.cz",)].body
    assert all(not m.cc and not m.bcc for m in mail.outbox)


def test_message_form_needs_text_and_keeps_it(admin_client, workshop):
    response = admin_client.post(f"/admin/events/{workshop.pk}/message/", {"subject_de": "Nur ein Betreff"})
    assert response.status_code == 200
    assert 'value="Nur ein Betreff"' in response.content.decode()
    assert mail.outbox == []


def test_event_edit_view_shows_seats_and_campaign_counts(admin_client, workshop):
    response = admin_client.get(f"/admin/pages/{workshop.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Newsletter WFS" in html
    assert "<td>17</td><td>1</td>" in html  # visits, registrations of the campaign


def test_admin_listings_and_promotion_link_creation(admin_client, workshop):
    assert admin_client.get("/admin/events/registrations/").status_code == 200
    assert admin_client.get(f"/admin/events/registrations/?event={workshop.pk}&status=waitlisted").status_code == 200
    assert admin_client.get("/admin/events/registrations/new/").status_code in (302, 403)  # Wagtail: back home
    listing = admin_client.get("/admin/events/promotion-links/")
    assert listing.status_code == 200 and "wfs-news" in listing.content.decode()
    form = admin_client.get(f"/admin/events/promotion-links/new/?event={workshop.pk}")
    assert form.status_code == 200
    response = admin_client.post(
        "/admin/events/promotion-links/new/", {"event": workshop.pk, "campaign": "Plakat Messe", "code": ""}
    )
    assert response.status_code == 302
    created = PromotionLink.objects.get(campaign="Plakat Messe")
    assert created.event == workshop and len(created.code) == 6


def test_organiser_views_need_the_registration_permission(client, django_user_model, workshop):
    editor = django_user_model.objects.create_user("editor", password="x-password-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(f"/admin/events/{workshop.pk}/participants/").status_code in (302, 403)
    assert client.get(f"/admin/events/{workshop.pk}/message/").status_code in (302, 403)
    editor.user_permissions.add(
        Permission.objects.get(codename="change_registration"), Permission.objects.get(codename="access_admin")
    )
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(f"/admin/events/{workshop.pk}/participants/").status_code == 200

import datetime as dt
import re

import pytest

from .helpers import BEFORE_DRESDEN_DEADLINE, BERLIN, DRESDEN_WORKSHOP, USTI_EXCHANGE, event, jsonld_of

pytestmark = pytest.mark.django_db


def test_event_page_has_form_calendar_link_map_and_organiser(client, time_machine):
    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)
    html = client.get(f"/de/events/{DRESDEN_WORKSHOP}/").content.decode()
    assert 'action="/de/events/workshop-umsatzsteuer-zoll-2027/register/"' in html
    assert 'href="/de/events/workshop-umsatzsteuer-zoll-2027/calendar/"' in html
    assert "data-map" in html
    assert 'href="/de/institutions/wirtschaftsfoerderung-sachsen/"' in html or "/wirtschaftsfoerderung-sachsen/" in html
    for name in ("name", "company", "email", "language", "consent"):
        assert f'<label for="id_{name}">' in html
    assert 'name="homepage"' in html and 'class="field trap"' in html
    assert " style=" not in html
    for attributes in re.findall(r"<script([^>]*)>", html):  # strict CSP: no inline scripts
        assert "src=" in attributes or 'type="application/' in attributes, attributes


def test_jsonld_event_validates_with_offsets_location_organizer_and_offer(client, time_machine):
    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)
    data = jsonld_of(client.get(f"/de/events/{DRESDEN_WORKSHOP}/").content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["startDate"] == "2027-01-21T09:00:00+01:00"
    assert data["endDate"] == "2027-01-21T13:00:00+01:00"
    assert dt.datetime.fromisoformat(data["startDate"]).utcoffset() == dt.timedelta(hours=1)
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Dresden"
    assert data["location"]["address"]["addressCountry"] == "DE"
    assert data["organizer"]["@type"] == "Organization" and data["organizer"]["url"].startswith("http://testserver/de/")
    assert data["url"] == f"http://testserver/de/events/{DRESDEN_WORKSHOP}/"
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["validThrough"] == "2027-01-14T23:59:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert set(data["inLanguage"]) == {"de", "cs"}


def test_summer_event_has_a_summer_offset_and_no_offer_once_closed(client, time_machine):
    time_machine.move_to(dt.datetime(2027, 6, 1, 12, 0, tzinfo=BERLIN), tick=False)  # after its deadline
    html = client.get("/cs/events/sommerforum-energie-vogtland-egerland-2027/").content.decode()
    data = jsonld_of(html)
    assert data["startDate"] == "2027-06-09T10:00:00+02:00"
    assert "offers" not in data
    assert 'action="/cs/events/sommerforum-energie-vogtland-egerland-2027/register/"' not in html


def test_full_event_offers_the_waiting_list(client, time_machine):
    from events.models import Registration

    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)
    page = event(DRESDEN_WORKSHOP)
    type(page).objects.filter(translation_key=page.translation_key).update(capacity=1)
    Registration.objects.create(event=page, name="A", email="a@example.org", language="de", consent_version="t")
    html = client.get(f"/cs/events/{DRESDEN_WORKSHOP}/").content.decode()
    assert jsonld_of(html)["offers"]["availability"] == "https://schema.org/SoldOut"
    assert 'class="field trap"' in html  # the form is still there, for the waiting list


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_every_event_answers_in_every_locale(client, language):
    for slug in EVENT_SLUGS:
        assert client.get(f"/{language}/events/{slug}/").status_code == 200, (language, slug)
        assert client.get(f"/{language}/events/{slug}/calendar/").status_code == 200, (language, slug)


def test_untranslated_event_shows_source_language_label(client):
    html = client.get(f"/en/events/{USTI_EXCHANGE}/").content.decode()
    assert 'lang="cs"' in html


EVENT_SLUGS = [
    "kooperationsboerse-zulieferindustrie-2026",
    "zuliefertag-erzgebirge-2026",
    "workshop-entsendung-liberec-2026",
    "netzwerktreffen-kunststofftechnik-2026",
    "glasdialog-lausitz-nordboehmen-2026",
    "kooperacni-burza-povrchove-upravy-2026",
    "workshop-umsatzsteuer-zoll-2027",
    "unternehmerreise-karlsbader-region-2027",
    "fachtagung-additive-fertigung-2027",
    "b2b-speeddating-automotive-2027",
    "sommerforum-energie-vogtland-egerland-2027",
    "infoveranstaltung-interreg-pirna-2026",
]


def test_editors_cannot_save_an_event_that_ends_before_it_starts():
    from django.core.exceptions import ValidationError

    page = event(DRESDEN_WORKSHOP)
    page.end = page.start - dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "end" in error.value.message_dict

"""schema.org Event for search engines: dates with their UTC offset, place, organiser, registration offer."""

from events.calendar import plain_text

SCHEMA = "https://schema.org/"


def _place(page):
    place = {
        "@type": "Place",
        "name": page.venue_name or page.city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.street,
            "postalCode": page.postcode,
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    if page.region:
        place["address"]["addressRegion"] = page.region.label
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": page.latitude, "longitude": page.longitude}
    return place


def _organisation(institution, request):
    institution = institution.localized
    return {"@type": "Organization", "name": institution.title, "url": institution.get_full_url(request)}


def event_jsonld(page, request, state):
    url = page.get_full_url(request)
    has_venue = bool(page.city or page.venue_name)
    locations = ([_place(page)] if has_venue else []) + (
        [{"@type": "VirtualLocation", "url": page.online_url}] if page.online_url else []
    )
    mode = "Mixed" if has_venue and page.online_url else ("Online" if page.online_url else "Offline")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "description": page.search_description or plain_text(page.description)[:500],
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": f"{SCHEMA}EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}{mode}EventAttendanceMode",
        "inLanguage": [language.code for language in page.languages.all()],
        "location": locations[0] if len(locations) == 1 else locations,
    }
    if page.organiser:
        data["organizer"] = _organisation(page.organiser, request)
    partners = [_organisation(partner, request) for partner in page.partners.all()]
    if partners:
        data["contributor"] = partners
    if state.open:
        offer = {
            "@type": "Offer",
            "url": f"{url}#registration",
            "availability": f"{SCHEMA}{'SoldOut' if state.seats.full else 'InStock'}",
        }
        if page.registration_deadline:
            offer["validThrough"] = page.registration_deadline.astimezone(page.tz).isoformat()
        if page.capacity:
            data["maximumAttendeeCapacity"] = page.capacity
        data["offers"] = offer
    return data

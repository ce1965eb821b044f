"""schema.org descriptions of listings for search engines. Never an e-mail address or a person's phone."""


def organization(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "url": page.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.street,
            "postalCode": page.postcode,
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    if page.legal_name:
        data["legalName"] = page.legal_name
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": page.latitude, "longitude": page.longitude}
    if page.website:
        data["sameAs"] = [page.website]
    if page.phone:
        data["telephone"] = page.phone
    if page.region:
        data["areaServed"] = page.region.label
    if getattr(page, "founded", None):
        data["foundingDate"] = str(page.founded)
    if getattr(page, "employees", None):
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "value": page.employees}
    if getattr(page, "vat_id", ""):
        data["vatID"] = page.vat_id
    if getattr(page, "ico", ""):
        data["taxID"] = page.ico
    if hasattr(page, "languages"):
        data["knowsLanguage"] = [language.code for language in page.languages.all()]
    offers = getattr(page, "offers", None) or []
    if offers:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                "itemOffered": {
                    "@type": "Service" if block.value["kind"] == "service" else "Product",
                    "name": block.value["title"],
                    "description": block.value["text"],
                },
            }
            for block in offers
        ]
    return data

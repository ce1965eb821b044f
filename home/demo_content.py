"""Texts of the demo site's own pages in de, cs and en (the partners replace them in the admin)."""

HOME = {
    "de": {
        "title": "Glokal – Unternehmensnetzwerk Sachsen–Tschechien",
        "intro": "Finden Sie Zulieferer, Kooperationspartner und Ansprechpartner der Wirtschaftsförderung "
        "auf beiden Seiten der Grenze – auf Deutsch, Tschechisch und Englisch.",
    },
    "cs": {
        "title": "Glokal – podnikatelská síť Sasko–Česko",
        "intro": "Najděte dodavatele, kooperační partnery a kontakty na instituce na podporu podnikání "
        "na obou stranách hranice – česky, německy i anglicky.",
    },
    "en": {
        "title": "Glokal – business network Saxony–Czechia",
        "intro": "Find suppliers, cooperation partners and business-support contacts on both sides of the "
        "border – in German, Czech and English.",
    },
}

INDEXES = {
    "directory": {
        "de": ("Unternehmen", "Zulieferer und Kooperationspartner aus Sachsen und Tschechien."),
        "cs": ("Firmy", "Dodavatelé a kooperační partneři ze Saska a Česka."),
        "en": ("Companies", "Suppliers and cooperation partners from Saxony and Czechia."),
    },
    "institutions": {
        "de": ("Institutionen", "Kammern, Agenturen, Hochschulen und Forschungseinrichtungen, die KMU unterstützen."),
        "cs": ("Instituce", "Komory, agentury, vysoké školy a výzkumné instituce, které podporují MSP."),
        "en": ("Institutions", "Chambers, agencies, universities and research institutes that support SMEs."),
    },
    "events": {
        "de": ("Veranstaltungen", "Kooperationsbörsen, Zulieferertage und Workshops über die Grenze hinweg."),
        "cs": ("Akce", "Kooperační burzy, dny dodavatelů a workshopy přes hranici."),
        "en": ("Events", "Cooperation exchanges, supplier days and workshops across the border."),
    },
}

# slug: {language: (title, intro, [paragraphs])}
STANDARD_PAGES = {
    "imprint": {
        "de": (
            "Impressum",
            "Angaben gemäß § 5 DDG.",
            [
                "Wirtschaftsförderung Sachsen GmbH (Lead-Partner des Projekts), Bertolt-Brecht-Allee 22, 01309 Dresden.",
                "Vertreten durch die Geschäftsführung. Registergericht: Amtsgericht Dresden.",
                "Telefon: +49 351 2138 0. Kontakt über das Formular auf dieser Website.",
                "Glokal ist ein Projekt im Programm Interreg Sachsen–Tschechien 2021–2027.",
            ],
        ),
        "cs": (
            "Tiráž",
            "Údaje o provozovateli.",
            [
                "Wirtschaftsförderung Sachsen GmbH (vedoucí partner projektu), Bertolt-Brecht-Allee 22, 01309 Drážďany.",
                "Zastoupená jednatelstvím. Rejstříkový soud: Amtsgericht Dresden.",
                "Telefon: +49 351 2138 0. Kontakt prostřednictvím formuláře na tomto webu.",
                "Glokal je projekt programu Interreg Sasko–Česko 2021–2027.",
            ],
        ),
        "en": (
            "Imprint",
            "Information about the provider.",
            [
                "Wirtschaftsförderung Sachsen GmbH (lead partner of the project), Bertolt-Brecht-Allee 22, 01309 Dresden.",
                "Represented by the management. Register court: Amtsgericht Dresden.",
                "Phone: +49 351 2138 0. Contact through the form on this website.",
                "Glokal is a project of the Interreg Saxony–Czechia 2021–2027 programme.",
            ],
        ),
    },
    "privacy": {
        "de": (
            "Datenschutz",
            "Wie Glokal mit Ihren Daten umgeht.",
            [
                "Wir verarbeiten personenbezogene Daten nur, soweit es für den Betrieb der Plattform nötig ist "
                "(Art. 6 Abs. 1 DSGVO).",
                "E-Mail-Adressen und Telefonnummern von Ansprechpersonen werden nie öffentlich angezeigt; "
                "Nachrichten laufen über ein Kontaktformular.",
                "Die Website lädt keine Schriften, Skripte oder Kartenkacheln von Dritten. Eine Karte wird erst "
                "geladen, wenn Sie das ausdrücklich wünschen.",
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Datenübertragbarkeit.",
            ],
        ),
        "cs": (
            "Ochrana osobních údajů",
            "Jak Glokal zachází s vašimi údaji.",
            [
                "Osobní údaje zpracováváme jen v rozsahu nutném pro provoz platformy (čl. 6 odst. 1 GDPR).",
                "E-mailové adresy a telefonní čísla kontaktních osob se nikdy nezobrazují veřejně; zprávy se "
                "posílají přes kontaktní formulář.",
                "Web nenačítá písma, skripty ani mapové dlaždice od třetích stran. Mapa se načte až na vaši žádost.",
                "Máte právo na přístup, opravu, výmaz a přenositelnost údajů.",
            ],
        ),
        "en": (
            "Privacy",
            "How Glokal handles your data.",
            [
                "We process personal data only as far as it is needed to run the platform (Art. 6(1) GDPR).",
                "E-mail addresses and phone numbers of contact persons are never shown publicly; messages go "
                "through a contact form.",
                "The website loads no fonts, scripts or map tiles from third parties. A map loads only when you ask for it.",
                "You have the right of access, rectification, erasure and data portability.",
            ],
        ),
    },
    "accessibility": {
        "de": (
            "Erklärung zur Barrierefreiheit",
            "Glokal soll für alle Menschen nutzbar sein (BITV 2.0, WCAG 2.1 AA).",
            [
                "Stand der Vereinbarkeit: Die Website ist weitgehend mit den Anforderungen vereinbar. "
                "Wir prüfen jede Seite automatisch mit axe-core.",
                "Feedback und Kontakt: Wenn Ihnen Barrieren auffallen, rufen Sie uns an unter +49 351 2138 0 "
                "oder schreiben Sie an Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, 01309 Dresden.",
                "Schlichtungsverfahren: Bleibt Ihre Rückmeldung ohne zufriedenstellende Antwort, können Sie sich an "
                "die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.",
            ],
        ),
        "cs": (
            "Prohlášení o přístupnosti",
            "Glokal má být použitelný pro všechny (BITV 2.0, WCAG 2.1 AA).",
            [
                "Stav souladu: Web je z velké části v souladu s požadavky. Každou stránku automaticky testujeme nástrojem axe-core.",
                "Zpětná vazba a kontakt: Pokud narazíte na bariéru, zavolejte nám na +49 351 2138 0 nebo napište na "
                "adresu Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, 01309 Drážďany.",
                "Smírčí řízení: Pokud neobdržíte uspokojivou odpověď, můžete se obrátit na smírčí orgán podle "
                "německého zákona o rovném postavení osob se zdravotním postižením.",
            ],
        ),
        "en": (
            "Accessibility statement",
            "Glokal aims to be usable by everyone (BITV 2.0, WCAG 2.1 AA).",
            [
                "Compliance status: the website is largely compliant. Every page is checked automatically with axe-core.",
                "Feedback and contact: if you meet a barrier, call us on +49 351 2138 0 or write to "
                "Wirtschaftsförderung Sachsen GmbH, Bertolt-Brecht-Allee 22, 01309 Dresden.",
                "Enforcement: if you do not receive a satisfactory answer, you can contact the conciliation body "
                "under the German Disability Equality Act.",
            ],
        ),
    },
    "easy-language": {
        "de": (
            "Leichte Sprache",
            "Hier erklären wir Glokal in Leichter Sprache.",
            [
                "Glokal ist eine Internet-Seite.",
                "Auf Glokal finden Firmen aus Sachsen und aus Tschechien andere Firmen.",
                "Eine Firma kann zeigen: Das machen wir. Das brauchen wir.",
                "Andere Firmen können dann eine Nachricht schicken.",
                "Auf Glokal stehen auch Veranstaltungen. Dort treffen sich Firmen.",
                "Sie können Glokal auf Deutsch, Tschechisch und Englisch lesen.",
            ],
        ),
        "cs": (
            "Snadné čtení",
            "Zde vysvětlujeme Glokal jednoduchým jazykem.",
            [
                "Glokal je internetová stránka.",
                "Na Glokalu najdou firmy ze Saska a z Česka jiné firmy.",
                "Firma může ukázat: Tohle děláme. Tohle potřebujeme.",
                "Jiné firmy jí pak mohou poslat zprávu.",
                "Na Glokalu jsou také akce. Tam se firmy potkávají.",
                "Glokal si můžete přečíst česky, německy a anglicky.",
            ],
        ),
        "en": (
            "Easy read",
            "Here we explain Glokal in easy language.",
            [
                "Glokal is a website.",
                "On Glokal, firms from Saxony and from Czechia find other firms.",
                "A firm can show: this is what we do. This is what we need.",
                "Other firms can then send a message.",
                "Glokal also lists events. Firms meet there.",
                "You can read Glokal in German, Czech and English.",
            ],
        ),
    },
}

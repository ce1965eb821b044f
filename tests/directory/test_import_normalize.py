"""Field clean-up of imported rows and the town/postcode gazetteer."""

import json

import pytest

from directory.importing.gazetteer import GAZETTEER_PATH, Gazetteer, default_gazetteer, resolve_region
from directory.importing.normalize import (
    compose_legal_name,
    email_domain,
    expand_street_abbreviation,
    fix_shouting,
    html_to_text,
    is_generic_mail_domain,
    nace_division,
    name_key,
    normalize_country,
    normalize_email,
    normalize_legal_form,
    normalize_phone,
    normalize_postcode,
    normalize_website,
    parse_employees,
    repair_mojibake,
    size_class,
    split_legal_form,
    website_host,
)

from .shared_data import data_file


def test_mojibake_from_windows_1252_is_repaired():
    assert repair_mojibake("Vogtland PrÃ¤zisionsschleiferei") == "Vogtland Präzisionsschleiferei"
    assert repair_mojibake("HauptstraÃŸe 41") == "Hauptstraße 41"
    assert repair_mojibake("UG (haftungsbeschrÃ¤nkt)") == "UG (haftungsbeschränkt)"


def test_correct_text_is_left_alone():
    for text in ("Průmyslová 2205/4", "„Zitat“ – gut", "Ø 2 bis 65 mm", "Žatec"):
        assert repair_mojibake(text) == text


def test_html_becomes_plain_paragraphs_and_scripts_disappear():
    text = html_to_text("Einlagen nach Maß.<script>alert('xss')</script> Zertifiziert nach <b>ISO 13485</b>.")
    assert text == "Einlagen nach Maß. Zertifiziert nach ISO 13485."
    assert html_to_text("Biere.<br>Lohnbrau ab 10 hl.<br/>Führungen.") == "Biere.\n\nLohnbrau ab 10 hl.\n\nFührungen."
    assert html_to_text("<p>A &amp; B</p><p onclick='x()'>C</p>") == "A & B\n\nC"
    assert "<" not in html_to_text("<img src=x onerror=alert(1)>text<iframe src='//evil'></iframe>")


@pytest.mark.parametrize(
    "value, country, expected",
    [
        ("037360 71234", "DE", "+49 37360 71234"),
        ("+49 (0)3744 21445", "DE", "+49 3744 21445"),
        ("03733/790302", "DE", "+49 3733 790302"),
        ("0049 3583 278666", "DE", "+49 3583 278666"),
        ("474 342 118", "CZ", "+420 474 342 118"),
        ("00420 353 362 355", "CZ", "+420 353 362 355"),
        ("(+420) 352-605-118", "CZ", "+420 352 605 118"),
        ("+420474215480", "CZ", "+420 474 215 480"),
        ("+420 474 215 480", "DE", "+420 474 215 480"),  # an international number ignores the default
        ("n/a", "DE", None),
        ("", "DE", None),
    ],
)
def test_phone_numbers_get_the_international_format(value, country, expected):
    assert normalize_phone(value, country) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("www.metallbau-krause.example", "https://www.metallbau-krause.example"),
        ("http://praezisionsdreherei-vogel.example/", "http://praezisionsdreherei-vogel.example"),
        ("HTTPS://Kodex-Software.Example/Kontakt/", "https://kodex-software.example/Kontakt"),
        ("info@firma.example", None),
        ("", None),
    ],
)
def test_websites_get_a_scheme_and_a_lowercase_host(value, expected):
    assert normalize_website(value) == expected


def test_website_host_ignores_www_and_scheme():
    assert website_host("www.Firma.example/de") == website_host("https://firma.example") == "firma.example"


def test_email_is_lowercased_and_mailto_is_stripped():
    assert normalize_email("mailto:service@systemhaus-elbland.example") == "service@systemhaus-elbland.example"
    assert normalize_email("INFO@ERZGEBIRGISCHE-PRAEZISIONSTEILE.EXAMPLE") == (
        "info@erzgebirgische-praezisionsteile.example"
    )
    assert normalize_email("kein mail") is None
    assert email_domain("info@firma.example") == "firma.example"


@pytest.mark.parametrize("domain", ["gmail.com", "web.de", "GMX.de", "seznam.cz", "t-online.de", "email.cz"])
def test_free_mail_domains_are_generic(domain):
    assert is_generic_mail_domain(domain)


def test_company_domains_are_not_generic():
    assert not is_generic_mail_domain("strojirna-kadan.example")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Deutschland", "DE"),
        ("D", "DE"),
        ("de", "DE"),
        ("Germany", "DE"),
        ("Tschechien", "CZ"),
        ("Tschechische Republik", "CZ"),
        ("CZ ", "CZ"),
        ("Česko", "CZ"),
        ("Česká republika", "CZ"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Polen", "PL"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_country_names_become_iso_codes(value, expected):
    assert normalize_country(value) == expected


@pytest.mark.parametrize(
    "value, country, expected",
    [
        ("1796", "DE", "01796"),
        ("09526", "DE", "09526"),
        ("35201", "CZ", "352 01"),
        ("412 01", "CZ", "412 01"),
        ("1000", "AT", "1000"),
    ],
)
def test_postcodes_are_padded_and_formatted(value, country, expected):
    assert normalize_postcode(value, country) == expected


def test_german_street_abbreviation_is_expanded():
    assert expand_street_abbreviation("Feldstr. 99") == "Feldstraße 99"
    assert expand_street_abbreviation("Dresdner Str. 5") == "Dresdner Straße 5"
    assert expand_street_abbreviation("Straße des Friedens 3") == "Straße des Friedens 3"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("25.11", "25"),
        ("25.62.0", "25"),
        ("2562", "25"),
        ("28990", "28"),  # CZ-NACE has five digits
        ("13200", "13"),
        ("C 25.62", "25"),
        ("4321", "43"),
        ("3", "03"),
        ("34.10", None),  # no NACE Rev. 2 division 34
        ("Metallbau", None),
        ("", None),
    ],
)
def test_nace_codes_become_divisions(value, expected):
    assert nace_division(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("23", (23, "small")),
        ("8", (8, "micro")),
        ("ca. 190", (190, "medium")),
        ("1.200", (1200, "large")),
        ("1 200", (1200, "large")),
        ("10-49", (None, "small")),
        ("50 – 249", (None, "medium")),
        ("10-100", (None, None)),  # spans two classes
        ("250+", (None, "large")),
        ("", (None, None)),
        ("viele", (None, None)),
    ],
)
def test_employee_counts_and_ranges(value, expected):
    assert parse_employees(value) == expected


def test_size_class_limits():
    assert [size_class(n) for n in (0, 9, 10, 49, 50, 249, 250)] == [
        "micro", "micro", "small", "small", "medium", "medium", "large",
    ]  # fmt: skip
    assert size_class(None) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("spol. s r.o.", "s.r.o."),
        ("s. r. o.", "s.r.o."),
        ("akciová společnost", "a.s."),
        ("akciova spolecnost", "a.s."),
        ("GMBH", "GmbH"),
        ("e. K.", "e.K."),
        ("UG (haftungsbeschränkt)", "UG (haftungsbeschränkt)"),
        ("GmbH & Co KG", "GmbH & Co. KG"),
        ("Ltd.", "Ltd."),
    ],
)
def test_legal_forms_are_canonical(value, expected):
    assert normalize_legal_form(value) == expected


@pytest.mark.parametrize(
    "name, legal_form, expected",
    [
        ("Metallbau Krause", "GmbH", "Metallbau Krause GmbH"),
        ("Elektroanlagenbau Pirna GmbH", "", "Elektroanlagenbau Pirna GmbH"),
        ("Elektroanlagenbau Pirna GmbH", "GmbH", "Elektroanlagenbau Pirna GmbH"),
        ("Chomutovské výlisky, spol. s r.o.", "spol. s r.o.", "Chomutovské výlisky s.r.o."),
        ("Textilní závody Varnsdorf, akciová společnost", "", "Textilní závody Varnsdorf a.s."),
        ("Vogtland Präzisionsschleiferei", "UG (haftungsbeschränkt)",
         "Vogtland Präzisionsschleiferei UG (haftungsbeschränkt)"),
        ("Müller GmbH & Co. KG", "KG", "Müller GmbH & Co. KG"),
        ("Montáže Aš", "s.r.o.", "Montáže Aš s.r.o."),  # "Aš" is a town, not "a.s."
    ],
)  # fmt: skip
def test_legal_name_is_composed_once(name, legal_form, expected):
    assert compose_legal_name(name, legal_form) == expected


def test_split_legal_form_keeps_words_that_only_look_like_forms():
    assert split_legal_form("Hotel Sp") == ("Hotel Sp", None)
    assert split_legal_form("Kovo Most") == ("Kovo Most", None)


def test_shouting_names_are_calmed():
    assert fix_shouting("KUNSTSTOFFSPRITZEREI NEUMANN") == "Kunststoffspritzerei Neumann"
    assert fix_shouting("IT-Systemhaus Elbland") == "IT-Systemhaus Elbland"
    assert fix_shouting("ABC") == "ABC"  # too short to tell an acronym from shouting


def test_name_key_ignores_legal_form_case_diacritics_and_umlaut_spelling():
    assert name_key("Erzgebirgische Praezisionsteile") == name_key("Erzgebirgische Präzisionsteile GmbH")
    assert name_key("STROJIRNA KADAN s.r.o.") == name_key("Strojírna Kadaň")
    assert name_key("Richter & Söhne GmbH") == name_key("Richter und Söhne")
    assert name_key("Metallbau Krause") != name_key("Metallbau Kraus")


# --- Gazetteer ---------------------------------------------------------------------------------


def corpus():
    return json.loads(data_file("directory-corpus.json").read_text(encoding="utf-8"))


def test_every_corpus_town_resolves_by_name_and_by_postcode():
    gazetteer = default_gazetteer()
    data = corpus()
    for entry in data["companies"] + data["institutions"]:
        by_name = gazetteer.locate(entry["city"], None, entry["country"])
        assert by_name and by_name.nuts3 == entry["region"], entry["city"]
        assert by_name.place.name == entry["city"]
        assert gazetteer.region_for_postcode(entry["postcode"], entry["country"]) == entry["region"], entry
        assert gazetteer.region(entry["city"], entry["postcode"], entry["country"]) == entry["region"]


def test_gazetteer_knows_only_corpus_regions_and_many_towns():
    data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    region_codes = {region["code"] for region in corpus()["regions"]}
    assert {place["nuts3"] for place in data["places"]} == region_codes
    assert {entry["nuts3"] for entry in data["postcode_ranges"]} == region_codes
    assert len(data["places"]) > 400


@pytest.mark.parametrize(
    "city, region, canonical",
    [
        ("Reichenberg", "CZ051", "Liberec"),
        ("Aussig", "CZ042", "Ústí nad Labem"),
        ("Karlsbad", "CZ041", "Karlovy Vary"),
        ("Komotau", "CZ042", "Chomutov"),
        ("Gablonz", "CZ051", "Jablonec nad Nisou"),
        ("Eger", "CZ041", "Cheb"),
        ("Teplitz", "CZ042", "Teplice"),
        ("Brüx", "CZ042", "Most"),
        ("Leitmeritz", "CZ042", "Litoměřice"),
        ("Böhmisch Leipa", "CZ051", "Česká Lípa"),
        ("Tetschen", "CZ042", "Děčín"),
        ("Karl-Marx-Stadt", "DED41", "Chemnitz"),
        ("Aue", "DED42", "Aue-Bad Schlema"),
        ("Neugersdorf", "DED2D", "Ebersbach-Neugersdorf"),
        ("Mylau", "DED44", "Reichenbach im Vogtland"),
        ("Drážďany", "DED21", "Dresden"),
        ("usti nad labem", "CZ042", "Ústí nad Labem"),
        ("CHOMUTOV", "CZ042", "Chomutov"),
        ("Goerlitz", "DED2D", "Görlitz"),
        ("Auerbach/Vogtl.", "DED44", "Auerbach/Vogtl."),
        ("Oelsnitz (Vogtl.)", "DED44", "Oelsnitz/Vogtl."),
        ("Frankenberg/Sa.", "DED43", "Frankenberg"),
        ("Ústí n. L.", "CZ042", "Ústí nad Labem"),
        ("Meißen", "DED2E", "Meißen"),
        ("Leipzig", "DED51", "Leipzig"),
        ("Praha", "CZ010", "Praha"),
    ],
)
def test_towns_resolve_by_current_former_and_foreign_names(city, region, canonical):
    location = default_gazetteer().locate(city)
    assert (location.nuts3, location.place.name, location.exact) == (region, canonical, True)


@pytest.mark.parametrize(
    "city, region, town",
    [
        ("Chemnitz-Altendorf", "DED41", "Chemnitz"),
        ("Praha 4", "CZ010", "Praha"),
        ("Praha 4 - Chodov", "CZ010", "Praha"),
        ("Ústí nad Labem-Střekov", "CZ042", "Ústí nad Labem"),
        ("Děčín IV-Podmokly", "CZ042", "Děčín"),
        ("Dresden OT Klotzsche", "DED21", "Dresden"),
        ("Kirchberg (Sachsen)", "DED45", "Kirchberg"),
    ],
)
def test_districts_and_qualifiers_resolve_to_their_town(city, region, town):
    location = default_gazetteer().locate(city)
    assert (location.nuts3, location.place.name, location.exact) == (region, town, False)


def test_ambiguous_names_are_decided_by_the_postcode():
    gazetteer = default_gazetteer()
    assert gazetteer.region("Oelsnitz", "08606", "DE") == "DED44"
    assert gazetteer.region("Oelsnitz", "09376", "DE") == "DED42"
    assert gazetteer.region("Auerbach", "08209", "DE") == "DED44"
    assert gazetteer.region("Auerbach", "09392", "DE") == "DED42"
    assert gazetteer.locate("Oelsnitz") is None


def test_country_separates_names_used_on_both_sides_of_the_border():
    assert resolve_region("Cvikov", country="CZ") == "CZ051"
    assert resolve_region("Cvikov", country="DE") == "DED45"  # the Czech name of Zwickau


@pytest.mark.parametrize(
    "postcode, country, region",
    [
        ("08233", "DE", "DED44"),  # Treuen
        ("01877", "DE", "DED2C"),  # Bischofswerda, inside the Sächsische Schweiz block of 01xxx
        ("02689", "DE", "DED2D"),  # Sohland, inside the Bautzen block of 026xx
        ("09544", "DE", "DED43"),  # Neuhausen, inside the Erzgebirge block
        ("1796", "DE", "DED2F"),  # lost its leading zero
        ("04860", "DE", "DED53"),
        ("412 01", "CZ", "CZ042"),
        ("46001", "CZ", "CZ051"),
        ("511 01", "CZ", "CZ051"),
        ("360 07", None, "CZ041"),
        ("110 00", "CZ", "CZ010"),
        ("20095", "DE", None),  # Hamburg
        ("602 00", "CZ", None),  # Brno
        ("", "DE", None),
    ],
)
def test_postcodes_map_to_regions(postcode, country, region):
    assert default_gazetteer().region_for_postcode(postcode, country) == region


def test_unknown_town_gives_none_or_the_postcode_region():
    gazetteer = default_gazetteer()
    assert gazetteer.locate("Atlantis") is None
    location = gazetteer.locate("Atlantis", "08233", "DE")
    assert (location.nuts3, location.place) == ("DED44", None)


def test_gazetteer_can_be_built_from_data():
    gazetteer = Gazetteer(
        {
            "places": [{"name": "Testdorf", "nuts3": "DED21", "country": "DE", "aliases": ["Altdorf"]}],
            "postcode_ranges": [{"country": "DE", "from": "01000", "to": "01999", "nuts3": "DED21"}],
        }
    )
    assert gazetteer.region("altdorf") == "DED21"
    assert gazetteer.region(postcode="01500", country="DE") == "DED21"

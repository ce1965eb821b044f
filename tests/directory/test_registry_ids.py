"""Czech IČO, German and Czech VAT ids, German register numbers: normalisation and rejection reasons."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from directory.registry_ids import (
    RegistryIdError,
    de_vat_check_digit,
    normalize_ico,
    normalize_register_number,
    normalize_vat_id,
    parse_register_entry,
    validate_ico,
    validate_register_number,
    validate_vat_id,
)

from .shared_data import data_file, ensure_settings

ensure_settings()


def corpus_registrations():
    corpus = json.loads(data_file("directory-corpus.json").read_text(encoding="utf-8"))
    return [company["registration"] for company in corpus["companies"]]


def reason(normalize, value):
    with pytest.raises(RegistryIdError) as caught:
        normalize(value)
    return caught.value.code


def test_every_ico_and_vat_id_of_the_corpus_is_accepted_unchanged():
    registrations = corpus_registrations()
    assert len([r for r in registrations if r.get("ico")]) == 110
    for registration in registrations:
        if registration.get("ico"):
            assert normalize_ico(registration["ico"]) == registration["ico"]
        assert normalize_vat_id(registration["vat_id"]) == registration["vat_id"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("26369257", "26369257"),
        ("263 69 257", "26369257"),
        (" 63335778 ", "63335778"),
        ("2223953", "02223953"),  # Excel dropped the leading zero
        ("2223953.0", "02223953"),  # and stored it as a float
        ("IČO: 42298903", "42298903"),
    ],
)
def test_ico_is_normalised(value, expected):
    assert normalize_ico(value) == expected


@pytest.mark.parametrize("value", ["40640278", "68526274", "29004800", "68679573", "26369258"])
def test_ico_with_a_wrong_check_digit_is_rejected(value):
    assert reason(normalize_ico, value) == "invalid_ico_checksum"


@pytest.mark.parametrize("value", ["", "12", "123456789", "4064O278", "abc"])
def test_ico_of_the_wrong_shape_is_rejected(value):
    assert reason(normalize_ico, value) == "invalid_ico"


def test_ico_check_digit_wraps_at_ten_and_eleven():
    # weighted sum 0 -> 11 - 0 = 11 -> check 1; weighted sum 12 (6 x 2) -> 11 - 1 = 10 -> check 0
    assert normalize_ico("00000001") == "00000001"
    assert normalize_ico("00000060") == "00000060"
    assert reason(normalize_ico, "00000000") == "invalid_ico_checksum"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("DE270914536", "DE270914536"),
        ("DE 136 695 976", "DE136695976"),  # the Federal Central Tax Office's own example
        ("de 270.914.536", "DE270914536"),
        ("CZ42298903", "CZ42298903"),
        ("CZ 02223953", "CZ02223953"),
        ("CZ7103192745", "CZ7103192745"),  # a birth number, divisible by 11
        ("CZ640903926", "CZ640903926"),  # nine digits: format check only
        ("ATU12345678", "ATU12345678"),
    ],
)
def test_vat_id_is_normalised(value, expected):
    assert normalize_vat_id(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "DE 12345678",  # eight digits
        "DE 183 821 777",  # check digit wrong
        "DE101O00723",  # letter O for a zero
        "CZ40640278",  # contains an IČO with a wrong check digit
        "CZ1234567",  # too short
        "CZ7103192746",  # ten digits not divisible by 11
        "XX123456789",
        "270914536",  # no country code
    ],
)
def test_invalid_vat_id_is_rejected(value):
    assert reason(normalize_vat_id, value) == "invalid_vat_id"


def test_vat_id_digits_only_take_the_default_country():
    assert normalize_vat_id("270914536", default_country="DE") == "DE270914536"


def test_german_check_digit_catches_every_single_digit_typo():
    valid = "270914536"
    for position in range(9):
        for digit in "0123456789":
            if digit != valid[position]:
                typo = valid[:position] + digit + valid[position + 1 :]
                assert reason(normalize_vat_id, "DE" + typo) == "invalid_vat_id", typo
    assert de_vat_check_digit(valid[:8]) == int(valid[8])


@pytest.mark.parametrize(
    "value, number, court",
    [
        ("HRB 14539", "HRB 14539", None),
        ("hrb14539", "HRB 14539", None),
        ("HR B 1234 b", "HRB 1234 B", None),
        ("HRA 6913", "HRA 6913", None),
        ("GnR 12", "GnR 12", None),
        ("VR 345", "VR 345", None),
        ("PR 7", "PR 7", None),
        ("HRB Nr. 5", "HRB 5", None),
        ("HRB 28367 (Amtsgericht Chemnitz)", "HRB 28367", "Amtsgericht Chemnitz"),
        ("AG Dresden HRB 4702", "HRB 4702", "Amtsgericht Dresden"),
    ],
)
def test_register_number_and_court_are_parsed(value, number, court):
    entry = parse_register_entry(value)
    assert (entry.number, entry.court) == (number, court)
    assert normalize_register_number(value) == number


@pytest.mark.parametrize("value", ["", "14539", "HRC 12", "Amtsgericht Chemnitz", "C 5244"])
def test_invalid_register_number_is_rejected(value):
    assert reason(normalize_register_number, value) == "invalid_register_number"


@pytest.mark.parametrize(
    "validator, value, code",
    [
        (validate_ico, "40640278", "invalid_ico_checksum"),
        (validate_ico, "12", "invalid_ico"),
        (validate_vat_id, "DE 183 821 777", "invalid_vat_id"),
        (validate_register_number, "XYZ", "invalid_register_number"),
    ],
)
def test_form_validators_raise_validation_error_with_code(validator, value, code):
    with pytest.raises(ValidationError) as caught:
        validator(value)
    assert caught.value.code == code


def test_form_validators_accept_valid_values():
    assert validate_ico("26369257") is None
    assert validate_vat_id("DE270914536") is None
    assert validate_register_number("HRB 14539") is None


def test_messages_explain_the_problem():
    with translation.override("en"):
        with pytest.raises(RegistryIdError) as caught:
            normalize_ico("40640278")
        assert "check digit" in str(caught.value.message)
        with pytest.raises(RegistryIdError) as caught:
            normalize_vat_id("DE 12345678")
        assert "9 digits" in str(caught.value.message)

"""The front-end editor's offer/need rows: an untouched empty row (its kind preselected by the browser) is skipped."""

from accounts.forms.items import NeedFormSet, OfferFormSet, items_from


def _data(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def test_untouched_empty_rows_are_skipped():
    offers = OfferFormSet(_data("offers", [{"kind": "product", "title": "", "text": ""}]), prefix="offers")
    needs = NeedFormSet(_data("needs", [{"kind": "supplier", "title": "", "text": ""}]), prefix="needs")
    assert offers.is_valid() and needs.is_valid()
    assert items_from(offers, "offer") == [] and items_from(needs, "need") == []


def test_a_row_with_only_a_description_still_needs_a_title():
    offers = OfferFormSet(_data("offers", [{"kind": "product", "title": "", "text": "Nur Text"}]), prefix="offers")
    assert not offers.is_valid()

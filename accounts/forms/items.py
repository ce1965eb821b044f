"""Offers and needs: one small form per stream item, so owners edit them without a JavaScript editor."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models.companies import NEED_KINDS

MAX_ITEMS = 30


class ItemForm(forms.Form):
    block_id = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Description"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def as_block(self, block_type):
        data = self.cleaned_data
        return {
            "type": block_type,
            "id": data.get("block_id") or str(uuid.uuid4()),
            "value": {"kind": data["kind"], "title": data["title"], "text": data.get("text", "")},
        }


class OfferForm(ItemForm):
    # The initial kind is what a browser submits for an untouched empty row: such a row stays "unchanged"
    # and is skipped, instead of failing for its missing title.
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("product", _("Product")), ("service", _("Service"))], initial="product"
    )
    field_order = ["kind", "title", "text", "block_id"]


class NeedForm(ItemForm):
    kind = forms.ChoiceField(label=_("What is wanted"), choices=NEED_KINDS, initial=NEED_KINDS[0][0])
    field_order = ["kind", "title", "text", "block_id"]


OfferFormSet = forms.formset_factory(OfferForm, extra=1, can_delete=True, max_num=MAX_ITEMS, validate_max=True)
NeedFormSet = forms.formset_factory(NeedForm, extra=1, can_delete=True, max_num=MAX_ITEMS, validate_max=True)


def initial_items(stream):
    return [
        {"block_id": block.id, **{key: block.value.get(key, "") for key in ("kind", "title", "text")}}
        for block in stream
    ]


def items_from(formset, block_type):
    """The stream's raw data, in form order, keeping block ids so wagtail-localize keeps the translations."""
    return [
        form.as_block(block_type) for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]

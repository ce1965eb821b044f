"""Every form of the front-end listing editor together: profile, offers, needs, contact persons, logo."""

from django import forms

from .contacts import ContactPersonFormSet
from .items import NeedFormSet, OfferFormSet, initial_items, items_from
from .logo import LogoForm
from .profile import CompanyProfileForm


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class ListingEditor:
    """Binds the forms to `page` (the latest revision as an object) and applies them to it in memory."""

    def __init__(self, page, data=None, files=None):
        self.page = page
        self.base_revision_id = page.latest_revision_id
        self.profile = CompanyProfileForm(data, instance=page, prefix="profile")
        self.offers = OfferFormSet(data, initial=initial_items(page.offers), prefix="offers")
        self.needs = NeedFormSet(data, initial=initial_items(page.needs), prefix="needs")
        self.contacts = ContactPersonFormSet(data, instance=page, prefix="contacts")
        self.logo = LogoForm(data, files, current=page.logo, prefix="logo")
        self.submitted_base_revision_id = _int_or_none((data or {}).get("base_revision"))

    @property
    def parts(self):
        return [self.profile, self.offers, self.needs, self.contacts, self.logo]

    def is_valid(self):
        return all([part.is_valid() for part in self.parts])

    @property
    def has_errors(self):
        return any(part.errors if isinstance(part, forms.BaseForm) else part.total_error_count() for part in self.parts)

    def apply(self, user):
        page = self.profile.apply()
        page.offers = items_from(self.offers, "offer")
        page.needs = items_from(self.needs, "need")
        self.contacts.save(commit=False)
        self.logo.apply(page, user)
        return page

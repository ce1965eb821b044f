"""The SME demo account (development only; load_demo prints it): owner of one Liberec listing."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .models import Consent
from .services import grant_ownership, source_page

DEMO_EMAIL = "sme-demo@glokal.example"
DEMO_LISTING_SLUG = "presne-obrabeni-liberec"  # CZ051 (Liberecký kraj), written in Czech


def ensure_demo_sme(password):
    """Create the account once (password set on creation only); returns [(sign-in name, role)]."""
    from directory.models import CompanyPage

    user, created = get_user_model().objects.get_or_create(
        username="sme-demo", defaults={"email": DEMO_EMAIL, "preferred_language": "cs"}
    )
    if created:
        user.set_password(password)
        user.save()
        Consent.record_current(user)
    EmailAddress.objects.get_or_create(user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True})
    listing = CompanyPage.objects.filter(slug=DEMO_LISTING_SLUG, alias_of__isnull=True).first()
    page = source_page(listing.translation_key) if listing else None
    if page is None:
        return [(DEMO_EMAIL, "SME (no demo listing found)")]
    grant_ownership(user, page)
    return [(DEMO_EMAIL, f"SME owner of {page.title} (sign in with the e-mail at /cs/account/login/)")]

"""Personal data self-service: what we hold about an SME user (export) and erasing it (account deletion)."""

import json

from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from directory.models import ContactMessage, ContactPerson

from .models import Claim, CompanyOwner, Consent
from .services import listing_pages, listing_status, owned_listings, source_page

PERSONAL_CONTACT_FIELDS = ("name", "email", "phone")


def user_addresses(user):
    """Every e-mail address of the account, lower-cased (messages are matched by the sender's address)."""
    addresses = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        addresses.add(user.email)
    return {address.lower() for address in addresses if address}


def _by_address(field, addresses):
    query = Q(pk__in=[])
    for address in addresses:
        query |= Q(**{f"{field}__iexact": address})
    return query


def messages_sent_by(user):
    return ContactMessage.objects.filter(_by_address("sender_email", user_addresses(user)))


# ------------------------------------------------------------------ export
def export(user, request=None):
    """Everything the platform holds about `user`, as a JSON-serialisable dict."""
    listings = []
    for ownership, page in owned_listings(user):
        status = listing_status(page)
        listings.append(
            {
                "translation_key": str(ownership.translation_key),
                "title": page.title,
                "slug": page.slug,
                "language": page.locale.language_code,
                "status": status.code,
                "live": page.live,
                "url": page.get_full_url(request=request) if page.live else None,
                "managed_since": ownership.granted_at,
            }
        )
    return {
        "exported_at": timezone.now(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        },
        "consents": [
            {"kind": c.kind, "version": c.version, "accepted_at": c.accepted_at}
            for c in Consent.objects.filter(user=user).order_by("accepted_at", "kind")
        ],
        "listings": listings,
        "claims": [
            {
                "listing": claim.page.title,
                "status": claim.status,
                "message": claim.message,
                "submitted_at": claim.created_at,
                "decided_at": claim.decided_at,
                "decision_note": claim.decision_note,
            }
            for claim in Claim.objects.filter(user=user).select_related("page")
        ],
        "contact_messages": [
            {
                "listing": message.page.title if message.page else None,
                "sent_at": message.created_at,
                "name": message.sender_name,
                "email": message.sender_email,
                "company": message.sender_company,
                "text": message.text,
                "language": message.language,
            }
            for message in messages_sent_by(user).select_related("page")
        ],
    }


def export_json(user, request=None):
    return json.dumps(export(user, request), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------ erasure
def _blank(person, addresses):
    """Blank a serialised contact person in place if it is to be erased; True if it changed."""
    if addresses is not None and (person.get("email") or "").lower() not in addresses:
        return False
    changed = any(person.get(field) for field in PERSONAL_CONTACT_FIELDS)
    for field in PERSONAL_CONTACT_FIELDS:
        person[field] = ""
    return changed


def scrub_contact_persons(translation_key, addresses=None):
    """Remove names, e-mails and phones of a listing's contact persons (only those with one of `addresses`,
    if given) from the live rows, every stored revision and wagtail-localize's copy of the source, in every
    locale."""
    page_ids = list(listing_pages(translation_key).values_list("pk", flat=True))
    live = ContactPerson.objects.filter(page_id__in=page_ids)
    if addresses is not None:
        live = live.filter(_by_address("email", addresses))
    live.update(**dict.fromkeys(PERSONAL_CONTACT_FIELDS, ""))

    for revision in Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]):
        people = revision.content.get("contact_persons") or []
        if any([_blank(person, addresses) for person in people]):
            revision.save(update_fields=["content"])

    for source in TranslationSource.objects.filter(object_id=translation_key):
        content = json.loads(source.content_json)
        people = content.get("contact_persons") or []
        if any([_blank(person, addresses) for person in people]):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


@transaction.atomic
def erase(user):
    """Delete the account and the personal data it left behind.

    - Listings stay (a partner curates them); only this user's ownership goes. If nobody else manages a
      listing, all its contact persons are blanked: this account entered them and nobody is left to keep
      them current. Otherwise only the contact persons with this user's addresses are blanked.
    - A listing the user created that was never published, and that nobody else manages, is deleted.
    - Messages the user sent through contact forms lose name, address and text.
    """
    addresses = user_addresses(user)
    for ownership in CompanyOwner.objects.filter(user=user):
        key = ownership.translation_key
        shared = CompanyOwner.objects.filter(translation_key=key).exclude(user=user).exists()
        page = source_page(key)
        if page is not None and not shared and page.first_published_at is None and page.owner_id == user.pk:
            for draft in listing_pages(key).specific():
                draft.delete()
            continue
        scrub_contact_persons(key, addresses if shared else None)
    messages_sent_by(user).update(
        sender_name="", sender_email="", sender_company="", text="", text_purged_at=timezone.now()
    )
    user.delete()

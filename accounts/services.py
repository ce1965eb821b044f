"""What SME accounts do with listings: claim, own, create, change and submit for review. No HTTP here."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState

from directory.models import CompanyPage, DirectoryIndexPage

from . import notifications, review
from .models import Claim, CompanyOwner


# ------------------------------------------------------------------ listings and ownership
def source_page(translation_key):
    """The page a listing is written in (not an alias, not a translation), as a CompanyPage; or None."""
    pages = list(
        CompanyPage.objects.filter(translation_key=translation_key, alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
    )
    for page in pages:
        if page.locale.language_code == page.source_language:
            return page
    return pages[0] if pages else None


def listing_pages(translation_key):
    """The listing in every locale: source, translations and aliases."""
    return Page.objects.filter(translation_key=translation_key)


def is_owner(user, translation_key):
    return (
        bool(user.is_authenticated) and CompanyOwner.objects.filter(user=user, translation_key=translation_key).exists()
    )


def owned_listings(user):
    """[(ownership, source page)] for the listings `user` manages, in the order they were granted."""
    result = []
    for ownership in CompanyOwner.objects.filter(user=user).order_by("granted_at"):
        page = source_page(ownership.translation_key)
        if page is not None:
            result.append((ownership, page))
    return result


def grant_ownership(user, page, granted_by=None):
    ownership, _created = CompanyOwner.objects.get_or_create(
        user=user, translation_key=page.translation_key, defaults={"granted_by": granted_by}
    )
    return ownership


# ------------------------------------------------------------------ claims
class ClaimError(Exception):
    pass


def claimable(page):
    return isinstance(page, CompanyPage) and page.live and page.alias_of_id is None


def claim_listing(user, page, message=""):
    """A pending claim of `user` on the (live, source) listing `page`; the responsible partner decides."""
    if not claimable(page):
        raise ClaimError(_("This listing cannot be claimed."))
    if is_owner(user, page.translation_key):
        raise ClaimError(_("You already manage this listing."))
    if Claim.objects.filter(user=user, page=page, status=Claim.PENDING).exists():
        raise ClaimError(_("Your claim on this listing is already waiting for a decision."))
    claim = Claim.objects.create(user=user, page=page, message=message)
    notifications.claim_submitted(claim, review.reviewers_for(page))
    return claim


@transaction.atomic
def decide_claim(claim, reviewer, approved, note=""):
    """Approve (the applicant becomes an owner of the listing in every locale) or reject a pending claim."""
    if not claim.is_pending:
        raise ClaimError(_("This claim has already been decided."))
    if not review.can_decide_claim(reviewer, claim.company):
        raise ClaimError(_("Only the partner responsible for the listing's region decides this claim."))
    claim.status = Claim.APPROVED if approved else Claim.REJECTED
    claim.decided_by = reviewer
    claim.decided_at = timezone.now()
    claim.decision_note = note
    claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if approved:
        grant_ownership(claim.user, claim.page, granted_by=reviewer)
    review.log_claim_decision(claim.company, reviewer, approved, claim.user)
    notifications.claim_decided(claim)
    return claim


# ------------------------------------------------------------------ changes go to review, never live
class StaleEdit(Exception):
    """Someone saved the listing after this form was opened: saving would silently undo their change."""


@transaction.atomic
def submit_for_review(page, user, base_revision_id=None):
    """Save `page` (the latest revision as an object, carrying the owner's changes) as a new revision and put
    it into the page's workflow. Never publishes.

    - no review yet: start the workflow;
    - changes requested: resume it;
    - a review running: restart it (Wagtail's own "restart workflow"), since approving publishes the latest
      revision, and the reviewer must not approve something other than what they looked at.
    """
    current = Page.objects.select_for_update().get(pk=page.pk)
    if base_revision_id is not None and current.latest_revision_id != base_revision_id:
        raise StaleEdit
    revision = page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return revision
    if state is not None:
        state.cancel(user=user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return revision


def unique_slug(name):
    """Slugs are the same in every locale (DESIGN.md §2), so they must be free in all of them."""
    base = slugify(name)[:70].strip("-") or "company"
    slug, number = base, 2
    while Page.objects.filter(slug=slug, depth__gte=3).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_listing(user, *, language, title, **fields):
    """A new listing, as a draft in `language` under that locale's directory, owned by `user`, in review."""
    locale = Locale.objects.get(language_code=language)
    index = DirectoryIndexPage.objects.get(locale=locale)
    page = CompanyPage(
        title=title,
        legal_name=title,
        slug=unique_slug(title),
        source_language=language,
        owner=user,
        live=False,
        **fields,
    )
    index.add_child(instance=page)
    grant_ownership(user, page)
    submit_for_review(page, user)
    return page


# ------------------------------------------------------------------ what the owner sees
@dataclass(frozen=True)
class ListingStatus:
    IN_REVIEW, CHANGES_REQUESTED, LIVE, DRAFT = "in_review", "changes_requested", "live", "draft"
    LABELS = {
        IN_REVIEW: _("in review"),
        CHANGES_REQUESTED: _("changes requested"),
        LIVE: _("live"),
        DRAFT: _("draft, not submitted"),
    }

    code: str
    is_live: bool
    comment: str = ""
    reviewer: str = ""

    @property
    def label(self):
        return self.LABELS[self.code]


def listing_status(page):
    """In review, changes requested (with the reviewer's comment), live, or a draft nobody reviews yet."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        reviewer = task_state.finished_by if task_state else None
        return ListingStatus(
            ListingStatus.CHANGES_REQUESTED,
            page.live,
            comment=(task_state.comment if task_state else "") or "",
            reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
        )
    if state is not None:
        return ListingStatus(ListingStatus.IN_REVIEW, page.live)
    if page.live and not page.has_unpublished_changes:
        return ListingStatus(ListingStatus.LIVE, True)
    return ListingStatus(ListingStatus.DRAFT, page.live)

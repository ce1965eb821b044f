"""Questions other apps ask about partners: who is responsible for a page, who reviews it, and audit helpers.

The accounts app (SME claims, front-end edits) calls these; they take any CompanyPage, InstitutionPage or
EventPage, in any locale.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.log_actions import log

from .models import Partner
from .roles import MODERATORS
from .scope import COMPANY, EVENT, INSTITUTION, page_kind, specific

CLAIM_APPROVED = "partners.claim.approve"
CLAIM_REJECTED = "partners.claim.reject"


def responsible_partners(page):
    """The partners asked to review `page`: the regional partner of a listing's region (a listing without a
    region goes to the partners that act everywhere); the partner whose own page, or own event, it is."""
    page = specific(page)
    kind = page_kind(page)
    partners = Partner.objects.none()
    if kind == COMPANY:
        if page.region_id is None:
            partners = Partner.objects.filter(everywhere=True)
        else:
            partners = Partner.objects.filter(regions=page.region_id)
    elif kind == INSTITUTION:
        partners = Partner.objects.filter(institution__translation_key=page.translation_key)
    elif kind == EVENT and page.organiser_id:
        partners = Partner.objects.filter(institution__translation_key=page.organiser.translation_key)
    return list(partners.distinct().order_by("name"))


def reviewers_for(page):
    """Active users who review `page`: the members of its responsible partners' groups, and the moderators."""
    groups = [partner.group_id for partner in responsible_partners(page)]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__in=groups) | Q(groups__name=MODERATORS))
        .distinct()
        .order_by("username")
    )


def submit_for_review(page, user):
    """Start the page's workflow for its latest revision (no-op if a review is already running).

    Front-end forms save a revision (`page.save_revision(user=...)`) and then call this; nothing goes live
    before a reviewer approves.
    """
    page = specific(page)
    if page.workflow_in_progress:
        return page.current_workflow_state
    workflow = page.get_workflow()
    if workflow is None:
        raise LookupError(f"No active workflow for {page!r}; run setup_partners.")
    return workflow.start(page, user)


def log_claim_decision(page, user, approved, claimant):
    """Record in the audit log that `user` approved or rejected `claimant`'s claim on a company listing."""
    return log(
        instance=specific(page),
        action=CLAIM_APPROVED if approved else CLAIM_REJECTED,
        user=user,
        data={"claimant": {"id": claimant.pk, "username": claimant.get_username()}},
    )

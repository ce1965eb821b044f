"""Who reviews what: the partners app's answers where it is installed, Wagtail's own APIs otherwise."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

CLAIM_APPROVED = "accounts.claim.approve"
CLAIM_REJECTED = "accounts.claim.reject"
CLAIM_LOG_ACTIONS = {
    CLAIM_APPROVED: (_("Approve claim"), _("Claim approved")),
    CLAIM_REJECTED: (_("Reject claim"), _("Claim rejected")),
}


def partner_services():
    """partners.services, or None while that app is not installed."""
    if not apps.is_installed("partners"):
        return None
    try:
        from partners import services
    except ImportError:
        return None
    return services if hasattr(services, "reviewers_for") else None


def reviewers_for(page):
    """Users asked to review `page` (a company listing): its region's partner editors; none without partners."""
    services = partner_services()
    if services is None:
        return []
    return list(services.reviewers_for(page))


def can_decide_claim(user, page):
    """Superusers always; otherwise only the partners responsible for the listing's region."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return any(reviewer.pk == user.pk for reviewer in reviewers_for(page))


def log_claim_decision(page, user, approved, claimant):
    services = partner_services()
    if services is not None and hasattr(services, "log_claim_decision"):
        return services.log_claim_decision(page, user, approved, claimant)
    return log(
        instance=page,
        action=CLAIM_APPROVED if approved else CLAIM_REJECTED,
        user=user,
        data={"claimant": {"id": claimant.pk, "username": claimant.get_username()}},
    )

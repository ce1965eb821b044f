from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import notifications, review, services
from .admin_claims import ClaimPermissionPolicy, ClaimViewSet
from .models import Claim

register_permission_policy(Claim, ClaimPermissionPolicy(Claim))


@hooks.register("register_admin_viewset")
def register_claims():
    return ClaimViewSet()


@hooks.register("register_log_actions")
def register_claim_log_actions(actions):
    if review.partner_services() is not None:
        return  # the partners app logs claim decisions under its own action names
    for action, (label, message) in review.CLAIM_LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("partners_front_end_edit_url")
def front_end_edit_url(page, user):
    """Workflow e-mails to an SME owner link to the front-end form, in the owner's language."""
    if not services.is_owner(user, page.translation_key):
        return None
    with translation.override(notifications.language_for(user)):
        path = reverse("accounts:edit_listing", kwargs={"translation_key": page.translation_key})
    return notifications.absolute(path)

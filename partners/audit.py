"""Audit log entries for permission-relevant changes (Wagtail's log: who, when, what).

Publish, unpublish and workflow steps are logged by Wagtail itself; this module adds partner regions,
group membership, page permissions and claim decisions. Admin views run inside Wagtail's LogContext,
so the acting user is recorded; changes from management commands are logged without a user (system).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import GroupPagePermission

REGIONS_CHANGED = "partners.regions.change"
MEMBERSHIP_CHANGED = "partners.group_membership.change"
PAGE_PERMISSION_ADDED = "partners.page_permission.add"
PAGE_PERMISSION_REMOVED = "partners.page_permission.remove"


def _names(items):
    return ", ".join(items) or "–"


def register_log_actions(actions):
    @actions.register_action("partners.claim.approve")
    class ClaimApproved(LogFormatter):
        label = _("Approve claim")

        def format_message(self, log_entry):
            return _("Claim by %(user)s approved") % {"user": log_entry.data.get("claimant", {}).get("username", "?")}

    @actions.register_action("partners.claim.reject")
    class ClaimRejected(LogFormatter):
        label = _("Reject claim")

        def format_message(self, log_entry):
            return _("Claim by %(user)s rejected") % {"user": log_entry.data.get("claimant", {}).get("username", "?")}

    @actions.register_action(REGIONS_CHANGED)
    class RegionsChanged(LogFormatter):
        label = _("Change partner regions")

        def format_message(self, log_entry):
            return _("Regions added: %(added)s; removed: %(removed)s") % {
                "added": _names(log_entry.data.get("added", [])),
                "removed": _names(log_entry.data.get("removed", [])),
            }

    @actions.register_action(MEMBERSHIP_CHANGED)
    class MembershipChanged(LogFormatter):
        label = _("Change group membership")

        def format_message(self, log_entry):
            return _("Groups added: %(added)s; removed: %(removed)s") % {
                "added": _names(log_entry.data.get("added", [])),
                "removed": _names(log_entry.data.get("removed", [])),
            }

    actions.register_action(PAGE_PERMISSION_ADDED, _("Grant page permission"), _("Page permission granted"))
    actions.register_action(PAGE_PERMISSION_REMOVED, _("Revoke page permission"), _("Page permission revoked"))


# ------------------------------------------------------------------ receivers
def _region_codes(pks):
    from directory.models import Region

    return sorted(Region.objects.filter(pk__in=pks).values_list("code", flat=True))


def _log_change(instance, action, added=(), removed=()):
    if added or removed:
        log(instance=instance, action=action, data={"added": list(added), "removed": list(removed)})


def partner_regions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from .models import Partner

    if action == "pre_clear":
        instance._regions_before_clear = set(
            instance.partners.values_list("pk", flat=True) if reverse else instance.regions.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    pks = instance.__dict__.pop("_regions_before_clear", set()) if action == "post_clear" else set(pk_set or ())
    key = "added" if action == "post_add" else "removed"
    if reverse:  # region.partners.add(partner, ...)
        for partner in Partner.objects.filter(pk__in=pks):
            _log_change(partner, REGIONS_CHANGED, **{key: [instance.code]})
    else:
        _log_change(instance, REGIONS_CHANGED, **{key: _region_codes(pks)})


def group_membership_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        instance._members_before_clear = set(
            instance.user_set.values_list("pk", flat=True) if reverse else instance.groups.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    pks = instance.__dict__.pop("_members_before_clear", set()) if action == "post_clear" else set(pk_set or ())
    key = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(user, ...)
        for user in get_user_model().objects.filter(pk__in=pks):
            _log_change(user, MEMBERSHIP_CHANGED, **{key: [instance.name]})
    else:
        names = sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
        _log_change(instance, MEMBERSHIP_CHANGED, **{key: names})


def _permission_data(permission):
    return {
        "page": {"id": permission.page_id, "title": str(permission.page)},
        "permission": permission.permission.codename,
    }


def page_permission_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        log(instance=instance.group, action=PAGE_PERMISSION_ADDED, data=_permission_data(instance))


def page_permission_deleted(sender, instance, **kwargs):
    group = Group.objects.filter(pk=instance.group_id).first()
    if group is not None:
        log(instance=group, action=PAGE_PERMISSION_REMOVED, data=_permission_data(instance))


def connect_receivers():
    from .models import Partner

    m2m_changed.connect(partner_regions_changed, sender=Partner.regions.through, dispatch_uid="partners_regions_audit")
    m2m_changed.connect(
        group_membership_changed, sender=get_user_model().groups.through, dispatch_uid="partners_membership_audit"
    )
    post_save.connect(page_permission_saved, sender=GroupPagePermission, dispatch_uid="partners_page_perm_audit")
    post_delete.connect(page_permission_deleted, sender=GroupPagePermission, dispatch_uid="partners_page_perm_del")

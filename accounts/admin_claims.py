"""The partners' side of claims in the Wagtail admin: a list of claims of their regions, and the decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import review, services
from .forms.claims import ClaimDecisionForm
from .models import Claim

DECIDING = {"view", "change"}


class ClaimPermissionPolicy(ModelPermissionPolicy):
    """Superusers see every claim; a partner's editors see and decide the claims of their regions only.
    Claims are made by SMEs on the front end, so nobody adds them here."""

    def _reviewable(self, user):
        claims = Claim.objects.select_related("page")
        if user.is_superuser:
            return claims
        # Worked out once per request (request.user lives as long as the request), as the menu asks too.
        ids = getattr(user, "_reviewable_claim_ids", None)
        if ids is None:
            ids = [c.pk for c in claims if review.can_decide_claim(user, c.company)]
            user._reviewable_claim_ids = ids
        return claims.filter(pk__in=ids)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active) or action == "add":
            return False
        if user.is_superuser:
            return True
        return action in DECIDING and review.partner_services() is not None and self._reviewable(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if action in DECIDING:
            return review.can_decide_claim(user, instance.company)
        return self.user_has_permission(user, action) and user.is_superuser

    def instances_user_has_any_permission_for(self, user, actions):
        if not (user.is_authenticated and user.is_active and DECIDING & set(actions)):
            return Claim.objects.none()
        return self._reviewable(user)


class ClaimIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, DECIDING)


class ClaimDecisionView(generic.EditView):
    page_title = _("Decide the claim")
    submit_button_label = _("Save decision")
    success_message = _("The decision on the claim by %(object)s has been saved.")

    def get_object(self, queryset=None):
        claim = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", claim):
            raise PermissionDenied
        return claim

    def get_form_class(self):
        return ClaimDecisionForm

    def save_instance(self):
        form = self.form
        try:
            return services.decide_claim(
                self.object, self.request.user, form.approved, form.cleaned_data.get("decision_note", "")
            )
        except services.ClaimError as error:
            messages.error(self.request, str(error))
            return self.object


class ClaimInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        claim = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "view", claim):
            raise PermissionDenied
        return claim


class ClaimViewSet(ModelViewSet):
    model = Claim
    name = "accounts_claim"
    icon = "user"
    menu_label = _("Listing claims")
    add_to_admin_menu = True
    menu_order = 260
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["page", "message", "status", "decided_by", "decided_at", "decision_note", "created_at"]
    index_view_class = ClaimIndexView
    edit_view_class = ClaimDecisionView
    inspect_view_class = ClaimInspectView
    form_fields = ["decision_note"]
    list_filter = ["status"]
    list_display = [
        Column("page", label=_("company listing"), accessor="page.title"),
        Column("user", label=_("applicant"), accessor="user.email"),
        Column("region", label=_("region"), accessor="company.region"),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("submitted at")),
    ]

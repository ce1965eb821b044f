"""The review step of the "Regional review" workflow: the partner responsible for the page decides."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be changed?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The person who submitted the change receives this comment by e-mail."),
    )


class ApproveForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 5}), required=False)


class RegionalReviewTask(Task):
    """Reviewers: the editors of the partner responsible for the page's region (or organisation) and the
    moderators; partners that may act everywhere (WFS, DTIHK) can step in but are not asked."""

    class Meta:
        verbose_name = _("regional review")
        verbose_name_plural = _("regional reviews")

    @classmethod
    def get_description(cls):
        return _("The partner responsible for the listing's region, or the moderators, approve or request changes")

    def user_can_review(self, obj, user):
        if not (user and user.is_active and obj.permissions_for_user(user).can_publish()):
            return False
        if obj.live and obj.has_unpublished_changes:
            # The draft under review may have moved the page elsewhere (another region, another organiser).
            return obj.get_latest_revision_as_object().permissions_for_user(user).can_publish()
        return True

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_form_for_action(self, action):
        return RequestChangesForm if action == "reject" else ApproveForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from partners.scope import scope_for

        states = TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)
        scope = scope_for(user)
        if user.is_superuser or scope.everything:
            return states
        if not scope.reviews_anything:
            return TaskState.objects.none()
        # The revision under review decides (a draft may have moved the listing to another region).
        queued = [state.pk for state in states.select_related("revision") if scope.queues(state.revision.as_object())]
        return TaskState.objects.filter(pk__in=queued)

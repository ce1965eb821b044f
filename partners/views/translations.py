"""wagtail-localize's "Translate this page" and "Sync translated pages", made to respect the review workflow.

wagtail-localize publishes from these two views without asking whether the user may publish the page
(the translation editor itself does ask). partners/wagtail_hooks.py registers these subclasses on the very
same admin URLs, ahead of wagtail-localize's own, so `reverse("wagtail_localize:...")` lands here:
users who may publish get wagtail-localize's behaviour unchanged; everybody else gets drafts, and a sync
with "Publish immediately" submits each translation they may not publish to the review workflow.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from partners.translations import save_drafts, submit_translation_for_review, sync_and_submit


class ReviewedSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        if self.object.permissions_for_user(self.request.user).can_publish():
            return super().form_valid(form)
        locales = form.cleaned_data["locales"]
        source, translations = save_drafts(self.object, locales, self.request.user)
        self.components.save(source, sources_and_translations={source: translations})
        messages.success(
            self.request,
            _("Draft translations of '%(title)s' created. Submit each for review when it is translated.")
            % {"title": self.object.get_admin_display_title()},
        )
        single = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        return redirect(self.get_success_url() or self.get_default_success_url(single))


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get(self, request, *args, **kwargs):
        self.check_source_permission()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_source_permission()
        return super().post(request, *args, **kwargs)

    def check_source_permission(self):
        source_page = self.object.get_source_instance()
        if isinstance(source_page, Page) and not source_page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        self.object.update_from_db()
        translations = list(self.object.translations.filter(enabled=True).select_related("target_locale"))
        submitted = sync_and_submit(self.object, translations, self.request.user)
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        if submitted:
            messages.info(
                self.request,
                _("Submitted for review instead of published: %(locales)s")
                % {"locales": ", ".join(t.target_locale.get_display_name() for t in submitted)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


class SubmitTranslationForReviewView(TemplateView):
    """Save a translated page from the translation editor's current strings and start its review."""

    template_name = "partners/admin/submit_translation.html"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
        self.page = self.translation.get_target_instance()
        if not isinstance(self.page, Page) or not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, translation=self.translation, **kwargs)

    def post(self, request):
        if self.page.workflow_in_progress:
            admin_messages.warning(request, _("This translation is already in review."))
        else:
            submit_translation_for_review(self.translation, request.user)
            admin_messages.success(
                request,
                _("'%(title)s' (%(language)s) was submitted for review.")
                % {
                    "title": self.page.get_admin_display_title(),
                    "language": self.translation.target_locale.get_display_name(),
                },
            )
        return redirect("wagtailadmin_pages:edit", self.page.pk)

"""Admin wiring: the partner screens, audit log actions, the publish guard, translation review and state."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from . import audit
from .services import responsible_partners, submit_for_review
from .translations import is_out_of_date, stale_translations_of, translation_of
from .views.reports import OutOfDateTranslationsView
from .views.translations import (
    ReviewedSubmitPageTranslationView,
    ReviewedUpdateTranslationsView,
    SubmitTranslationForReviewView,
)
from .viewsets import partner_viewset

hooks.register("register_log_actions", audit.register_log_actions)


@hooks.register("register_admin_viewset")
def register_partner_viewset():
    return partner_viewset


@hooks.register("register_admin_urls", order=-100)
def register_admin_urls():
    # The first two shadow wagtail-localize's views on their own URLs (see views/translations.py);
    # this hook runs before wagtail-localize's, so these patterns match first.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            ReviewedSubmitPageTranslationView.as_view(),
            name="partners_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="partners_update_translations",
        ),
        path(
            "partners/translations/<int:translation_id>/submit/",
            SubmitTranslationForReviewView.as_view(),
            name="partners_submit_translation_for_review",
        ),
        path(
            "partners/reports/out-of-date-translations/",
            OutOfDateTranslationsView.as_view(),
            name="partners_out_of_date_translations",
        ),
    ]


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_out_of_date_report():
    return TranslatorMenuItem(
        _("Out-of-date translations"), reverse("partners_out_of_date_translations"), icon_name="resubmit", order=750
    )


@hooks.register("before_publish_page")
def publish_within_scope_only(request, page):
    """Creating or editing a listing can change its region: check the version about to go live.

    Out of scope, the saved draft goes to the review of the partner responsible for it instead.
    """
    if page.permissions_for_user(request.user).can_publish():
        return None
    if page.live and page.live_revision_id is None:
        # The create view adds a new page as live and publishes it afterwards: keep it a draft.
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    if page.get_workflow() is None:
        messages.error(request, _("You may not publish this page. Your changes were saved as a draft."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    submit_for_review(page, request.user)
    reviewers = ", ".join(partner.name for partner in responsible_partners(page)) or _("Moderators")
    messages.warning(
        request,
        _("You may publish only pages your organisation looks after. Your changes were saved and submitted for "
          "review to: %(partners)s.") % {"partners": reviewers},
    )  # fmt: skip
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_edit_page", order=-100)
def show_translation_state(request, page):
    """Out-of-date translations and the way to review a translation, shown on the (translation) editor."""
    if request.method != "GET":
        return None
    translation = translation_of(page)
    if translation is None:
        _warn_about_stale_translations(request, page)
        return None
    if request.user.has_perm("wagtail_localize.submit_translation") and is_out_of_date(translation):
        messages.warning(
            request,
            _("This translation is out of date: its %(language)s source changed after the last sync.")
            % {"language": translation.source.locale.get_display_name()},
            buttons=[messages.button(_sync_url(translation.source, request), _("Sync translated pages"))],
        )
    permissions = page.permissions_for_user(request.user)
    if permissions.can_edit() and not permissions.can_publish() and not page.workflow_in_progress:
        messages.info(
            request,
            _("You cannot publish this translation yourself. When it is ready, submit it for review."),
            buttons=[
                messages.button(
                    reverse("partners_submit_translation_for_review", args=[translation.pk]),
                    _("Submit translation for review"),
                )
            ],
        )
    return None


def _warn_about_stale_translations(request, page):
    stale = list(stale_translations_of(page)) if request.user.has_perm("wagtail_localize.submit_translation") else []
    if stale:
        messages.warning(
            request,
            _("Translations out of date: %(languages)s. The source changed after the last sync.")
            % {"languages": ", ".join(t.target_locale.get_display_name() for t in stale)},
            buttons=[messages.button(_sync_url(stale[0].source, request), _("Sync translated pages"))],
        )


def _sync_url(source, request):
    return reverse("wagtail_localize:update_translations", args=[source.pk]) + "?" + urlencode({"next": request.path})

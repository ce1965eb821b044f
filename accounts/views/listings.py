"""Front-end editing by the listing's owner: every save is a new revision that goes to review."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import services
from accounts.forms.listing_editor import ListingEditor
from accounts.forms.new_listing import NewListingForm
from core.ratelimit import hit, too_many_requests

from .common import account_view, owned_listing_or_404

NEW_LISTING_LIMIT = (5, 24 * 3600)  # new listings per user and day


@account_view
def new_listing(request):
    if request.method == "POST" and not hit(f"new-listing:{request.user.pk}", request, *NEW_LISTING_LIMIT):
        return too_many_requests(request)
    form = NewListingForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        page = services.create_listing(
            request.user,
            language=form.cleaned_data["language"],
            title=form.cleaned_data["title"],
            **form.listing_fields(),
        )
        messages.success(
            request,
            _("Your listing has been created and sent to the responsible partner for review. Please complete it now."),
        )
        return redirect("accounts:edit_listing", translation_key=page.translation_key)
    return render(request, "accounts/new_listing.html", {"form": form})


@account_view
def edit_listing(request, translation_key):
    source = owned_listing_or_404(request.user, translation_key)
    draft = source.get_latest_revision_as_object()
    if request.method != "POST":
        editor = ListingEditor(draft)
        return render(request, "accounts/edit_listing.html", _context(source, draft, editor))

    editor = ListingEditor(draft, request.POST, request.FILES)
    if editor.is_valid():
        try:
            services.submit_for_review(editor.apply(request.user), request.user, editor.submitted_base_revision_id)
        except services.StaleEdit:
            messages.error(
                request,
                _(
                    "Someone else saved this listing while you were editing it. Your changes have not been saved: "
                    "this page now shows the latest version; please make your changes again."
                ),
            )
            return redirect("accounts:edit_listing", translation_key=translation_key)
        messages.success(request, _("Thank you. Your changes have been sent to the responsible partner for review."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/edit_listing.html", _context(source, draft, editor), status=200)


def _context(source, draft, editor):
    return {"source": source, "page": draft, "editor": editor, "status": services.listing_status(source)}


@account_view
def preview_listing(request, translation_key):
    """The latest revision as visitors would see it once approved; for the owner only."""
    source = owned_listing_or_404(request.user, translation_key)
    draft = source.get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = draft.default_preview_mode
    response = draft.serve_preview(request, draft.default_preview_mode)
    response["X-Robots-Tag"] = "noindex"
    return response

"""What every SME view shares: signed in, never cached, and a 404 for listings the user does not manage."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.cache import never_cache

from accounts import services


def account_view(view):
    return wraps(view)(never_cache(login_required(view)))


def owned_listing_or_404(user, translation_key):
    """The listing's source page if `user` manages it. A 404 otherwise, so that nobody learns which drafts exist."""
    if not services.is_owner(user, translation_key):
        raise Http404
    page = services.source_page(translation_key)
    if page is None:
        raise Http404
    return page

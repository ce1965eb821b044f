"""Messages visitors sent to a listing the user manages (the addresses of the company's contacts stay hidden)."""

from django.shortcuts import render

from accounts import services
from directory.models import ContactMessage

from .common import account_view, owned_listing_or_404


@account_view
def listing_messages(request, translation_key):
    source = owned_listing_or_404(request.user, translation_key)
    inbox = ContactMessage.objects.filter(page__in=services.listing_pages(translation_key)).select_related("page")
    return render(request, "accounts/messages.html", {"source": source, "inbox": inbox})

from django.shortcuts import render

from accounts import services
from accounts.models import Claim

from .common import account_view


@account_view
def dashboard(request):
    listings = [
        {"page": page, "key": ownership.translation_key, "status": services.listing_status(page)}
        for ownership, page in services.owned_listings(request.user)
    ]
    claims = Claim.objects.filter(user=request.user).exclude(status=Claim.APPROVED).select_related("page")
    return render(request, "accounts/dashboard.html", {"listings": listings, "claims": claims})

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import services
from accounts.forms.claims import ClaimForm, FindCompanyForm
from accounts.models import Claim, CompanyOwner
from core.ratelimit import hit, too_many_requests
from directory.models import CompanyPage

from .common import account_view

MAX_RESULTS = 20
CLAIM_LIMIT = (10, 24 * 3600)  # claims per user and day: each one asks the partners for a check


def _search(query):
    compact = "".join(query.split())
    return (
        CompanyPage.objects.live()
        .filter(alias_of__isnull=True)
        .filter(Q(title__icontains=query) | Q(legal_name__icontains=query) | Q(ico=compact) | Q(vat_id__iexact=compact))
        .select_related("region", "locale")
        .order_by("title")
    )


@account_view
def find_company(request):
    form = FindCompanyForm(request.GET or None)
    results = []
    if form.is_valid():
        seen = set()
        for page in _search(form.cleaned_data["q"]):
            if page.translation_key not in seen:
                seen.add(page.translation_key)
                results.append(services.source_page(page.translation_key))
            if len(results) >= MAX_RESULTS:
                break
    keys = [page.translation_key for page in results]
    owned = set(
        CompanyOwner.objects.filter(user=request.user, translation_key__in=keys).values_list(
            "translation_key", flat=True
        )
    )
    pending = set(
        Claim.objects.filter(user=request.user, status=Claim.PENDING, page__translation_key__in=keys).values_list(
            "page__translation_key", flat=True
        )
    )
    rows = [
        {"page": page, "owned": page.translation_key in owned, "pending": page.translation_key in pending}
        for page in results
    ]
    return render(request, "accounts/find_company.html", {"form": form, "rows": rows})


@account_view
def claim_company(request, translation_key):
    page = services.source_page(translation_key)
    if page is None or not services.claimable(page):
        raise Http404
    if services.is_owner(request.user, translation_key):
        return redirect("accounts:edit_listing", translation_key=translation_key)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and not hit(f"claim:{request.user.pk}", request, *CLAIM_LIMIT):
        return too_many_requests(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_listing(request.user, page, form.cleaned_data["message"])
        except services.ClaimError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Thank you. The responsible partner checks your claim and lets you know by e-mail.")
            )
        return redirect("accounts:dashboard")
    return render(request, "accounts/claim.html", {"page": page, "form": form})

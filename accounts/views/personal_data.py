"""Download my data, delete my account (with the password again)."""

from allauth.core import ratelimit
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts import personal_data
from accounts.forms.account import DeleteAccountForm

from .common import account_view


@account_view
def export_data(request):
    response = HttpResponse(personal_data.export_json(request.user, request), content_type="application/json")
    filename = f"glokal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@account_view
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        # The password check is a sign-in by other means: count it like allauth's reauthentication.
        limited = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
        if limited:
            return limited
        if form.is_valid():
            user = request.user
            logout(request)
            personal_data.erase(user)
            return redirect("accounts:account_deleted")
    return render(request, "accounts/delete_account.html", {"form": form})


def account_deleted(request):
    return render(request, "accounts/account_deleted.html")

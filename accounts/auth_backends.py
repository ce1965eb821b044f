"""E-mail sign-in only through allauth's own forms, which count failed attempts and lock the address."""

from allauth.account.auth_backends import AuthenticationBackend


class EmailBackend(AuthenticationBackend):
    """allauth's backend, minus its fallback of reading a `username` credential as an e-mail address.

    Without this, the Wagtail admin's sign-in form (user name + password) would check SME passwords
    by e-mail address outside allauth's rate limit and lockout.
    """

    def authenticate(self, request, **credentials):
        if not credentials.get("email"):
            return None
        return super().authenticate(request, **credentials)

"""allauth adapter: SME accounts get a random user name, so the e-mail address stays their only sign-in."""

import secrets

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # Derived names (jana, jana1…) are guessable and the Wagtail admin's own sign-in form accepts user
        # names without allauth's rate limit; a random one closes that door.
        if user.username:
            return
        user_model = get_user_model()
        while True:
            candidate = f"sme-{secrets.token_hex(6)}"
            if not user_model.objects.filter(username=candidate).exists():
                user.username = candidate
                return

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from core.ratelimit import record_failed_login


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    """Failed admin sign-ins count towards the per-user lockout (core.middleware)."""
    if request is not None and request.path == "/admin/login/":
        record_failed_login(credentials.get("username", ""))

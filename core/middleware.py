"""Response headers that Django's own settings do not cover."""

from django.conf import settings
from django.middleware import locale as django_locale

ADMIN_PREFIXES = ("/admin/", "/django-admin/", "/api/v3/docs/")
UNPREFIXED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/e/", "/documents/", "/static/", "/media/")


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; the admin's own CSP (it ships inline styles and scripts)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIXES):
            # Read by csp.middleware.CSPMiddleware, which runs after this on the way out.
            response._csp_config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return response


class LocaleMiddleware(django_locale.LocaleMiddleware):
    """Django's, minus the redirect of a 404 outside the language prefixes to a prefixed URL.

    The Wagtail page tree under /<lang>/ matches every path, so /api/v3/missing/ would be redirected to
    /de/api/v3/missing/; the API, the admin and the promotion links answer their own 404s.
    """

    def process_response(self, request, response):
        if request.path.startswith(UNPREFIXED_PREFIXES):
            return response
        return super().process_response(request, response)


class AdminLoginRateLimitMiddleware:
    """The Wagtail admin's sign-in (partner editors): attempts per IP and a lockout per user name."""

    ATTEMPTS_PER_IP = (20, 15 * 60)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == "/admin/login/":
            from core.ratelimit import hit, is_locked_out, too_many_requests

            username = request.POST.get("username", "")
            if not hit("admin-login", request, *self.ATTEMPTS_PER_IP) or is_locked_out(username):
                return too_many_requests(request)
        return self.get_response(request)

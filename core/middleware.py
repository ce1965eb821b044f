"""Response headers that Django's own settings do not cover."""

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/", "/api/v3/docs/")


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

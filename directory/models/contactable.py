"""A listing that visitors can write to through a form (route `contact/`)."""

from django.shortcuts import redirect
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class ContactableMixin(RoutablePageMixin):
    @path("")
    def index_route(self, request, *args, **kwargs):
        from directory.contact import ContactForm

        return self.render(request, context_overrides={"contact_form": ContactForm(), "sent": "sent" in request.GET})

    @path("contact/", name="contact")
    def contact_route(self, request):
        from core.ratelimit import hit, too_many_requests
        from directory.contact import RATE_LIMIT, ContactForm, deliver

        if request.method != "POST":
            return redirect(self.get_url(request) + "#contact")
        form = ContactForm(request.POST)
        if not hit("contact", request, *RATE_LIMIT):
            return too_many_requests(request)
        if form.is_valid():
            if not form.is_spam():
                deliver(self, form, translation.get_language())
            # Bots get the same answer as people, so they learn nothing.
            return redirect(self.get_url(request) + "?sent=1#contact")
        return self.render(
            request,
            context_overrides={"contact_form": form},
        )

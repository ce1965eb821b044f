"""Admin report: translated pages whose source changed after the last sync, with the action to update them."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from partners.translations import out_of_date_translations

LIMIT = 500


class OutOfDateTranslationsView(TemplateView):
    template_name = "partners/admin/out_of_date_translations.html"
    page_title = _("Out-of-date translations")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def rows(self):
        translations = out_of_date_translations().order_by("-source_changed_at")[:LIMIT]
        for translation in translations:
            target = translation.get_target_instance()
            if target.permissions_for_user(self.request.user).can_edit():
                yield {"page": target, "translation": translation}

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=list(self.rows()), page_title=self.page_title, **kwargs)

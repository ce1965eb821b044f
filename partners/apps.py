from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit, notifications

        audit.connect_receivers()
        notifications.connect_receivers()

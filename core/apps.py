from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Glokal core")

    def ready(self):
        from core import signals, visitor_cache  # noqa: F401 (signal receivers)

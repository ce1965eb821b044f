"""The "Registrations" tab of an event in the admin: seats, waiting list and visits per campaign."""

from wagtail.admin.panels import Panel


class RegistrationStatsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/stats_panel.html"

        def get_context_data(self, parent_context=None):
            from events.admin_views import event_statistics

            context = super().get_context_data(parent_context)
            context["stats"] = event_statistics(self.instance) if self.instance.pk else None
            return context

"""Public URLs outside the language prefixes: short promotion links (/e/<code>)."""

from django.urls import path

from events.promotion import follow_link

app_name = "events"

urlpatterns = [
    path("<slug:code>", follow_link, name="promotion_link"),
    path("<slug:code>/", follow_link),
]

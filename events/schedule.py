"""Which events are upcoming: an event is upcoming until it has ended, so today's events always count."""

from django.utils import timezone


def upcoming(queryset, now=None):
    return queryset.filter(end__gte=now or timezone.now()).order_by("start")


def past(queryset, now=None):
    return queryset.filter(end__lt=now or timezone.now()).order_by("-start")

"""When an editor publishes an event with more seats, people on the waiting list move up at once."""

from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage


@receiver(page_published, sender=EventPage)
def give_new_seats_to_the_waiting_list(sender, instance, **kwargs):
    from events.models import Registration
    from events.registration import fill_from_waiting_list

    if Registration.objects.filter(event=instance.canonical, status=Registration.WAITLISTED).exists():
        fill_from_waiting_list(instance)

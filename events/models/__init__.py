from .pages import EVENT_KINDS, TIME_ZONES, AgendaItemBlock, EventIndexPage, EventPage
from .promotion import PromotionLink
from .registrations import Registration

__all__ = [
    "EVENT_KINDS",
    "TIME_ZONES",
    "AgendaItemBlock",
    "EventIndexPage",
    "EventPage",
    "PromotionLink",
    "Registration",
]

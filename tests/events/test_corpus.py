import datetime as dt
import json
from collections import Counter

import pytest

from directory.data_files import data_file
from events.corpus import kind_of, shifted
from events.models import EventPage

from .helpers import BERLIN, PRAGUE

CORPUS = json.loads(data_file("directory-corpus.json").read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_every_corpus_event_has_a_sensible_kind_in_every_locale():
    kinds = dict(EventPage.objects.filter(locale__language_code="cs").values_list("slug", "kind"))
    assert len(kinds) == len(CORPUS["events"]) == 12
    assert kinds["zuliefertag-erzgebirge-2026"] == "supplier_day"
    assert kinds["unternehmerreise-karlsbader-region-2027"] == "trade_mission"
    assert kinds["infoveranstaltung-interreg-pirna-2026"] == "information"
    assert Counter(kinds.values())["workshop"] == 2
    assert set(kinds.values()) == {
        "cooperation_exchange", "supplier_day", "workshop", "conference", "trade_mission", "networking", "information",
    }  # fmt: skip


def test_unknown_events_get_a_kind_from_their_title():
    assert kind_of({"slug": "new", "title": {"cs": "Kooperační burza strojírenství 2028"}}) == "cooperation_exchange"
    assert kind_of({"slug": "new", "title": {"de": "Netzwerktreffen Textil"}}) == "networking"
    assert kind_of({"slug": "new", "title": {"de": "Tag der offenen Tür"}}) == "information"


def test_demo_shift_keeps_the_wall_clock_across_daylight_saving_time():
    # 18 March 09:00 CET moved by 60 days is 17 May 09:00 CEST, not 10:00.
    moved = shifted("2026-03-18T09:00:00+01:00", dt.timedelta(days=60), BERLIN)
    assert (moved.hour, moved.minute, moved.utcoffset()) == (9, 0, dt.timedelta(hours=2))
    assert shifted("2026-12-03T09:00:00+01:00", dt.timedelta(0), PRAGUE).hour == 9

"""Parallel registrations for the last seat never overbook (PostgreSQL: real concurrent transactions).

Every database write here happens in threads with their own connections, which commit, so the requests
really race each other. The test is not `django_db(transaction=True)`: that flushes every table afterwards
and would erase the corpus the session fixture loaded once for all later tests. The test's own transaction
only reads; the rows the threads commit are deleted again at the end.
"""

import datetime as dt
import os
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from events.models import EventPage, Registration

from .helpers import BERLIN, registration_data

pytestmark = pytest.mark.django_db

THREADS = 8
SLUG = "b2b-speeddating-automotive-2027"  # capacity 90, deadline 7 April 2027


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        if os.environ.get("CI", "").lower() == "true" and os.environ.get("DATABASE_URL"):
            pytest.fail("CI with DATABASE_URL must run the concurrency test on PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL): SQLite serialises writes, so it cannot show the race")


def in_own_connection(function, *args):
    """Run `function` in a thread with its own, committing database connection; return its result."""
    outcome = {}

    def run():
        try:
            outcome["result"] = function(*args)
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def _fill_all_but_one_seat(event):
    Registration.objects.bulk_create(
        Registration(event=event, name=f"P{n}", email=f"p{n}@example.org", language="cs", consent_version="t")
        for n in range(event.capacity - 1)
    )


def _delete_registrations(event):
    Registration.objects.filter(event=event).delete()


def test_parallel_requests_for_the_last_seat_never_overbook(time_machine):
    time_machine.move_to(dt.datetime(2027, 1, 10, 12, 0, tzinfo=BERLIN), tick=True)
    event = EventPage.objects.get(slug=SLUG, locale__language_code="cs").canonical
    assert event.capacity == 90
    barrier = threading.Barrier(THREADS)
    statuses = []

    def race(number):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        data = registration_data(email=f"racer{number}@example.org", language="cs")
        barrier.wait(timeout=60)
        statuses.append(client.post(f"/cs/events/{SLUG}/register/", data).status_code)

    in_own_connection(_fill_all_but_one_seat, event)
    try:
        threads = [threading.Thread(target=in_own_connection, args=(race, n)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert statuses == [302] * THREADS
        racers = Registration.objects.filter(event=event, email__startswith="racer")
        assert racers.count() == THREADS
        assert racers.filter(status="confirmed").count() == 1
        assert racers.filter(status="waitlisted").count() == THREADS - 1
        assert Registration.objects.filter(event=event, status="confirmed").count() == event.capacity
    finally:
        in_own_connection(_delete_registrations, event)

import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site skeleton once per test session; each test runs in a transaction on top of it."""
    from home.site_setup import setup_site

    with django_db_blocker.unblock():
        setup_site(hostname="testserver", port=80)
        call_command("update_index", verbosity=0)


@pytest.fixture
def in_ci():
    return os.environ.get("CI", "").lower() == "true"

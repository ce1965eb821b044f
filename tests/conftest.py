import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site and load the directory corpus once per session; each test runs in a transaction on top."""
    from directory.data_files import data_file
    from home.site_setup import setup_site

    with django_db_blocker.unblock():
        setup_site(hostname="testserver", port=80)
        call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # creates the engine's indexes
        call_command("import_directory", str(data_file("directory-corpus.json")), verbosity=0)


@pytest.fixture
def in_ci():
    return os.environ.get("CI", "").lower() == "true"

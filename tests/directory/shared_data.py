"""Test helpers for the import rules, usable with or without pytest-django."""

import os
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


def data_file(name):
    """A shared data set: `../shared/data` next to the repository, else the project's copy in `directory/data`."""
    shared = REPOSITORY_ROOT.parent / "shared" / "data" / name
    return shared if shared.is_file() else REPOSITORY_ROOT / "directory" / "data" / name


def ensure_settings():
    """Lazy translated messages need settings; plain runs (`-p no:django`) get the smallest possible ones."""
    from django.conf import settings

    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(USE_I18N=False)

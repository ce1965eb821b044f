"""Where the shared data sets live: ../shared/data next to the repository, else the project's own copies."""

from pathlib import Path

from django.conf import settings

BUNDLED = Path(__file__).resolve().parent / "data"


def data_file(name):
    shared = Path(settings.BASE_DIR).parent / "shared" / "data" / name
    return shared if shared.is_file() else BUNDLED / name

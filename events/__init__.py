"""Cooperation events (the Django app).

The `Events` distribution, a dependency of opensearch-py, installs a top-level package that is also
called `events`; this app shadows it. opensearch-py only needs its `Events` class, so this module hands
that class over, loaded from the distribution's own file.
"""

_distribution_module = None


def _distribution():
    global _distribution_module
    if _distribution_module is None:
        import importlib.metadata
        import importlib.util

        path = importlib.metadata.distribution("Events").locate_file("events/events.py")
        spec = importlib.util.spec_from_file_location("_events_distribution", path)
        _distribution_module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_distribution_module)
    return _distribution_module


def __getattr__(name):
    if name in ("Events", "EventsException"):
        return getattr(_distribution(), name)
    raise AttributeError(f"module 'events' has no attribute {name!r}")

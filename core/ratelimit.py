"""Rate limits on public forms, counted in the shared cache (CACHE_URL), so every app server agrees."""

import hashlib

from django.core.cache import cache
from django.shortcuts import render


def client_ip(request):
    """The client as our one proxy saw it: the right-most X-Forwarded-For entry, which the proxy appended.

    Entries left of it come from the client and can be forged, so they never count.
    """
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-1] if forwarded else request.META.get("REMOTE_ADDR", "")


def hit(scope, request, limit, window_seconds):
    """Count one attempt; True while the client stays within `limit` attempts per window."""
    ident = hashlib.sha256(f"{scope}:{client_ip(request)}".encode()).hexdigest()
    key = f"ratelimit:{scope}:{ident}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True


def too_many_requests(request, retry_after=600):
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response


LOCKOUT = (5, 15 * 60)  # failed sign-ins per user name before it is locked, and for how long


def _lockout_key(username):
    return "lockout:" + hashlib.sha256(username.strip().casefold().encode()).hexdigest()


def record_failed_login(username):
    key = _lockout_key(username)
    if not cache.add(key, 1, timeout=LOCKOUT[1]):
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, 1, timeout=LOCKOUT[1])


def is_locked_out(username):
    return bool(username) and (cache.get(_lockout_key(username)) or 0) >= LOCKOUT[0]

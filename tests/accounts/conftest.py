"""SME accounts on top of the session corpus: verified users, a Liberec listing (CZ051, written in Czech)
and, when the partners app exists, its groups and "Regional review" workflow (rolled back per test)."""

import importlib.util

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from accounts.models import CompanyOwner
from directory.models import CompanyPage

PASSWORD = "Sme-Passwort-2026!"
LIBEREC_SLUG = "presne-obrabeni-liberec"  # CZ051, source language cs
PARTNERS = importlib.util.find_spec("partners") is not None and importlib.util.find_spec("partners.setup") is not None


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def make_sme(email, language="cs"):
    user = get_user_model().objects.create_user(
        username=f"sme-{email.split('@')[0]}", email=email, password=PASSWORD, preferred_language=language
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def sme(db):
    return make_sme("jana@presne-obrabeni.example")


@pytest.fixture
def other_sme(db):
    return make_sme("petr@konkurence.example")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@glokal.example", PASSWORD)


@pytest.fixture
def liberec(db):
    return CompanyPage.objects.get(slug=LIBEREC_SLUG, locale__language_code="cs")


@pytest.fixture
def owned(sme, liberec):
    CompanyOwner.objects.create(user=sme, translation_key=liberec.translation_key)
    return liberec


@pytest.fixture
def partners(db):
    """setup_partners, if the partners app is there: groups, regions, the "Regional review" workflow."""
    if not PARTNERS:
        return None
    from partners.setup import setup_partners

    setup_partners()
    return True


@pytest.fixture
def mas_editor(partners):
    """The reviewer for Liberec: a MAS Český sever editor with the partners app, else a superuser."""
    user_model = get_user_model()
    if not partners:
        return user_model.objects.create_superuser("reviewer", "reviewer@glokal.example", PASSWORD)
    user = user_model.objects.create_user("mas-reviewer", "mas@glokal.example", PASSWORD, preferred_language="cs")
    user.groups.add(Group.objects.get(name="MAS Český sever"))
    return user


@pytest.fixture
def chemnitz_editor(partners):
    if not partners:
        pytest.skip("needs the partners app (regional responsibility)")
    user = get_user_model().objects.create_user("ihk-reviewer", "ihk@glokal.example", PASSWORD)
    user.groups.add(Group.objects.get(name="IHK Chemnitz"))
    return user

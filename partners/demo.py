"""Demo accounts for the partner roles (development only; load_demo prints them)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from . import roles

DEMO_ACCOUNTS = (
    # username, group, preferred language, role shown by load_demo
    ("ihk-chemnitz-editor", "IHK Chemnitz", "de", "IHK Chemnitz editor (Chemnitz and 4 districts)"),
    ("mas-editor", "MAS Český sever", "cs", "MAS Český sever editor (Ústecký, Liberecký kraj), Czech admin"),
    ("moderator", roles.MODERATORS, "de", "moderator (all regions)"),
    ("translator", roles.TRANSLATORS, "de", "translator (edits translations, cannot publish)"),
)  # fmt: skip


def ensure_demo_accounts(password):
    """Create the accounts once (password set on creation only); returns [(username, role)]."""
    user_model = get_user_model()
    shown = []
    for username, group_name, language, role in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@glokal.example", "preferred_language": language}
        )
        if created:
            user.set_password(password)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language  # the admin's language, too
            profile.save()
        user.groups.add(Group.objects.get(name=group_name))
        shown.append((username, role))
    return shown

"""Wagtail's page permission tester, narrowed to a partner's regions and organisation.

CompanyPage, InstitutionPage and EventPage return this tester from `permissions_for_user()`, so every
admin view and button that asks Wagtail "may this user edit / publish / unpublish / delete / lock this
page?" gets the partner-aware answer: the edit view, preview, publish, unpublish, delete, the explorer's
buttons, bulk actions, the translation editor and the v3 API write endpoints.
"""

from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester

from .scope import scope_for, specific

PUBLISHING = {"add", "publish", "lock", "unlock", "bulk_delete"}


class PartnerPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.scope = scope_for(user)
        if not user.is_active or user.is_superuser:
            return
        if not self.scope.may_edit(self.page) and not self.scope.may_edit(self.stored_page):
            self.permissions = set()
        elif not self.scope.covers(self.page):
            self.permissions = self.permissions - PUBLISHING

    @cached_property
    def stored_page(self):
        """The page as saved, when `self.page` is a draft revision: an editor who moved a draft to another
        region can still open and undo it (but publishing checks the version that would go live)."""
        page = specific(self.page)
        if page.pk is None or not (page.live and page.has_unpublished_changes):
            return page  # new, or the database row holds the latest content anyway
        return type(page).objects.filter(pk=page.pk).first() or page

    def can_delete(self, ignore_bulk=False):
        if self.user.is_active and not self.user.is_superuser and not self.scope.may_delete(self.page):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

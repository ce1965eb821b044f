"""What a user may act on, derived from their groups: the restriction layer behind the page permissions.

Wagtail's GroupPagePermissions on the index pages give the *kind* of rights (edit, publish, lock);
a `Scope` narrows them to the pages a user's partner organisation looks after:
company listings of its regions (or all regions with `Partner.everywhere`), its own institution page
in every locale, and the events it organises. Moderators and administrators cover every page;
translators may edit every listing but publish nothing.
"""

from dataclasses import dataclass, field

from .roles import MODERATORS, TRANSLATORS

COMPANY, INSTITUTION, EVENT = "company", "institution", "event"
KIND_BY_MODEL = {"directory.companypage": COMPANY, "directory.institutionpage": INSTITUTION, "events.eventpage": EVENT}
SCOPE_CACHE = "_partner_scope"


def page_kind(page):
    return KIND_BY_MODEL.get(page._meta.label_lower)


def specific(page):
    """The page as its own type (admin views sometimes hand over a plain `Page`)."""
    return page if page_kind(page) or page.specific_class is None else page.specific_deferred


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    translator: bool = False
    all_regions: bool = False
    region_ids: frozenset = field(default_factory=frozenset)
    institution_keys: frozenset = field(default_factory=frozenset)
    institution_ids: frozenset = field(default_factory=frozenset)

    def covers(self, page):
        """May edit, publish and review this page as a partner (or moderator)."""
        if self.everything:
            return True
        page = specific(page)
        kind = page_kind(page)
        if kind == COMPANY:
            return self.all_regions or page.region_id in self.region_ids
        if kind == INSTITUTION:
            return page.translation_key in self.institution_keys
        if kind == EVENT:
            return page.organiser_id in self.institution_ids
        return False

    @property
    def reviews_anything(self):
        return self.everything or bool(self.region_ids or self.all_regions or self.institution_keys)

    def may_edit(self, page):
        return self.translator or self.covers(page)

    def may_delete(self, page):
        # Deleting removes a listing for good (and leaves its translations orphaned): moderators only.
        return self.everything

    def queues(self, page):
        """Is this user asked to review `page` (their dashboard queue, their e-mails)? Like `covers`, but a
        partner acting everywhere is only asked about listings without a region."""
        if self.everything:
            return True
        page = specific(page)
        if page_kind(page) == COMPANY:
            return page.region_id in self.region_ids or (self.all_regions and page.region_id is None)
        return self.covers(page)


def scope_for(user):
    """The user's scope, computed once per request (cached on the user object, like Wagtail's own caches)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope()
    cached = getattr(user, SCOPE_CACHE, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(everything=True)
    else:
        scope = _scope_from_groups(user)
    setattr(user, SCOPE_CACHE, scope)
    return scope


def _scope_from_groups(user):
    from directory.models import InstitutionPage

    from .models import Partner

    group_names = set(user.groups.values_list("name", flat=True))
    partners = list(Partner.objects.filter(group__user=user).select_related("institution").prefetch_related("regions"))
    keys = frozenset(p.institution.translation_key for p in partners if p.institution)
    ids = InstitutionPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True) if keys else []
    return Scope(
        everything=MODERATORS in group_names,
        translator=TRANSLATORS in group_names,
        all_regions=any(p.everywhere for p in partners),
        region_ids=frozenset(region.pk for p in partners for region in p.regions.all()),
        institution_keys=keys,
        institution_ids=frozenset(ids),
    )

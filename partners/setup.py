"""`setup_partners`: groups, partners, page rights and the review workflow. Idempotent.

Run after `setup_site` and the corpus import. It removes what Wagtail's own migrations create for a
fresh site (root-level page rights of "Editors"/"Moderators" and the "Moderators approval" workflow on the
root), so that nobody keeps site-wide rights by accident; rights are granted on the section index pages
instead, and narrowed to a partner's regions by `partners.permissions`.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db import transaction
from django.db.models import F
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from . import roles
from .models import Partner, RegionalReviewTask
from .permissions import PartnerPagePermissionTester

COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
)  # fmt: skip
GROUP_PERMISSIONS = (("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation"))


@dataclass
class SetupReport:
    groups_created: list = field(default_factory=list)
    partners_created: list = field(default_factory=list)
    root_permissions_removed: int = 0
    page_permissions_added: int = 0
    index_pages: int = 0
    skipped_indexes: list = field(default_factory=list)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action):
    return _permission("wagtailcore", f"{action}_page")


def enforces_partner_scope(page_model):
    """Only hand out rights on an index whose pages narrow them to the partner's scope."""
    return isinstance(page_model().permissions_for_user(AnonymousUser()), PartnerPagePermissionTester)


def index_pages(report):
    """Every locale's directory, institution and event index pages, and those whose child pages enforce the
    partner scope (only those get partner rights)."""
    from directory.models import CompanyPage, DirectoryIndexPage, InstitutionIndexPage, InstitutionPage
    from events.models import EventIndexPage, EventPage

    all_pages, scoped_pages = [], []
    for index_model, child_model in (
        (DirectoryIndexPage, CompanyPage), (InstitutionIndexPage, InstitutionPage), (EventIndexPage, EventPage),
    ):  # fmt: skip
        pages = list(index_model.objects.all())
        all_pages.extend(pages)
        if enforces_partner_scope(child_model):
            scoped_pages.extend(pages)
        else:
            report.skipped_indexes.append(str(index_model._meta.verbose_name))
    return all_pages, scoped_pages


def ensure_groups(report):
    names = [partner.name for partner in roles.PARTNERS] + [roles.MODERATORS, roles.TRANSLATORS]
    groups = {}
    for name in names:
        groups[name], created = Group.objects.get_or_create(name=name)
        if created:
            report.groups_created.append(name)
        groups[name].permissions.add(*[_permission(app, codename) for app, codename in GROUP_PERMISSIONS])
    root_collection = Collection.get_first_root_node()
    for name in [partner.name for partner in roles.PARTNERS] + [roles.MODERATORS]:
        for app, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=_permission(app, codename)
            )
    return groups


def remove_site_wide_rights(report):
    root_permissions = GroupPagePermission.objects.filter(page__depth=1)
    report.root_permissions_removed = root_permissions.count()
    for permission in root_permissions:
        permission.delete()
    default = Workflow.objects.filter(name=roles.WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if default is not None:
        for task in default.tasks:
            task.specific.deactivate()
        default.deactivate()


def _source_institution(slug):
    from directory.models import InstitutionPage

    return (
        InstitutionPage.objects.filter(slug=slug, alias_of__isnull=True, locale__language_code=F("source_language"))
        .order_by("pk")
        .first()
    )


def ensure_partners(groups, report):
    """Default assignment for partners without one; an administrator's later changes are kept."""
    from directory.models import Region

    regions = {region.code: region for region in Region.objects.all()}
    for default in roles.PARTNERS:
        partner, created = Partner.objects.get_or_create(
            name=default.name, defaults={"group": groups[default.name], "everywhere": default.everywhere}
        )
        if created:
            report.partners_created.append(default.name)
        if partner.institution_id is None:
            partner.institution = _source_institution(default.institution_slug)
            partner.save(update_fields=["institution"])
        if created or not partner.regions.exists():
            partner.regions.add(*[regions[code] for code in default.regions if code in regions])
    fallback = Partner.objects.filter(name__in=[d.name for d in roles.PARTNERS if d.fallback]).first()
    if fallback is not None:
        uncovered = Region.objects.filter(partners__isnull=True)
        if uncovered.exists():
            fallback.regions.add(*uncovered)


def grant_page_permissions(groups, pages, report):
    grants = [(groups[partner.name], roles.PARTNER_PAGE_PERMISSIONS) for partner in roles.PARTNERS]
    grants += [
        (groups[roles.MODERATORS], roles.MODERATOR_PAGE_PERMISSIONS),
        (groups[roles.TRANSLATORS], roles.TRANSLATOR_PAGE_PERMISSIONS),
    ]
    for page in pages:
        for group, actions in grants:
            for action in actions:
                _permission_row, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_page_permission(action)
                )
                report.page_permissions_added += created


def ensure_review_workflow(pages):
    task = RegionalReviewTask.objects.filter(name=roles.REVIEW_TASK).first()
    if task is None:
        task = RegionalReviewTask.objects.create(name=roles.REVIEW_TASK)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    workflow, _created = Workflow.objects.get_or_create(name=roles.REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_partners():
    report = SetupReport()
    groups = ensure_groups(report)
    remove_site_wide_rights(report)
    ensure_partners(groups, report)
    all_pages, scoped_pages = index_pages(report)
    report.index_pages = len(scoped_pages)
    grant_page_permissions(groups, scoped_pages, report)
    ensure_review_workflow(all_pages)
    return report

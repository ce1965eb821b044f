"""Admin for partner editors: companies as a filtered listing, taxonomies in one menu group."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Certification, CompanyPage, GlossaryConcept, Industry, Language, Region


class CompanyFilterSet(PageListingViewSet.filterset_class):
    class Meta:
        model = CompanyPage
        fields = ["locale", "live", "region", "country", "size", "is_verified"]


class CompanyListingViewSet(PageListingViewSet):
    """Find a company by name, IČO, VAT id or town (search box), narrow by region and more (filters)."""

    model = CompanyPage
    icon = "group"
    menu_label = _("Companies")
    add_to_admin_menu = True
    menu_order = 150
    name = "companies"
    filterset_class = CompanyFilterSet
    list_display = ["title", "city", "region", "country", "size", "is_verified", "latest_revision_created_at"]


companies_viewset = CompanyListingViewSet("companies")


@hooks.register("register_admin_viewset")
def register_company_listing():
    return companies_viewset


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["code", "label_de", "label_cs", "label_en"]
    ordering = ["code"]


class IndustryViewSet(TaxonomyViewSet):
    model = Industry
    icon = "tag"
    list_filter = ["level"]


class RegionFilterSet(WagtailFilterSet):
    class Meta:
        model = Region
        fields = ["country", "in_programme_area"]


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    list_display = ["code", "label_de", "label_cs", "country", "in_programme_area"]
    filterset_class = RegionFilterSet


class CertificationViewSet(TaxonomyViewSet):
    model = Certification
    icon = "success"


class LanguageViewSet(TaxonomyViewSet):
    model = Language
    icon = "globe"


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryConcept
    icon = "doc-full"
    list_display = ["key", "industry", "label"]
    list_filter = ["industry"]
    ordering = ["key"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 160
    items = (IndustryViewSet, RegionViewSet, CertificationViewSet, LanguageViewSet, GlossaryViewSet)


register_snippet(TaxonomyGroup)

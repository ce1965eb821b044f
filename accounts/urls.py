"""/<lang>/account/…: allauth's sign-up, sign-in and password pages, and the SME's own pages."""

from django.urls import include, path

from .views import claims, dashboard, inbox, listings, personal_data

sme_patterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("companies/find/", claims.find_company, name="find_company"),
    path("companies/new/", listings.new_listing, name="new_listing"),
    path("companies/<uuid:translation_key>/claim/", claims.claim_company, name="claim"),
    path("companies/<uuid:translation_key>/edit/", listings.edit_listing, name="edit_listing"),
    path("companies/<uuid:translation_key>/preview/", listings.preview_listing, name="preview_listing"),
    path("companies/<uuid:translation_key>/messages/", inbox.listing_messages, name="listing_messages"),
    path("data/", personal_data.export_data, name="export_data"),
    path("delete/", personal_data.delete_account, name="delete_account"),
    path("deleted/", personal_data.account_deleted, name="account_deleted"),
]

urlpatterns = [
    path("", include((sme_patterns, "accounts"))),
    path("", include("allauth.urls")),
]

"""Routes under /api, with related links for companies."""

from __future__ import annotations

from django.urls import include, path, re_path
from rest_framework import routers

from .views import ArticleViewSet, CompanyRelationshipView, CompanyViewSet, PersonViewSet

router = routers.DefaultRouter(trailing_slash=False)
router.register("people", PersonViewSet)
router.register("companies", CompanyViewSet)
router.register("articles", ArticleViewSet)

urlpatterns = [
    re_path(
        r"^api/companies/(?P<pk>[^/.]+)/(?P<related_field>\w+)$",
        CompanyViewSet.as_view({"get": "retrieve_related"}),
        name="company-related",
    ),
    re_path(
        r"^api/companies/(?P<pk>[^/.]+)/relationships/(?P<related_field>\w+)$",
        CompanyRelationshipView.as_view(),
        name="company-relationships",
    ),
    path("api/", include(router.urls)),
]

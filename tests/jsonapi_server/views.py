"""One view set per type, with DRF JSON:API's ordering and django-filter backends."""

from __future__ import annotations

from rest_framework_json_api.views import ModelViewSet, RelationshipView

from .models import Article, Company, Person
from .serializers import ArticleSerializer, CompanySerializer, PersonSerializer


class PersonViewSet(ModelViewSet):
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    ordering_fields = ["id", "name", "age", "employer__name"]
    filterset_fields = {
        "name": ("exact", "icontains", "in"),
        "age": ("exact", "gte", "lte"),
        "employer__name": ("exact", "icontains"),
    }


class CompanyViewSet(ModelViewSet):
    queryset = Company.objects.all()
    serializer_class = CompanySerializer
    ordering_fields = ["id", "name"]
    filterset_fields = {"name": ("exact", "icontains")}


class ArticleViewSet(ModelViewSet):
    """Articles cannot be deleted: a DELETE is answered 405."""

    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering_fields = ["id", "title"]


class CompanyRelationshipView(RelationshipView):
    queryset = Company.objects.all()
    self_link_view_name = "company-relationships"

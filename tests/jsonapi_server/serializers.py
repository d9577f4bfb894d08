"""JSON:API serializers: to-one, to-many, a cycle (company.ceo), and a links-only relationship."""

from __future__ import annotations

from rest_framework_json_api import relations, serializers

from .models import Article, Company, Person


class CompanySerializer(serializers.ModelSerializer):
    ceo = relations.ResourceRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )
    staff = relations.HyperlinkedRelatedField(
        many=True,
        read_only=True,
        related_link_view_name="company-related",
        self_link_view_name="company-relationships",
    )
    included_serializers = {"ceo": "tests.jsonapi_server.serializers.PersonSerializer"}
    related_serializers = {"staff": "tests.jsonapi_server.serializers.PersonSerializer"}

    class Meta:
        model = Company
        fields = ["name", "ceo", "staff"]


class ArticleSerializer(serializers.ModelSerializer):
    author = relations.ResourceRelatedField(queryset=Person.objects.all())
    included_serializers = {"author": "tests.jsonapi_server.serializers.PersonSerializer"}

    class Meta:
        model = Article
        fields = ["title", "author"]


class PersonSerializer(serializers.ModelSerializer):
    employer = relations.ResourceRelatedField(
        queryset=Company.objects.all(), required=False, allow_null=True
    )
    friends = relations.ResourceRelatedField(
        queryset=Person.objects.all(), many=True, required=False
    )
    articles = relations.ResourceRelatedField(many=True, read_only=True)
    included_serializers = {
        "employer": CompanySerializer,
        "friends": "tests.jsonapi_server.serializers.PersonSerializer",
        "articles": ArticleSerializer,
    }

    class Meta:
        model = Person
        fields = ["name", "email", "age", "employer", "friends", "articles"]

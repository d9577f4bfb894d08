"""People work for companies, have friends and write articles; a company's CEO is a person."""

from __future__ import annotations

from django.db import models


class Company(models.Model):
    name = models.CharField(max_length=100)
    ceo = models.ForeignKey(
        "Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="leads"
    )

    class Meta:
        ordering = ["id"]


class Person(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)
    age = models.PositiveIntegerField(null=True, blank=True)
    employer = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff"
    )
    friends = models.ManyToManyField("self", symmetrical=False, blank=True)

    class Meta:
        ordering = ["id"]


class Article(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="articles")

    class Meta:
        ordering = ["id"]

"""Deterministic data: 20 companies, 300 people, 200 articles, friendships, CEOs.

A company's CEO is the first person it employs, so `employer.ceo` comes back to the person.
"""

from __future__ import annotations

from .models import Article, Company, Person

COMPANIES = 20
PEOPLE = 300
ARTICLES = 200


def seed() -> None:
    Company.objects.bulk_create(
        Company(id=n, name=f"Company {n:02d}") for n in range(1, COMPANIES + 1)
    )
    Person.objects.bulk_create(
        Person(
            id=n,
            name=f"Person {n:03d}",
            email=f"person{n}@example.com",
            age=20 + n % 50,
            employer_id=None if n % 10 == 0 else (n * 7) % COMPANIES + 1,
        )
        for n in range(1, PEOPLE + 1)
    )
    for company in Company.objects.all():
        company.ceo = company.staff.order_by("id").first()
        company.save(update_fields=["ceo"])
    Article.objects.bulk_create(
        Article(id=n, title=f"Article {n}", author_id=(n * 13) % PEOPLE + 1)
        for n in range(1, ARTICLES + 1)
    )
    through = Person.friends.through
    through.objects.bulk_create(
        through(from_person_id=n, to_person_id=(n + step) % PEOPLE + 1)
        for n in range(1, PEOPLE + 1)
        for step in (1, 2)
    )

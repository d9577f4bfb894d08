"""A small Django REST framework JSON:API project, the third-party server of the tests."""

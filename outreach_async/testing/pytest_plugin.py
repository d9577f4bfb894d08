"""Pytest plugin of the fake Outreach server (fixtures arrive with the server)."""

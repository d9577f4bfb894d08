"""pytest fixtures for testing against the fake Outreach server."""

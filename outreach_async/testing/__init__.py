"""The embedded fake Outreach server."""

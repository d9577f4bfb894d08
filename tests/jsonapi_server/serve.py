"""Run the test server: create and seed the database, serve on a free loopback port.

`python -m tests.jsonapi_server.serve` prints the port once it listens, then serves until
it is terminated. The database file is `$JSONAPI_SERVER_DB`.
"""

from __future__ import annotations

import os
import socketserver
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.jsonapi_server.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    from .seed import seed

    call_command("migrate", run_syncdb=True, verbosity=0)
    seed()
    server = make_server(
        "127.0.0.1",
        0,
        get_wsgi_application(),
        server_class=_ThreadingServer,
        handler_class=_QuietHandler,
    )
    sys.stdout.write(f"{server.server_port}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()

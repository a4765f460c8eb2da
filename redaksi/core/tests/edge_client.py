"""Requests to a test edge from a chosen loopback address, and a view that shows what the app was sent.

Linux answers on all of 127.0.0.0/8, so `from_address="127.0.0.2"` is a second client to the edge.
`ECHO_URLCONF` is the project's URLs plus `/_echo/`, which reports the request as the app saw it.
"""

import http.client
import json

from django.http import JsonResponse
from django.urls import path

from redaksi.core.tests.edge import Response
from redaksi.urls import urlpatterns as project_urlpatterns

FORWARDING = ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Real-IP")
ECHO_URLCONF = "redaksi.core.tests.edge_client"


def fetch(edge, path, from_address="127.0.0.1", **headers):
    """One GET through `edge` from `from_address`; header names come back lower-case."""
    connection = http.client.HTTPConnection("127.0.0.1", edge.port, timeout=10, source_address=(from_address, 0))
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        body = answer.read().decode("utf-8", "replace")
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, body)
    finally:
        connection.close()


def echo(request):
    """The URL, scheme, host and forwarding headers the app got; never stored by the edge."""
    seen = {
        "path": request.get_full_path(),
        "scheme": request.scheme,
        "host": request.get_host(),
        "headers": {name: request.headers.get(name) for name in FORWARDING},
    }
    return JsonResponse(seen, headers={"Cache-Control": "private, no-store"})


def seen_by_app(edge, path="/_echo/", **headers):
    return json.loads(fetch(edge, path, **headers).body)


urlpatterns = [path("_echo/", echo), *project_urlpatterns]

"""Forwarding headers come from the edge only: a client's X-Forwarded-Proto/Host/For never reach the app."""

import json
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.tests.edge import VCL_DIR, free_port, wait_for_port
from redaksi.core.tests.edge_client import ECHO_URLCONF, fetch, seen_by_app

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
FORGED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-For": "6.6.6.6",
    "Forwarded": "for=6.6.6.6;proto=https;host=evil.example",
    "X-Real-IP": "6.6.6.6",
}


@pytest.fixture
def trusting_app(settings):
    """The app as production configures it, and believing X-Forwarded-Host too: only the edge protects it."""
    settings.ROOT_URLCONF = ECHO_URLCONF
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.USE_X_FORWARDED_HOST = True


def test_the_app_sees_only_the_edges_forwarding_headers(edge, trusting_app):
    seen = seen_by_app(edge, **FORGED)
    assert (seen["scheme"], seen["host"]) == ("http", f"127.0.0.1:{edge.port}")
    assert seen["headers"] == {
        "X-Forwarded-For": "127.0.0.1",
        "X-Forwarded-Proto": "http",
        "X-Forwarded-Host": None,
        "Forwarded": None,
        "X-Real-IP": None,
    }


def test_a_forged_scheme_is_never_cached_into_the_apis_links(edge, trusting_app, outlet, news):
    ArticlePageFactory.create_batch(2, section=news)
    forged = fetch(edge, "/api/v1/stories?limit=1", **FORGED)
    plain = fetch(edge, "/api/v1/stories?limit=1")
    assert (forged.status, plain.cache) == (200, "HIT")
    for body in (forged.body, plain.body):
        assert json.loads(body)["next"].startswith(f"http://127.0.0.1:{edge.port}/api/v1/stories?")
        assert "https://" not in body and "evil.example" not in body


@contextmanager
def edge_with_tls_listener(app_url):
    """varnishd with the project's VCL, a plain listener and a `tls` one speaking the PROXY protocol."""
    run = Path(tempfile.mkdtemp(prefix="redaksi-edge-"))
    run.chmod(0o755)
    app_port = urlsplit(app_url).port
    (run / "backend.vcl").write_text(f'backend default {{ .host = "127.0.0.1"; .port = "{app_port}"; }}\n')
    plain, tls = free_port(), free_port()
    command = ["varnishd", "-F", "-n", str(run / "n"), "-a", f"127.0.0.1:{plain}", "-a", f"tls=127.0.0.1:{tls},PROXY"]
    command += ["-s", "malloc,16m", "-f", str(VCL_DIR / "redaksi.vcl"), "-p", f"vcl_path={run}:{VCL_DIR}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(plain, process)
        yield tls
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(run, ignore_errors=True)


def through_terminator(port, reader, **headers):
    """A request as a TLS terminator passes it on: a PROXY v1 line naming the reader, then the HTTP request."""
    lines = [f"PROXY TCP4 {reader} 127.0.0.1 40000 443", "GET /_echo/ HTTP/1.0", "Host: news.example"]
    lines += [f"{name}: {value}" for name, value in headers.items()] + ["Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall("\r\n".join(lines).encode())
        answer = b"".join(iter(lambda: connection.recv(65536), b""))
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def test_only_the_tls_terminators_listener_makes_a_request_https(live_server, trusting_app):
    with edge_with_tls_listener(live_server.url) as tls_port:
        seen = through_terminator(tls_port, "203.0.113.7", **{"X-Forwarded-For": "6.6.6.6"})
    assert (seen["scheme"], seen["host"]) == ("https", "news.example")
    assert seen["headers"]["X-Forwarded-For"] == "203.0.113.7"

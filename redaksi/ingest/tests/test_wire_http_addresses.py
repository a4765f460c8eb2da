"""A URL wire source reaches only public addresses, on every hop, and its errors do not map the network."""

import contextlib
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from ..models import WireItem, WireSource
from ..transports import http as http_transport
from ..wire import poll
from .wiredata import ninjs_item

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)
REFUSED = "Alamat tidak diizinkan"
UNREACHABLE = "Sumber tidak dapat dihubungi"


class Agency(BaseHTTPRequestHandler):
    """Answers /ninjs with an item; /to?<url> redirects there; remembers each request's path and Host."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers["Host"]))
        if self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to?"))
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        self.wfile.write(ninjs_item(f"urn:{self.server.server_address[0]}"))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def agency_at(host):
    server = ThreadingHTTPServer((host, 0), Agency)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def agency():
    with agency_at("127.0.0.1") as server:
        yield server


def polled(url):
    source = WireSource.objects.create(name="web", agency="AP", format="ninjs", url=url)
    poll(source, NOW)
    source.refresh_from_db()
    return source.last_error


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/ninjs",
        "http://localhost:{port}/ninjs",
        "http://[::1]:{port}/ninjs",
        "http://[::ffff:127.0.0.1]:{port}/ninjs",
        "http://[::ffff:a00:1]/",
        "http://[2002:7f00:1::]/",
        "http://0.0.0.0:{port}/ninjs",
        "http://10.0.0.1/feed",
        "http://192.168.1.1/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://224.0.0.1/",
        "ftp://127.0.0.1:{port}/ninjs",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
    ],
)
def test_inside_addresses_and_other_schemes_are_refused_alike(agency, url):
    error = polled(url.format(port=agency.server_address[1]))
    assert (error, agency.seen, WireItem.objects.count()) == (REFUSED, [], 0)


def test_networks_the_settings_allow_are_polled(agency, settings):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.0/30"]
    assert polled(f"http://127.0.0.1:{agency.server_address[1]}/ninjs") == ""
    assert WireItem.objects.get().guid == "urn:127.0.0.1"


def test_a_redirect_from_an_allowed_server_into_a_refused_address_is_refused(agency, settings):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with agency_at("127.0.0.2") as inside:
        for target in (f"http://127.0.0.2:{inside.server_address[1]}/ninjs", "ftp://127.0.0.1/", "file:///etc/passwd"):
            WireSource.objects.all().delete()
            assert polled(f"http://127.0.0.1:{agency.server_address[1]}/to?{target}") == REFUSED
        assert inside.seen == [] and WireItem.objects.count() == 0


def test_redirects_are_followed_a_few_times_only(agency, settings):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    base = f"http://127.0.0.1:{agency.server_address[1]}"
    assert polled(f"{base}/to?/to?/ninjs") == ""
    loop = "/to?" * (http_transport.MAX_REDIRECTS + 1) + "/ninjs"
    WireSource.objects.all().delete()
    assert polled(base + loop) == UNREACHABLE
    assert len(agency.seen) == 3 + http_transport.MAX_REDIRECTS + 1


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(agency, settings, monkeypatch):
    """DNS rebinding: a second answer for the name (into a refused address) is never asked for or used."""
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    real_getaddrinfo, answers = socket.getaddrinfo, ["127.0.0.1", "127.0.0.2", "127.0.0.2"]

    def rebinding(host, port, *args, **kwargs):
        return real_getaddrinfo(answers.pop(0) if host == "kawat.test" else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with agency_at("127.0.0.2") as inside:
        port = agency.server_address[1]
        assert polled(f"http://kawat.test:{port}/ninjs") == ""
        assert inside.seen == [] and agency.seen == [("/ninjs", f"kawat.test:{port}")]
    assert len(answers) == 2


def listening_socket():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    return listener


def test_closed_silent_and_non_http_ports_read_the_same(settings, monkeypatch):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    monkeypatch.setattr(http_transport, "TIMEOUT", 0.3)
    closed = listening_socket()
    closed_port = closed.getsockname()[1]
    closed.close()
    silent, chatty = listening_socket(), listening_socket()

    def banner():
        connection, _address = chatty.accept()
        connection.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
        connection.close()

    threading.Thread(target=banner, daemon=True).start()
    errors = set()
    for port in (closed_port, silent.getsockname()[1], chatty.getsockname()[1]):
        WireSource.objects.all().delete()
        errors.add(polled(f"http://127.0.0.1:{port}/"))
    silent.close(), chatty.close()
    assert errors == {UNREACHABLE}


def test_a_name_that_does_not_resolve_cannot_be_reached():
    assert polled("http://kawat.invalid/feed") == UNREACHABLE


class Trickle(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _byte in range(100):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.05)

    def log_message(self, *args):
        pass


def test_an_answer_that_trickles_past_the_deadline_is_cut(settings, monkeypatch):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    monkeypatch.setattr(http_transport, "DEADLINE", 0.5)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    started = time.monotonic()
    assert polled(f"http://127.0.0.1:{server.server_address[1]}/") == UNREACHABLE
    assert time.monotonic() - started < 3
    server.shutdown()
    server.server_close()


def test_https_connects_to_the_checked_address_and_speaks_the_host_name(monkeypatch):
    """TLS gets the URL's name (SNI, certificate check) while the socket goes to the checked address."""
    dialled = []

    def dial(address, *args, **kwargs):
        dialled.append(address)
        raise ConnectionRefusedError

    monkeypatch.setattr(socket, "create_connection", dial)
    connection = http_transport.pinned_connection(urlsplit("https://kawat.example/"), 443, "203.0.113.7", 1)
    with pytest.raises(ConnectionRefusedError):
        connection.connect()
    assert (dialled, connection.host, connection.port) == ([("203.0.113.7", 443)], "kawat.example", 443)

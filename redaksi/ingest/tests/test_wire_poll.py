"""Polling a wire source into the queue: versions replace, withdrawn items leave, nothing appears twice."""

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from redaksi.articles.tests.factories import ArticlePageFactory

from .. import wire
from ..formats.wire_story import MAX_BYTES
from ..models import WireItem, WireSource
from ..wire import WITHDRAWN_ACTION, poll, poll_due_sources, withdrawn_item_for
from .wiredata import drop, folder_source, ninjs_item, wire_file

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)


def queue():
    return list(WireItem.objects.filter(pubstatus=WireItem.Status.USABLE).values_list("guid", "version", "headline"))


def test_folder_poll_fills_the_queue_with_every_field(tmp_path):
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "1.json", ninjs_item(embargoed="2025-06-03T10:00:00+07:00"))
    report = poll(source, NOW)
    item = WireItem.objects.get()
    assert (report.added, report.errors) == (1, [])
    assert (item.agency, item.headline, item.language, item.urgency) == ("Antara", "Harga beras naik", "id", 3)
    assert (item.byline, item.dateline, item.version) == ("Oleh Budi Santoso", "JAKARTA", 1)
    assert item.body_html == "<p>Paragraf pertama.</p><p>Kedua.</p>"
    assert item.received_at == NOW and item.sent_at == datetime(2025, 6, 3, 3, tzinfo=UTC)
    assert item.embargoed_until == datetime(2025, 6, 3, 3, tzinfo=UTC)
    source.refresh_from_db()
    assert (source.last_polled_at, source.last_error) == (NOW, "")


def test_polling_twice_and_from_two_sources_never_shows_an_item_twice(tmp_path):
    first = folder_source(tmp_path / "a", name="Antara A")
    second = folder_source(tmp_path / "b", name="Antara B")
    for source in (first, second):
        drop(source.folder, "1.json", ninjs_item())
    assert poll(first, NOW).added == 1
    assert poll(first, NOW).ignored == 1
    assert poll(second, NOW).ignored == 1
    assert len(queue()) == 1


def test_a_newer_version_replaces_the_older_and_an_older_one_is_ignored(tmp_path):
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "1.json", ninjs_item(version=2, headline="Versi dua"))
    poll(source, NOW)
    drop(source.folder, "2.json", ninjs_item(version=3, headline="Versi tiga", signals=[{"uri": "sig:correction"}]))
    drop(source.folder, "0.json", ninjs_item(version=1, headline="Versi satu"))
    report = poll(source, NOW + timedelta(minutes=5))
    assert (report.updated, report.ignored) == (1, 2)
    item = WireItem.objects.get()
    assert (item.version, item.headline, item.signals) == (3, "Versi tiga", ["sig:correction"])
    assert item.received_at == NOW + timedelta(minutes=5)  # back on top of the queue


def test_feed_entries_replace_by_updated_time(tmp_path):
    source = folder_source(tmp_path / "rss", fmt=WireSource.Format.FEED)
    entry = "<item><guid>urn:e:1</guid><title>{}</title><pubDate>{}</pubDate></item>"
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{}</channel></rss>'
    drop(source.folder, "a.rss", rss.format(entry.format("Pagi", "Tue, 03 Jun 2025 08:00:00 +0700")).encode())
    poll(source, NOW)
    drop(source.folder, "a.rss", rss.format(entry.format("Siang", "Tue, 03 Jun 2025 12:00:00 +0700")).encode())
    poll(source, NOW)
    assert queue() == [("urn:e:1", 1, "Siang")]


def test_withdrawn_item_leaves_the_queue_and_flags_its_story(tmp_path, news):
    source = folder_source(tmp_path / "antara")
    drop(source.folder, "1.json", ninjs_item())
    poll(source, NOW)
    story = ArticlePageFactory(section=news, draft=True)
    WireItem.objects.update(story=story)
    drop(source.folder, "2.json", ninjs_item(version=2, pubstatus="canceled"))
    report = poll(source, NOW)
    assert report.withdrawn == 1 and queue() == []
    assert withdrawn_item_for(story).guid == "urn:test:1"
    entry = PageLogEntry.objects.get(page=story, action=WITHDRAWN_ACTION)
    assert entry.data["agency"] == "Antara"


def test_a_document_that_does_not_parse_stores_nothing_and_is_reported(tmp_path):
    source = folder_source(tmp_path / "antara")
    good, bad = ninjs_item("urn:good"), ninjs_item("urn:bad", urgency=99)
    drop(source.folder, "1.json", b"[" + good + b"," + bad + b"]")
    drop(source.folder, "2.json", ninjs_item("urn:other"))
    drop(source.folder, "3.json", b" " * (MAX_BYTES + 1))
    report = poll(source, NOW)
    assert [guid for guid, *_rest in queue()] == ["urn:other"]
    source.refresh_from_db()
    assert "1.json:1: field urgency: expected 1 to 9, got 99" in source.last_error
    assert "3.json: larger than 5 MB, not read" in source.last_error
    assert len(report.errors) == 2


def test_a_missing_folder_is_an_error_on_the_source_not_a_crash(tmp_path):
    source = WireSource.objects.create(name="x", agency="X", format="ninjs", folder=str(tmp_path / "none"))
    poll(source, NOW)
    source.refresh_from_db()
    assert source.last_error.endswith("none: not a folder") and source.last_polled_at == NOW


class Agency(BaseHTTPRequestHandler):
    """A local agency endpoint: /ninjs answers an item, /big too much, /moved redirects to file:."""

    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        body = ninjs_item("urn:http:1") if self.path == "/ninjs" else b"x" * (MAX_BYTES + 10)
        self.send_response(200 if self.path in ("/ninjs", "/big") else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def agency(settings):
    settings.WIRE_ALLOWED_NETWORKS = ["127.0.0.1/32"]  # the agency's server is on this machine
    server = ThreadingHTTPServer(("127.0.0.1", 0), Agency)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/ninjs", ""),
        ("/big", "Jawaban lebih besar dari 5 MB"),
        ("/missing", "Sumber menjawab dengan status HTTP 404"),
        ("/moved", "Alamat tidak diizinkan"),
    ],
)
def test_url_source_over_real_http(agency, path, error):
    source = WireSource.objects.create(name="web", agency="AP", format="ninjs", url=agency + path)
    poll(source, NOW)
    source.refresh_from_db()
    assert source.last_error == error
    assert WireItem.objects.count() == (0 if error else 1)


def test_only_http_addresses_are_polled():
    source = WireSource.objects.create(name="ftp", agency="X", format="feed", url="ftp://127.0.0.1/feed.xml")
    poll(source, NOW)
    source.refresh_from_db()
    assert source.last_error == "Alamat tidak diizinkan"


def test_due_sources_are_polled_by_their_interval(tmp_path):
    due = folder_source(tmp_path / "due", name="due", poll_interval=60)
    fresh = folder_source(tmp_path / "fresh", name="fresh", poll_interval=600)
    off = folder_source(tmp_path / "off", name="off", enabled=False)
    WireSource.objects.filter(pk=due.pk).update(last_polled_at=NOW - timedelta(seconds=60))
    WireSource.objects.filter(pk=fresh.pk).update(last_polled_at=NOW - timedelta(seconds=60))
    for source in (due, fresh, off):
        drop(source.folder, "1.json", ninjs_item(f"urn:{source.name}"))
    assert list(poll_due_sources(NOW)) == ["due"]
    assert [guid for guid, *_rest in queue()] == ["urn:due"]


def test_a_failing_source_does_not_stop_the_others(tmp_path, monkeypatch):
    broken = folder_source(tmp_path / "a", name="a")
    working = folder_source(tmp_path / "b", name="b")
    drop(working.folder, "1.json", ninjs_item())

    def explode(data, name):
        raise RuntimeError("parser bug")

    monkeypatch.setitem(wire.PARSERS, WireSource.Format.FEED, explode)
    WireSource.objects.filter(pk=broken.pk).update(format="feed")
    drop(broken.folder, "1.rss", b"<rss/>")
    poll_due_sources(timezone.now())
    broken.refresh_from_db()
    assert broken.last_error == "RuntimeError: parser bug"
    assert len(queue()) == 1


def test_a_newsml_g2_folder_of_real_dpa_messages(tmp_path):
    source = folder_source(tmp_path / "dpa", fmt=WireSource.Format.NEWSML_G2)
    for name in ("embargoed", "with_dateline", "dw-1", "image", "audio"):
        drop(source.folder, f"{name}.xml", wire_file(f"dpa/{name}.xml"))
    report = poll(source, NOW)
    assert (report.added, len(report.skipped), report.errors) == (4, 1, [])  # the audio item is skipped
    embargoed = WireItem.objects.get(guid__startswith="urn:newsml:dpa.com:20090101:250123-930-")
    assert embargoed.embargoed_until == datetime(2025, 1, 23, 18, tzinfo=UTC)
    assert "<script" not in "".join(WireItem.objects.values_list("body_html", flat=True))

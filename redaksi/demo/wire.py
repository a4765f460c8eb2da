"""A demo wire source: a folder of ninjs items written for the demo, polled once so the queue has copy."""

from pathlib import Path

from redaksi.ingest.models import WireSource
from redaksi.ingest.wire import poll

WIRE_FOLDER = Path(__file__).resolve().parent / "data" / "wire"
NAME = "Kawat demo (ninjs)"


def load_wire():
    """Create the demo source when missing and poll it; items already in the queue are ignored."""
    source, _created = WireSource.objects.get_or_create(
        name=NAME,
        defaults={
            "agency": "Kantor Berita Demo",
            "format": WireSource.Format.NINJS,
            "folder": str(WIRE_FOLDER),
            "language": "id",
        },
    )
    return poll(source)

"""A demo wire source: a folder of ninjs items written for the demo, polled once so the queue has copy.

Folder sources may only read inside WIRE_FOLDER_ROOT, so the demo's items are copied there first.
"""

import shutil
from pathlib import Path

from django.conf import settings

from redaksi.ingest.models import WireSource
from redaksi.ingest.wire import poll

WIRE_FOLDER = Path(__file__).resolve().parent / "data" / "wire"
FOLDER_NAME = "demo"  # inside WIRE_FOLDER_ROOT
NAME = "Kawat demo (ninjs)"


def load_wire():
    """Copy the demo items into the wire folder, create (or point) the demo source there and poll it.

    Items already in the queue are ignored, so a second run adds nothing.
    """
    shutil.copytree(WIRE_FOLDER, Path(settings.WIRE_FOLDER_ROOT) / FOLDER_NAME, dirs_exist_ok=True)
    source, _created = WireSource.objects.update_or_create(
        name=NAME,
        defaults={
            "agency": "Kantor Berita Demo",
            "format": WireSource.Format.NINJS,
            "folder": FOLDER_NAME,
            "language": "id",
        },
    )
    return poll(source)

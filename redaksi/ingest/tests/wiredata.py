"""Wire test data: the agency files in data/wire, and small items built to order."""

import json
from pathlib import Path

from PIL import Image

from redaksi.ingest.models import WireSource

WIRE = Path(__file__).resolve().parent / "data" / "wire"


def wire_file(name):
    return (WIRE / name).read_bytes()


def ninjs_item(guid="urn:test:1", version=1, headline="Harga beras naik", **fields):
    """A ninjs 2.x text item as JSON bytes; keyword arguments add or replace fields (None removes one)."""
    item = {
        "uri": guid,
        "type": "text",
        "version": str(version),
        "versioncreated": "2025-06-03T03:00:00Z",
        "pubstatus": "usable",
        "language": "id",
        "urgency": 3,
        "headlines": [{"role": "main", "value": headline}],
        "by": "Oleh Budi Santoso",
        "located": "JAKARTA",
        "bodies": [{"role": "html", "contenttype": "text/html", "value": "<p>Paragraf pertama.</p><p>Kedua.</p>"}],
    }
    item.update(fields)
    return json.dumps({key: value for key, value in item.items() if value is not None}).encode()


def folder_source(folder, name="Antara (folder)", fmt=WireSource.Format.NINJS, **fields):
    folder.mkdir(parents=True, exist_ok=True)
    return WireSource.objects.create(name=name, agency="Antara", format=fmt, folder=str(folder), **fields)


def drop(folder, name, data):
    """Put a wire file into a source folder, as an agency's delivery would."""
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def picture_file(folder, name="foto.jpg", colour=(200, 30, 30)):
    path = Path(folder) / name
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path

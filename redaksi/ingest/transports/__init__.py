"""Where wire documents come from: a folder on the server or an http(s) address."""

from dataclasses import dataclass
from pathlib import Path


class TransportError(Exception):
    """A source that cannot be read at all (missing folder, refused address, oversized answer)."""


@dataclass(frozen=True)
class Document:
    """The bytes of one wire document, its name for errors, the folder its pictures sit in (if any).

    `problem` says why a document could not be read (too large); the poll reports it and goes on.
    """

    name: str
    data: bytes
    folder: Path | None = None
    problem: str = ""

"""What every wire format parses into: one agency item, before it touches the database.

The parsers (ninjs, newsml_g2, feed) share the checks here: a size limit, no XML entity declarations,
and typed readers for times, versions and urgency that name the field they refuse.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from django.utils.dateparse import parse_date, parse_datetime

from .base import ParseError

MAX_BYTES = 5 * 1024 * 1024  # one wire document; agencies send items of a few kilobytes
USABLE, WITHDRAWN = "usable", "withdrawn"
DECLARATIONS = re.compile(rb"<!(ENTITY|DOCTYPE)", re.IGNORECASE)
ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FieldError(ValueError):
    """A field whose value does not fit; the parser turns it into a ParseError with a line."""

    def __init__(self, name, problem):
        self.name = name
        super().__init__(f"{name}: {problem}")


@dataclass(frozen=True)
class Picture:
    """A picture that goes with the item: where it is (a link or a file next to the item), caption, credit."""

    href: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class WireStory:
    """One item of an agency feed, the latest version the document carries."""

    guid: str
    headline: str
    version: int = 1
    pubstatus: str = USABLE
    language: str = ""
    urgency: int | None = None
    byline: str = ""
    dateline: str = ""
    standfirst: str = ""
    body_html: str = ""
    pictures: tuple[Picture, ...] = ()
    link: str = ""
    sent_at: datetime | None = None
    embargoed_until: datetime | None = None
    signals: tuple[str, ...] = ()
    line: int = 1


@dataclass
class WireBatch:
    """The stories of one document, and a note for each item that is not a story (skipped)."""

    stories: list[WireStory] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def check_size(data, source):
    if len(data) > MAX_BYTES:
        raise ParseError(source, 1, f"document is larger than {MAX_BYTES // (1024 * 1024)} MB")


def refuse_declarations(data, source, pattern=DECLARATIONS):
    """Refuse DOCTYPE and ENTITY declarations: no wire format needs them, and they carry XXE and billion laughs."""
    found = pattern.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise ParseError(source, line, "DOCTYPE and ENTITY declarations are not accepted")


def text_of(value, name):
    """Return a string field stripped; None and absent become ""; anything else is refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(name, f"expected text, got {type(value).__name__}")
    return " ".join(value.split())


def version_of(value, name="version"):
    """A version as the agencies send it: a non-negative integer, or its digits in a string."""
    if value is None or value == "":
        return 1
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise FieldError(name, f"expected a whole number, got {value!r}"[:200])
    number = int(str(value).strip())
    if number > 2_147_483_647:
        raise FieldError(name, "is too large")
    return number


def urgency_of(value, name="urgency"):
    """Urgency 1 (flash) to 9; absent is None, anything else outside 1-9 is refused."""
    if value is None or value == "":
        return None
    try:
        number = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not number.is_integer() or not 1 <= number <= 9:
        raise FieldError(name, f"expected 1 to 9, got {value!r}"[:200])
    return int(number)


def time_of(value, name):
    """An ISO 8601 time (a date alone means its midnight UTC; no offset means UTC), or None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FieldError(name, f"expected a date and time, got {type(value).__name__}")
    value = value.strip()
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.combine(day, time())
    except ValueError:
        moment = None
    if moment is None:
        raise FieldError(name, f"{value!r} is not a date and time"[:200])
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

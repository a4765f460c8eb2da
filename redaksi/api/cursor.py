"""Opaque cursors over a unique sort key: page 5,000 costs what page 1 does, and no row is skipped or repeated.

A cursor is the sort key of the last row a client saw, as base64url JSON; the next page is the rows after
it in the listing's order (redaksi/core/keyset.py, also behind the reader listings' pages).
"""

import base64
import binascii
import json
from datetime import datetime

from .responses import bad_parameter

MAX_CURSOR_LENGTH = 400
MAX_TEXT_LENGTH = 255
MAX_ID = 2**63 - 1


def page(queryset, keyset, params, limit):
    """The rows after the `cursor` parameter's row (from the start without one) and the cursor of the next page."""
    raw = params.get("cursor")
    if raw is not None:
        queryset = keyset.after(queryset, decode(raw, keyset))
    rows = list(keyset.order(queryset)[: limit + 1])
    next_cursor = encode(keyset.key_of(rows[limit - 1])) if len(rows) > limit else None
    return rows[:limit], next_cursor


def encode(values):
    text = json.dumps([value.isoformat() if isinstance(value, datetime) else value for value in values])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(raw, keyset):
    """The sort key a cursor carries, checked field by field; anything else is a 400 naming `cursor`."""
    try:
        if len(raw) > MAX_CURSOR_LENGTH:
            raise ValueError
        values = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(values, list) or len(values) != len(keyset.fields):
            raise ValueError
        return [typed(value, kind) for value, kind in zip(values, keyset.types, strict=True)]
    except (ValueError, TypeError, binascii.Error):  # JSON and Unicode decode errors are ValueErrors
        raise bad_parameter("cursor", "cursor is not one this listing gave out.") from None


def typed(value, kind):
    """One key value as its field's type, within what the database can compare."""
    if kind is int and type(value) is int and 0 < value <= MAX_ID:
        return value
    if kind is str and isinstance(value, str) and len(value) <= MAX_TEXT_LENGTH and "\x00" not in value:
        return value
    if kind is datetime and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None and 1 < moment.year < 9999:
            return moment
    raise ValueError

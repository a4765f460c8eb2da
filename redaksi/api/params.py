"""Read and check query parameters: anything malformed or unknown becomes a 400 naming the parameter."""

import re
from datetime import UTC, datetime

from redaksi.core.wib import WIB

from .responses import bad_parameter

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
SLUG = re.compile(r"[-\w]{1,255}")
MAX_DATETIME_LENGTH = 40
MAX_ID = 2**63 - 1  # PostgreSQL bigint


def check_known(params, known):
    """Refuse parameters the endpoint does not take: a typo should fail loudly, not filter nothing."""
    for name in params:
        if name not in known:
            raise bad_parameter(name, f"Unknown parameter {name!r}.")


def limit(params):
    """The page size: a whole number from 1 to 100, 20 when absent."""
    value = params.get("limit")
    if value is None:
        return DEFAULT_LIMIT
    if not (value.isascii() and value.isdigit() and len(value) <= 3 and 1 <= int(value) <= MAX_LIMIT):
        raise bad_parameter("limit", f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return int(value)


def slug(params, name):
    """A slug filter's value, or None when absent."""
    value = params.get(name)
    if value is None:
        return None
    if not SLUG.fullmatch(value):
        raise bad_parameter(name, f"{name} must be a slug.")
    return value


def moment(params, name):
    """An ISO 8601 date or datetime as an aware datetime; no zone means WIB, a bare date its midnight in WIB."""
    value = params.get(name)
    if value is None:
        return None
    try:
        if len(value) > MAX_DATETIME_LENGTH:
            raise ValueError
        parsed = datetime.fromisoformat(value)
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)
        return parsed.astimezone(UTC)  # overflows near year 1 and 9999, where no story lives
    except (ValueError, OverflowError):
        raise bad_parameter(name, f"{name} must be an ISO 8601 date or datetime, e.g. 2022-01-21.") from None


def identifier(value):
    """A path id: a positive whole number that fits the database's bigint."""
    if not (value.isascii() and value.isdigit() and len(value) <= 19 and 0 < int(value) <= MAX_ID):
        raise bad_parameter("id", "id must be a positive whole number.")
    return int(value)

"""Western Indonesia Time, the newsroom's clock, for code that must not depend on the active time zone.

The one home of WIB formatting: templates use `wib` and `wib_date` as filters (core_tags), code imports them here.
"""

from zoneinfo import ZoneInfo

from django.utils import dateformat

WIB = ZoneInfo("Asia/Jakarta")


def iso_wib(moment):
    """ISO 8601 in WIB, e.g. 2022-01-21T10:15:00+07:00; None stays None."""
    return moment.astimezone(WIB).isoformat() if moment else None


def wib(value):
    """Format a datetime as the outlet prints it: "Jumat, 21 Januari 2022 | 10:15 WIB", in the active language."""
    if not value:
        return ""
    return dateformat.format(value.astimezone(WIB), r"l, j F Y | H:i \W\I\B")


def wib_date(value):
    """Format the WIB calendar day of a datetime: "Jumat, 21 Januari 2022"."""
    if not value:
        return ""
    return dateformat.format(value.astimezone(WIB), "l, j F Y")

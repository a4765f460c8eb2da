"""Western Indonesia Time, the newsroom's clock, for code that must not depend on the active time zone."""

from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def iso_wib(moment):
    """ISO 8601 in WIB, e.g. 2022-01-21T10:15:00+07:00; None stays None."""
    return moment.astimezone(WIB).isoformat() if moment else None

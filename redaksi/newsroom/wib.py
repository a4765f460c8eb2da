"""Times in the admin as its date picker writes them, in the newsroom's zone and named."""

import zoneinfo

from django.conf import settings
from django.utils import timezone


def wib(moment):
    """ "2026-12-01 10:00 WIB"."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return timezone.localtime(moment, zone).strftime(f"{settings.WAGTAIL_DATETIME_FORMAT} %Z")

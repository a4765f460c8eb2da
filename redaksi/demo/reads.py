"""Demo reads: a made-up, deterministic week of reads for the newest stories, so Terpopuler shows at once.

Clearly demo data: the real counts come from readers' browsers (redaksi/readership). Each story's
popularity and reading hours follow from a checksum of its slug; running again in the same hour sets
the same counts, and a later run moves the week along with the clock.
"""

import zlib
from datetime import timedelta

from django.utils import timezone

from redaksi.articles.models import ArticlePage
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import WEEK, hour_of

DEMO_READ_STORIES = 40
READ_MOMENTS = ((0, 3), (8, 2), (16, 1), (24, 1))  # (bits of the checksum giving the hour, share of the reads)


def load_reads(now=None):
    """Give the newest published stories a spread of reads over the last week; return how many hours were set."""
    current_hour = hour_of(now or timezone.now())
    stories = ArticlePage.objects.published().newest_first().values_list("pk", "slug")[:DEMO_READ_STORIES]
    rows = [row for pk, slug in stories for row in demo_reads(pk, slug, current_hour)]
    HourlyReads.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["article", "hour"], update_fields=["reads"]
    )
    return len(rows)


def demo_reads(article_id, slug, current_hour):
    """One story's reads at up to four hours of the week, as many as its slug's checksum says."""
    checksum = zlib.crc32(slug.encode())
    popularity = checksum % 50 + 1
    reads_by_hour = {}
    for shift, share in READ_MOMENTS:
        hour = current_hour - timedelta(hours=(checksum >> shift) % WEEK)
        reads_by_hour[hour] = reads_by_hour.get(hour, 0) + popularity * share
    return [HourlyReads(article_id=article_id, hour=hour, reads=reads) for hour, reads in reads_by_hour.items()]

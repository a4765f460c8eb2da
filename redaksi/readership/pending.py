"""Reads waiting in Redis: one round trip per counted read, moved to HourlyReads by a flush.

Every counted read is a HINCRBY of the field "<story id>:<hour as Unix time>" in one hash. A flush RENAMEs
that hash to a key of its own (atomic: a read lands either before the rename, in this flush, or after it, in
the next), writes the counts to the database in one transaction, and deletes its key; on a database error it
adds the counts back to the waiting hash. The client is redis-py with one connection pool per process: the
counters must not depend on the cache backend or its options (serializer, compression, replicas).

With Redis unreachable a read is held in this process and written to the database instead (fallback.py);
after a failure this process skips Redis for RETRY_AFTER, so an outage costs no connection attempt per read.
"""

import functools
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import redis
from django.conf import settings
from django.db import connection, transaction
from redis.backoff import NoBackoff
from redis.retry import Retry

from redaksi.articles.models import ArticlePage

from . import fallback
from .models import HourlyReads

logger = logging.getLogger(__name__)

PENDING = "redaksi:readership:pending"  # the hash every counted read adds to
FLUSHING = "redaksi:readership:flushing:"  # + a token: the hash one flush has taken
KEEP_SECONDS = 8 * 24 * 3600  # a waiting count no flush collected for KEEP_DAYS is of no use to Terpopuler
ROWS_PER_STATEMENT = 500  # 1,500 parameters: far below SQLite's and PostgreSQL's limits
LARGEST_ID = 2**31 - 1  # story ids and counts are 32-bit integer columns
REDIS_TIMEOUT = 0.5  # seconds: a hung Redis costs a pixel half a second, never a stuck request
RETRY_AFTER = 1.0  # seconds this process holds reads itself after Redis failed, before trying it again


@dataclass(frozen=True)
class Flushed:
    """What one flush took: reads in total (a deleted story's are dropped), story-hour rows added to or created."""

    reads: int = 0
    counts: int = 0


def counting_in_redis():
    return bool(getattr(settings, "REDIS_URL", ""))


@functools.cache
def redis_client(url):
    """One client, and so one connection pool, per process and URL (redis-py renews the pool after a fork)."""
    timeouts = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
    return redis.Redis.from_url(url, retry=Retry(NoBackoff(), 0), **timeouts)  # a failed read is held, not retried


def client():
    return redis_client(settings.REDIS_URL)


class Unreachable:
    """Until when (monotonic time) this process holds reads itself instead of asking Redis."""

    until = 0.0


def add_read(article_id, hour):
    """Add one read of a story in the clock hour starting at `hour`: one pipelined round trip, or held here."""
    if time.monotonic() >= Unreachable.until:
        try:
            with client().pipeline(transaction=True) as pipe:
                pipe.hincrby(PENDING, field_of(article_id, hour), 1)
                pipe.expire(PENDING, KEEP_SECONDS)
                pipe.execute()
        except redis.RedisError as error:
            logger.warning("Redis unreachable, holding reads in this process: %s", error)
            Unreachable.until = time.monotonic() + RETRY_AFTER
        else:
            fallback.write_if_due()
            return
    fallback.hold_read(article_id, hour)


def field_of(article_id, hour):
    return f"{article_id}:{int(hour.timestamp())}"


def flush_reads():
    """Move every waiting read into HourlyReads; on a database error put them back and raise."""
    if not counting_in_redis():
        return Flushed()
    taken = take_pending()
    if taken is None:
        return Flushed()
    key, raw = taken
    counts = parse_counts(raw)
    try:
        with transaction.atomic():
            written = write_counts(counts)
    except Exception:
        put_back(key, counts)
        raise
    client().delete(key)
    return Flushed(reads=sum(counts.values()), counts=written)


def take_pending():
    """Rename the waiting hash to this flush's own key and read it; None when no read is waiting."""
    key = f"{FLUSHING}{uuid.uuid4().hex}"
    try:
        client().rename(PENDING, key)
    except redis.ResponseError as error:  # "no such key": nothing was read since the last flush
        if "no such key" not in str(error).lower():
            raise
        return None
    return key, client().hgetall(key)


def parse_counts(raw):
    """{(story id, hour): reads} from the hash's fields; a malformed field is logged and left out."""
    counts = {}
    for field, value in raw.items():
        try:
            article_id, timestamp = (int(part) for part in field.split(b":"))
            reads = int(value)
            if not (0 < article_id <= LARGEST_ID and 0 < reads <= LARGEST_ID):
                raise ValueError("out of range")  # the database would refuse the whole flush, every time
            counts[article_id, datetime.fromtimestamp(timestamp, UTC)] = reads
        except (ValueError, OverflowError, OSError) as error:
            logger.warning("dropped a malformed waiting read count %r=%r: %s", field, value, error)
    return counts


def put_back(key, counts):
    """Add a failed flush's counts back to the waiting hash and drop its key, in one Redis transaction."""
    with client().pipeline(transaction=True) as pipe:
        for (article_id, hour), reads in counts.items():
            pipe.hincrby(PENDING, field_of(article_id, hour), reads)
        pipe.expire(PENDING, KEEP_SECONDS)
        pipe.delete(key)
        pipe.execute()
    logger.warning("read counts put back for the next flush: %d story-hour(s)", len(counts))


def write_counts(counts):
    """Add the counts to HourlyReads, inserting missing rows: one statement per ROWS_PER_STATEMENT counts.

    Counts of stories deleted since their reads are skipped by the join. Rows go in (story, hour) order, so
    two flushes racing on the same rows lock them in the same order.
    """
    rows = sorted(counts.items())
    written = 0
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            batch = rows[start : start + ROWS_PER_STATEMENT]
            cursor.execute(upsert_sql(len(batch)), upsert_params(batch))
            written += cursor.rowcount
    return written


def upsert_sql(rows):
    """INSERT ... SELECT over VALUES joined to the stories, adding to an existing row on conflict.

    The same text runs on SQLite and PostgreSQL; SQLite needs the WHERE to tell its SELECT from the upsert.
    """
    table, story = HourlyReads._meta.db_table, ArticlePage._meta
    values = ", ".join(["(%s, %s, %s)"] * rows)
    return (
        f"INSERT INTO {table} (article_id, hour, reads) "  # noqa: S608 - table names from the models
        f"SELECT counts.column1, counts.column2, counts.column3 FROM (VALUES {values}) AS counts "
        f"JOIN {story.db_table} AS story ON story.{story.pk.column} = counts.column1 WHERE true "
        f"ON CONFLICT (article_id, hour) DO UPDATE SET reads = {table}.reads + excluded.reads"
    )


def upsert_params(batch):
    adapt = connection.ops.adapt_datetimefield_value
    return [param for (article_id, hour), reads in batch for param in (article_id, adapt(hour), reads)]

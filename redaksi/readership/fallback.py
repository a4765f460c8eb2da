"""What counting does while Redis is unreachable: remember readers and hold reads in this process.

Reads go to a bounded in-process buffer, written to the database by the same upsert the worker's flush uses
(`pending.write_counts`), at most every FLUSH_EVERY seconds and at process exit. Not the per-read database
write path (`record_read`): a popular story's row would take an UPDATE lock per read from every app process
at once, while the database is also rendering every page the cache no longer holds. The cost: a process
killed outright (SIGKILL, OOM) loses at most its last FLUSH_EVERY seconds of reads.

The read dedupe, in the shared cache normally, falls back to this process's memory: a reader whose reloads
reach different app processes may count once per process during the outage, never more.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

FLUSH_EVERY = 5  # seconds between writes of the held reads to the database
HELD_MAX = 10_000  # story-hours held; beyond it the held reads are written at once (or, failing, dropped)
REMEMBERED_MAX = 100_000  # readers remembered in memory; the oldest go first

lock = threading.Lock()
held = Counter()  # {(story id, hour): reads}
held_since = [None]  # monotonic time of the oldest held read
remembered = {}  # {key: monotonic expiry}, in insertion order


def hold_read(article_id, hour):
    """Hold one read for the next write to the database."""
    with lock:
        if not held:
            held_since[0] = time.monotonic()
        held[article_id, hour] += 1
    write_if_due()


def write_if_due():
    """Write the held reads if the oldest waited FLUSH_EVERY or the buffer is full; cheap when nothing is held."""
    if held and (time.monotonic() - held_since[0] >= FLUSH_EVERY or len(held) >= HELD_MAX):
        write_held()


def write_held():
    """Write every held read to HourlyReads in one transaction; on a database error hold them again."""
    from .pending import write_counts  # pending imports the models; this module stays importable early

    with lock:
        counts = dict(held)
        held.clear()
        held_since[0] = None
    if not counts:
        return 0
    try:
        with transaction.atomic():
            write_counts(counts)
    except DatabaseError as error:
        hold_again(counts, error)
        return 0
    logger.info("wrote %d read(s) held while Redis was unreachable", sum(counts.values()))
    return sum(counts.values())


def hold_again(counts, error):
    with lock:
        if len(held) + len(counts) > HELD_MAX:
            logger.error("dropped %d held read(s): database unavailable (%s)", sum(counts.values()), error)
            return
        if not held:
            held_since[0] = time.monotonic()
        held.update(counts)
    logger.warning("held reads kept for the next write: database unavailable (%s)", error)


def remember(key, seconds):
    """Remember `key` in this process for `seconds`; False when it is already remembered."""
    now = time.monotonic()
    with lock:
        if remembered.get(key, 0) > now:
            return False
        remembered.pop(key, None)
        if len(remembered) >= REMEMBERED_MAX:
            forget_oldest(now)
        remembered[key] = now + seconds
    return True


def forget_oldest(now):
    """Drop the expired keys, and if none had expired the oldest tenth."""
    for key in [key for key, expiry in remembered.items() if expiry <= now]:
        del remembered[key]
    if len(remembered) >= REMEMBERED_MAX:
        for key in list(remembered)[: REMEMBERED_MAX // 10]:
            del remembered[key]


@atexit.register
def write_at_exit():
    """A recycled or stopped worker writes what it holds (gunicorn's workers exit through sys.exit)."""
    try:
        write_held()
    except Exception:  # noqa: BLE001 - the interpreter is going; say what was lost and go
        logger.exception("held reads lost at exit")

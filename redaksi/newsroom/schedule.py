"""The schedule: publish what is due, unpublish what has expired, and tell when either is late.

Each pass makes every change that is due, however late, so a worker that was stopped, crashed or lost its
database catches up on its next pass; nothing depends on page traffic or on a pass happening at the minute.
The changes are Wagtail's own (as in `publish_scheduled`): `Revision.publish()` for a revision whose
`approved_go_live_at` has passed, `unpublish(set_expired=True)` for a live object past its `expire_at`.
"""

import logging
import os
import signal
import socket
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.db import Error as DatabaseError
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision, get_default_page_content_type

from redaksi.core.wib import iso_wib

from .models import ScheduleHeartbeat

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 10  # seconds between passes
OVERDUE_AFTER = timedelta(minutes=1)  # a change still not made this long after its time raises the alarm
STALE_AFTER = timedelta(minutes=2)  # a worker not seen for this long raises the alarm
OVERDUE_LISTED = 20  # overdue changes the dashboard lists
STOP_CHECK = 0.5  # seconds: how soon a sleeping worker notices a stop request
PRUNE_READS_EVERY = timedelta(hours=1)  # between prunes of old Terpopuler read counts

PUBLISH, UNPUBLISH = "publish", "unpublish"


@dataclass(frozen=True)
class Change:
    """A scheduled publication or expiry of one object (a story, or a page or snippet Wagtail can schedule)."""

    action: str
    object_id: str
    title: str
    scheduled_at: datetime
    is_page: bool = True

    def late_by(self, now):
        return now - self.scheduled_at


def draftable_models():
    """Page and every other model with a live state Wagtail schedules, as `publish_scheduled` walks them."""
    others = (model for model in apps.get_models() if issubclass(model, DraftStateMixin))
    return [Page, *(model for model in others if not issubclass(model, Page))]


def due_revisions(before):
    return Revision.objects.filter(approved_go_live_at__lt=before)


def expired(model, before):
    return model.objects.filter(live=True, expire_at__lt=before)


def publications(before, limit=None):
    """(revision id, Change) for each revision due before `before`, oldest first."""
    page_type_id = get_default_page_content_type().pk
    rows = due_revisions(before).order_by("approved_go_live_at", "pk")[:limit]
    return [
        (pk, Change(PUBLISH, object_id, title, at, type_id == page_type_id))
        for pk, object_id, title, at, type_id in rows.values_list(
            "pk", "object_id", "object_str", "approved_go_live_at", "base_content_type_id"
        )
    ]


def expiries(before, limit=None):
    """((model, id), Change) for each live object past its expiry before `before`, oldest first per model."""
    return [
        ((model, obj.pk), Change(UNPUBLISH, str(obj.pk), str(obj), obj.expire_at, model is Page))
        for model in draftable_models()
        for obj in expired(model, before).order_by("expire_at", "pk")[:limit]
    ]


def publish_revision(pk, now):
    """Publish one due revision unless another worker or an editor got there first."""
    revision = due_revisions(now).select_for_update(skip_locked=True).filter(pk=pk).first()
    if revision is not None:
        revision.publish(log_action="wagtail.publish.scheduled")
    return revision is not None


def unpublish_object(key, now):
    """Unpublish one expired object unless another worker or an editor got there first."""
    model, pk = key
    obj = expired(model, now).select_for_update(skip_locked=True).filter(pk=pk).first()
    if obj is not None:
        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return obj is not None


def apply_each(candidates, apply, now):
    """Apply each change in its own transaction; a failing story is logged and skipped, a database error ends it all."""
    done = []
    for key, change in candidates:
        try:
            with transaction.atomic():
                applied = apply(key, now)
        except DatabaseError:
            raise
        except Exception:
            logger.exception("could not %s story id=%s title=%r", change.action, change.object_id, change.title)
            continue
        if applied:
            log_change(change)
            done.append(change)
    return done


def log_change(change):
    """One line per story: what, which, when it was due and how late it went out."""
    delay = change.late_by(timezone.now()).total_seconds()
    verb = "published" if change.action == PUBLISH else "unpublished"
    scheduled_at = iso_wib(change.scheduled_at)
    fields = {"story_id": change.object_id, "story_title": change.title, "scheduled_at": scheduled_at}
    logger.info(
        "%s story id=%s title=%r scheduled=%s delay=%.1fs",
        verb,
        *fields.values(),
        delay,
        extra={"schedule_action": change.action, **fields, "delay_seconds": delay},
    )


def run_pass(worker_name):
    """Make every scheduled change that is due, then record the heartbeat; return the changes made.

    Publications go first, so a story whose go-live and expiry both passed while no worker ran is
    taken down in the same pass instead of staying live until the next one.
    """
    now = timezone.now()
    done = apply_each(publications(now), publish_revision, now)
    done += apply_each(expiries(now), unpublish_object, now)
    ScheduleHeartbeat(pk=1, worker=worker_name, last_seen=timezone.now()).save()
    return done


@dataclass(frozen=True)
class ScheduleStatus:
    """What the alarms show: how many changes are overdue and when the worker was last seen."""

    now: datetime
    overdue: int
    last_seen: datetime | None

    @property
    def worker_stale(self):
        return self.last_seen is None or self.now - self.last_seen > STALE_AFTER

    @property
    def alarm(self):
        return bool(self.overdue) or self.worker_stale


def schedule_status(now=None):
    """Count overdue changes and read the heartbeat: 3 queries (one more per non-page draftable model)."""
    now = now or timezone.now()
    cutoff = now - OVERDUE_AFTER
    overdue = due_revisions(cutoff).count() + sum(expired(model, cutoff).count() for model in draftable_models())
    last_seen = ScheduleHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    return ScheduleStatus(now, overdue, last_seen)


def overdue_changes(now, limit=OVERDUE_LISTED):
    """The changes more than OVERDUE_AFTER late, most overdue first, at most `limit`."""
    cutoff = now - OVERDUE_AFTER
    changes = [change for _key, change in publications(cutoff, limit) + expiries(cutoff, limit)]
    return sorted(changes, key=lambda change: change.scheduled_at)[:limit]


def close_connections():
    """Drop every database connection so the next pass opens a fresh one (after a restart or a network cut)."""
    for connection in connections.all(initialized_only=True):
        with suppress(DatabaseError):
            connection.close()


class Worker:
    """Run a pass every `interval` seconds until stopped; a database error costs a pass, never the worker."""

    def __init__(self, interval=DEFAULT_INTERVAL):
        self.interval = interval
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.stop_signal = None
        self.failures = 0
        self.reads_pruned_at = None

    @property
    def stopping(self):
        return self.stop_signal is not None

    def run(self):
        logger.info("schedule worker %s started: a pass every %ss", self.name, self.interval)
        while not self.stopping:
            self.tick()
            self.sleep(self.interval)
        logger.info("schedule worker %s stopped (%s)", self.name, self.stop_signal)

    def tick(self):
        """Run one pass; on a database error log it, drop the connections and return False."""
        try:
            run_pass(self.name)
            self.prune_old_reads()
            self.poll_wires()
            self.flush_reads()
            self.follow_search()
        except DatabaseError as error:
            self.failures += 1
            logger.error(
                "schedule pass failed on a database error (%d in a row), retrying in %ss: %s",
                self.failures,
                self.interval,
                error,
                exc_info=self.failures == 1,
            )
            close_connections()
            return False
        if self.failures:
            logger.info("schedule pass succeeded again after %d failed", self.failures)
            self.failures = 0
        return True

    def prune_old_reads(self):
        """Delete read counts Terpopuler no longer needs, at most once every PRUNE_READS_EVERY."""
        from redaksi.readership.services import prune_reads

        now = timezone.now()
        if self.reads_pruned_at is None or now - self.reads_pruned_at >= PRUNE_READS_EVERY:
            prune_reads(now)
            self.reads_pruned_at = now

    def poll_wires(self):
        """Poll the wire sources that are due; a wire failure is logged and never costs a schedule pass."""
        from redaksi.ingest.wire import poll_due_sources

        try:
            poll_due_sources(timezone.now())
        except Exception:
            logger.exception("wire polling failed")

    def flush_reads(self):
        """Move the read counts waiting in Redis to the database; a failure is logged and never costs a pass."""
        from redaksi.readership.pending import flush_reads

        try:
            flush_reads()
        except DatabaseError:
            logger.exception("flushing read counts failed; they wait for the next pass")
            close_connections()
        except Exception:
            logger.exception("flushing read counts failed; they wait for the next pass")

    def follow_search(self):
        """Apply every change waiting for this machine's reader index (a bulk import's too); prune old ones."""
        from redaksi.search.index import prune_changes
        from redaksi.search.reader_index import reader_index

        try:
            reader_index().sync()
            prune_changes(timezone.now())
        except (OSError, ValueError):  # tantivy's errors; a database error is the pass's
            logger.exception("updating the reader search index failed; it is tried again next pass")

    def stop(self, signum=signal.SIGTERM, frame=None):
        """Leave the loop after the current pass; the SIGTERM and SIGINT handler."""
        self.stop_signal = signal.Signals(signum).name

    def handle_signals(self):
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self.stop)

    def sleep(self, seconds):
        """Wait between passes in short slices, so a stop request is honoured within STOP_CHECK seconds."""
        deadline = time.monotonic() + seconds
        while not self.stopping and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, STOP_CHECK))

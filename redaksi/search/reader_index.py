"""The reader index: a tantivy (BM25) index on this machine's disk, following the entries in the database.

The database stays the source of truth: `StoryEntry` rows hold each public story's analysed text, and every
change appends its story id to `IndexChange`. This module keeps a local index true to them:

- ``sync(limit=None)`` applies the changes logged since the last one applied (the whole log, or nothing if
  more than `limit` are waiting), or builds the index from the entries when it has never been built, the
  database went back (a restore) or the log was pruned past it. It never waits for another process holding
  the index's writer: that one is applying the same changes.
- ``searcher()`` returns a searcher over the newest committed state.

Who syncs: the request that changed a story (after its commit), every search before it reads (a few
changes at most; a backlog is left to the worker), and the schedule worker on every pass. So an index on
another machine, or one left behind by a bulk import, is fresh within a worker pass.

The index scores one stemmed field, "text": a story's headline, standfirst and body together, as one
document, so BM25 weighs a word by how rare it is across whole stories and normalises by the whole story's
length (separate per-field scores, summed, ranked worse on the judged topics: docs/search-evaluation.md).
The exact words as written stay in their own fields.

The index of one layout lives in its own folder, ``SEARCH_INDEX_DIR/layout-<LAYOUT>``: a release that changes
the fields raises LAYOUT, and its processes build the new index beside the old one, which the old release's
processes keep using until they stop (docs/upgrading.md says when to delete the old folder).

Tests keep the index in memory (``SEARCH_INDEX_DIR = None``) and start each test with an empty one.
"""

import json
import logging
import threading
import time
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connection
from django.db.models import Max, Min

logger = logging.getLogger(__name__)

# The parts of a story's stemmed text in its entry, indexed together as TEXT (phrases need positions), and the
# exact words as written, folded (typos, spelling variants).
TEXT_PARTS = ("title", "standfirst", "body")
TEXT = "text"
WORD_FIELDS = ("title_words", "text_words")
LAYOUT = 2  # raise when the fields change: the index is then built afresh in its own folder
BATCH = 2_000
REAPPLY = 50
EVERYTHING = 0  # a change naming no story (index.py logs it after a full rebuild): build afresh
WRITER_HEAP = 32_000_000  # bytes; a bulk build commits a segment whenever this fills


def build_schema():
    schema = tantivy.SchemaBuilder()
    schema.add_integer_field("story", stored=True, indexed=True, fast=True)
    schema.add_integer_field("section", indexed=True)
    schema.add_integer_field("published", indexed=True, fast=True)  # seconds since the epoch, UTC
    schema.add_text_field(TEXT, tokenizer_name="whitespace", index_option="position")
    for name in WORD_FIELDS:
        schema.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    return schema.build()


SCHEMA = build_schema()


class ReaderIndex:
    """One process's handle on the local index and the log position it has applied."""

    def __init__(self, path):
        self.path = Path(path) / f"layout-{LAYOUT}" if path else None
        self.lock = threading.Lock()
        self.memory_applied = None
        if self.path:
            self.path.mkdir(parents=True, exist_ok=True)
        self.index = open_index(self.path)

    @property
    def state_file(self):
        return self.path / "redaksi-applied.json" if self.path else None

    def applied(self):
        """The id of the last logged change this index holds; None for never built or built from another database."""
        if self.state_file is None:
            return self.memory_applied
        try:
            state = json.loads(self.state_file.read_text())
        except (FileNotFoundError, ValueError):
            return None
        return state.get("applied") if state.get("database") == database_name() else None

    def set_applied(self, change_id):
        if self.state_file is None:
            self.memory_applied = change_id
            return
        partial = self.state_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"applied": change_id, "database": database_name()}))
        partial.replace(self.state_file)

    def searcher(self):
        self.index.reload()
        return self.index.searcher()

    def sync(self, limit=None):
        """Bring the index up to the database; returns the number of stories written, None if left waiting."""
        from .models import IndexChange, StoryEntry

        bounds = IndexChange.objects.aggregate(first=Min("id"), last=Max("id"))
        last, applied = bounds["last"] or 0, self.applied()
        if last == applied:
            return 0
        fresh = IndexChange.objects.filter(id__gt=applied or 0, id__lte=last)
        rebuild = (
            applied is None
            or last < applied  # the database went back: a restore
            or (bounds["first"] or 0) > applied + 1  # the log was pruned past this index
            or fresh.filter(story_id=EVERYTHING).exists()
        )
        # PostgreSQL hands out ids before commit, so a change may commit after a later one was applied: the
        # last REAPPLY changes are written again (an idempotent upsert) to catch it.
        waiting = IndexChange.objects.filter(id__gt=max((applied or 0) - REAPPLY, 0), id__lte=last)
        if limit is not None and (StoryEntry.objects if rebuild else waiting).count() > limit:
            return None
        if not self.lock.acquire(blocking=False):
            return None
        try:
            writer = self.index.writer(WRITER_HEAP, 1)
        except ValueError:  # another process holds the writer and is applying the same changes
            self.lock.release()
            return None
        try:
            written = self.rebuild(writer) if rebuild else self.apply(writer, waiting)
            writer.commit()
            writer.wait_merging_threads()
            self.set_applied(last)
            return written
        except BaseException:
            writer.rollback()
            raise
        finally:
            self.lock.release()

    def rebuild_now(self):
        """Build the index afresh from the entries (after a restore); returns the number of stories."""
        self.set_applied(None)
        return self.sync() or 0

    def apply(self, writer, changes):
        """Write the stories the changes name: their entry as it is now, or nothing when it is gone."""
        story_ids = sorted(set(changes.exclude(story_id=EVERYTHING).values_list("story_id", flat=True)))
        for first in range(0, len(story_ids), BATCH):
            batch = story_ids[first : first + BATCH]
            for story_id in batch:
                writer.delete_documents_by_term("story", story_id)
            self.add(writer, batch)
        return len(story_ids)

    def rebuild(self, writer):
        """Write every entry afresh."""
        from .models import StoryEntry

        writer.delete_all_documents()
        written, after = 0, 0
        while ids := list(StoryEntry.objects.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:BATCH]):
            written += self.add(writer, ids)
            after = ids[-1]
        return written

    def add(self, writer, story_ids):
        from .models import StoryEntry

        entries = StoryEntry.objects.filter(pk__in=story_ids).values_list("pk", "section_id", "published_at", "text")
        for story_id, section_id, published_at, text in entries:
            writer.add_document(document(story_id, section_id, published_at, text))
        return len(entries)


def open_index(path):
    """Open the index at `path` (memory when None), creating it; two processes creating it at once both get it."""
    try:
        return tantivy.Index(SCHEMA, path=str(path) if path else None)
    except (OSError, ValueError):
        if path is None:
            raise
        time.sleep(0.2)  # another process was writing the new index's meta file: it exists now
        return tantivy.Index(SCHEMA, path=str(path))


def database_name():
    """Which database the index follows: pointing the site at another one rebuilds the index."""
    db = connection.settings_dict
    return f"{connection.vendor}://{db.get('HOST') or ''}:{db.get('PORT') or ''}/{db['NAME']}"


def document(story_id, section_id, published_at, text):
    fields = {name: text.get(name, "") for name in WORD_FIELDS}
    fields[TEXT] = " ".join(part for name in TEXT_PARTS if (part := text.get(name)))
    return tantivy.Document(story=story_id, section=section_id, published=int(published_at.timestamp()), **fields)


_local = {}


def reader_index():
    """This process's handle on the index at settings.SEARCH_INDEX_DIR (memory when None)."""
    path = settings.SEARCH_INDEX_DIR
    key = str(path)
    if key not in _local:
        _local[key] = ReaderIndex(path)
    return _local[key]


def forget_reader_index():
    """Drop this process's handle: the next use opens (or, in memory, creates) the index again."""
    _local.clear()

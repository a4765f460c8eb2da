"""File many live stories at once, into section month folders, exactly where add_child would put them.

Writes rows directly (Page via bulk_create, ArticlePage's own table via one INSERT per batch), so it skips
Page.save(), revisions, signals and the reference index. Search entries are written through the search
backend's bulk path unless told not to. For archive imports, the archive benchmarks (bench/bulk_archive.py)
and the search evaluation (`manage.py search_run`); docs/architecture.md says why and how fast.
"""

import logging
import random
import time
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from redaksi.sections.models import SectionPage

from .models import ArticlePage

PAGE_FIELDS = [f for f in Page._meta.concrete_fields if not f.primary_key]
ARTICLE_FIELDS = ArticlePage._meta.local_concrete_fields
log = logging.getLogger(__name__)


def ensure_sections(home, titles):
    """Return the desks under `home` with these titles, creating missing ones the normal way (add_child)."""
    existing = {s.slug: s for s in SectionPage.objects.child_of(home)}
    sections = []
    for title in titles:
        slug = slugify(title)
        section = existing.get(slug) or home.add_child(instance=SectionPage(title=title, slug=slug))
        existing[slug] = section
        sections.append(section)
    return sections


def round_robin(sections):
    """Story k goes to section k mod len(sections)."""
    return lambda k: sections[k % len(sections)]


class BulkLoader:
    """Append stories k in [start, stop): `text(k, rng)` gives the fields, `timeline.when(k)` the time.

    `section_of(k)` picks the section (default: round robin over `sections`); the text may carry any
    ArticlePage field besides title, standfirst, dateline_city and body (e.g. `guid`).
    """

    def __init__(self, sections, timeline, text, batch_size=10_000, index_search=True, section_of=None):
        self.section_of = section_of or round_robin(sections)
        self.text = text
        self.timeline = timeline
        self.batch_size = batch_size
        self.search = get_search_backend() if index_search else None
        self.content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
        self.locale_id = sections[0].locale_id
        self.folders = {}  # (section pk, "YYYY-MM") -> [folder, last step used]
        self.seconds = Counter()  # wall time of the loads so far: "rows" and "search_index"

    def load(self, start, stop):
        """File stories start..stop-1 in batches, one transaction each; not safe against concurrent editing."""
        self.folders.clear()  # editors may have added stories since the last load
        rng = random.Random(start)  # noqa: S311 - synthetic text and block ids, not security
        for low in range(start, stop, self.batch_size):
            with transaction.atomic():
                self._load_batch(range(low, min(low + self.batch_size, stop)), rng)
            if (low - start) // self.batch_size % 10 == 9:
                log.info("filed stories up to %s", low + self.batch_size - 1)

    def _load_batch(self, ks, rng):
        began = time.perf_counter()
        stories = [self._story(k, rng) for k in ks]
        pages = Page.objects.bulk_create([page_row(story) for story in stories])
        for story, page in zip(stories, pages, strict=True):
            story.id = story.page_ptr_id = page.pk
        insert_rows(ArticlePage, stories, ARTICLE_FIELDS)
        self._count_children(stories)
        indexed = time.perf_counter()
        if self.search is not None:
            self.search.add_bulk(ArticlePage, stories)
        self.seconds.update({"rows": indexed - began, "search_index": time.perf_counter() - indexed})

    def _story(self, k, rng):
        section = self.section_of(k)
        when = timezone.localtime(self.timeline.when(k))
        folder, path = self._next_path(section, when)
        text = self.text(k, rng)
        slug = f"{slugify(text['title'])[:200]}-{k}"
        return ArticlePage(
            path=path, depth=folder.depth + 1, numchild=0, url_path=f"{folder.url_path}{slug}/",
            draft_title=text["title"], slug=slug, content_type_id=self.content_type_id,
            locale_id=self.locale_id, live=True, has_unpublished_changes=False,
            first_published_at=when, published_at=when, last_published_at=when, latest_revision_created_at=when,
            section_id=section.pk, **text,
        )  # fmt: skip

    def _next_path(self, section, when):
        key = (section.pk, when.strftime("%Y-%m"))
        if key not in self.folders:
            folder = section.archive_month(when)
            last = folder.get_last_child()
            self.folders[key] = [folder, Page._str2int(last.path[-Page.steplen :]) if last else 0]
        entry = self.folders[key]
        entry[1] += 1
        return entry[0], child_path(entry[0].path, entry[1])

    def _count_children(self, stories):
        added = Counter(story.path[: -Page.steplen] for story in stories)
        for parent_path, count in added.items():
            Page.objects.filter(path=parent_path).update(numchild=F("numchild") + count)


def page_row(story):
    """Return the wagtailcore_page part of a story as a plain Page, for bulk_create."""
    return Page(**{field.attname: getattr(story, field.attname) for field in PAGE_FIELDS})


def child_path(parent_path, step):
    """Return treebeard's path for child number `step` (1-based) of `parent_path`."""
    key = Page._int2str(step)
    if len(key) > Page.steplen:
        raise OverflowError(f"{parent_path} cannot hold a child number {step}")
    return parent_path + key.rjust(Page.steplen, Page.alphabet[0])


def insert_rows(model, objs, fields):
    """INSERT `fields` of `objs` into the model's own table (Django refuses bulk_create on child models)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 - names from _meta
    rows = [[f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)

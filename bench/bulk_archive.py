"""Bulk-file synthetic stories into section month folders, exactly where add_child would put them.

Used by bench/archive_scale.py and by redaksi/sections/tests/test_archive_scale.py. Writes rows
directly (Page via bulk_create, ArticlePage's own table via one INSERT per batch), so it skips
Page.save(), revisions, signals and the reference index. Search entries are written through the
search backend's bulk path unless told not to. See docs/architecture.md.
"""

import logging
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, F
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from redaksi.articles.models import ArticlePage
from redaksi.sections.models import ArchiveMonthPage, SectionPage

SECTIONS = ["News", "EkBis", "New Economy", "Kabar Finansial", "Global Connections", "Sport & Lifestyle"]
SUBJECTS = [
    "Pemerintah", "Bank Indonesia", "OJK", "Menteri Keuangan", "DPR", "Pertamina", "BEI", "PLN",
    "Kemenkes", "Timnas", "Gubernur DKI", "KPK", "BPS", "Kadin", "Apindo", "Bulog",
]  # fmt: skip
VERBS = ["bahas", "umumkan", "tolak", "dukung", "kaji", "targetkan", "tunda", "percepat"]
OBJECTS = [
    "ekspor batu bara", "harga BBM", "suku bunga acuan", "inflasi pangan", "impor beras", "investasi asing",
    "kredit UMKM", "tarif listrik", "dana desa", "vaksinasi booster", "IHSG", "nilai tukar rupiah",
    "pajak karbon", "Piala AFF", "kendaraan listrik", "proyek IKN",
]  # fmt: skip
CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Jenewa", "Singapura", "Tokyo"]
PAGE_FIELDS = [f for f in Page._meta.concrete_fields if not f.primary_key]
ARTICLE_FIELDS = ArticlePage._meta.local_concrete_fields
PROBLEM_NAMES = ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timeline:
    """Story k of `total` appears at end - (total - 1 - k) * interval: oldest first, newest at `end`."""

    total: int
    end: datetime
    per_day: int = 300

    def when(self, k):
        return self.end - (self.total - 1 - k) * timedelta(days=1) / self.per_day


def ensure_sections(home, titles=SECTIONS):
    """Return the desks under `home`, creating missing ones the normal way (add_child)."""
    existing = {s.slug: s for s in SectionPage.objects.child_of(home)}
    sections = []
    for title in titles:
        slug = slugify(title)
        section = existing.get(slug) or home.add_child(instance=SectionPage(title=title, slug=slug))
        sections.append(section)
    return sections


class ArchiveLoader:
    """Append stories k in [start, stop) of a timeline, round-robin over the sections."""

    def __init__(self, sections, timeline, batch_size=10_000, index_search=True, text=None):
        self.sections = sections
        self.text = text or synthetic_text  # (k, rng) -> title, standfirst, dateline_city, body
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
        rng = random.Random(start)  # noqa: S311 - synthetic headlines, not security
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
        section = self.sections[k % len(self.sections)]
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


def synthetic_text(k, rng):
    """Return a synthetic headline, standfirst, dateline and body (the default text source)."""
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    city = rng.choice(CITIES)
    body = story_body(title, rng)
    standfirst = f"{title}, menurut keterangan resmi yang diterima redaksi."
    return {"title": title, "standfirst": standfirst, "dateline_city": city, "body": body}


def story_body(title, rng):
    """Return a short, realistic StreamField body: three paragraphs and a quote."""
    city = rng.choice(CITIES)
    texts = [
        f"<p>Warta Ekonomi, {city} - {title}. Keputusan itu disampaikan dalam konferensi pers, Senin.</p>",
        f"<p>Menurut sumber yang dikutip redaksi, langkah tersebut berdampak pada {rng.choice(OBJECTS)}.</p>",
        "<p>Para analis menilai kebijakan ini perlu diikuti pengawasan yang ketat dan transparan.</p>",
    ]
    blocks = [{"type": "paragraph", "value": text, "id": str(uuid.uuid4())} for text in texts]
    quote = {"text": "Kami akan terus memantau perkembangan.", "attribution": rng.choice(SUBJECTS)}
    blocks.insert(2, {"type": "quote", "value": quote, "id": str(uuid.uuid4())})
    return blocks


def insert_rows(model, objs, fields):
    """INSERT `fields` of `objs` into the model's own table (Django refuses bulk_create on child models)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 - names from _meta
    rows = [[f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def archive_problems():
    """Count defects across the whole archive in a few full-table queries (fast enough at 1M rows)."""
    folders = dict(ArchiveMonthPage.objects.values_list("path", "numchild"))
    depth = len(next(iter(folders), "")) // Page.steplen + 1
    children = dict(
        Page.objects.filter(depth=depth)
        .annotate(parent=Substr("path", 1, (depth - 1) * Page.steplen))
        .values("parent")
        .annotate(n=Count("pk"))
        .values_list("parent", "n")
        .order_by()
    )
    return {
        "orphans": sum(n for parent, n in children.items() if parent not in folders),
        "wrong_numchild": sum(1 for path, numchild in folders.items() if children.get(path, 0) != numchild),
        "wrong_depth": Page.objects.exclude(depth=Length("path") / Page.steplen).count(),
        "wrong_section": ArticlePage.objects.exclude(path__startswith=F("section__path")).count(),
    }


def subtree_problems(parent=None):
    """Run treebeard's own check (a query or two per node) on `parent`'s subtree, or the whole tree."""
    found = Page.find_problems(parent=parent)
    return {name: len(ids) for name, ids in zip(PROBLEM_NAMES, found, strict=True)}

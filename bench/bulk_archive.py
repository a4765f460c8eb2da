"""Bulk-file synthetic stories into section month folders, exactly where add_child would put them.

Used by bench/archive_scale.py and by redaksi/sections/tests/test_archive_scale.py. The loader itself is
the app's (redaksi/articles/bulk.py: rows written directly, no Page.save(), revisions or signals); this
module adds the benchmark's desks, synthetic text, timeline and tree checks. See docs/architecture.md.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from redaksi.articles import bulk
from redaksi.articles.bulk import BulkLoader
from redaksi.articles.models import ArticlePage
from redaksi.sections.models import ArchiveMonthPage

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
PROBLEM_NAMES = ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild")


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
    return bulk.ensure_sections(home, titles)


class ArchiveLoader(BulkLoader):
    """The app's bulk loader, round robin over the sections, with synthetic text unless told otherwise."""

    def __init__(self, sections, timeline, batch_size=10_000, index_search=True, text=None):
        super().__init__(sections, timeline, text or synthetic_text, batch_size, index_search)


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

"""The IndoSum corpus (real Indonesian stories, CC BY-SA 4.0) as benchmark input.

Reads ../shared/testdata/corpus-id/indosum-articles.jsonl (3,463 articles; titles and dates are derived,
see its README) and offers it to bench/bulk_archive.py as a story text source, so a 100k or 1M archive is
filed with real Indonesian text: story k is corpus article k mod 3,463 under a new id, slug and date.
"""

import datetime
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "corpus-id" / "indosum-articles.jsonl"
NOTICE = "IndoSum (Kurniawan & Louvan, IALP 2018), CC BY-SA 4.0"


@dataclass(frozen=True)
class CorpusStory:
    id: str
    title: str
    paragraphs: tuple
    category: str
    published_at: datetime.datetime  # derived from the id's epoch prefix

    @property
    def body_text(self):
        return "\n".join(self.paragraphs)


def read_corpus(path=CORPUS):
    """Return the corpus stories in file order; a line that is not a story names its line number."""
    stories = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                when = datetime.datetime.fromisoformat(row["published_at"])
                stories.append(CorpusStory(row["id"], row["title"], tuple(row["paragraphs"]), row["category"], when))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}, line {number}: not a corpus story ({error})") from error
    return stories


class CorpusText:
    """Story text source for ArchiveLoader: story k gets corpus article k mod len(corpus)."""

    def __init__(self, stories):
        self.stories = stories
        self.paragraphs = {}  # corpus index -> its paragraphs as HTML, escaped once

    def __call__(self, k, rng):
        n = k % len(self.stories)
        if n not in self.paragraphs:
            self.paragraphs[n] = [f"<p>{escape(text)}</p>" for text in self.stories[n].paragraphs]
        paragraphs = [{"type": "paragraph", "value": html, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
                      for html in self.paragraphs[n]]  # fmt: skip
        return {"title": self.stories[n].title[:255], "standfirst": "", "dateline_city": "Jakarta", "body": paragraphs}

    def corpus_id(self, k):
        """The corpus article story k copies."""
        return self.stories[k % len(self.stories)].id


class CorpusTimeline:
    """ArchiveLoader's timeline for filing the corpus once, each story at its own (derived) date."""

    def __init__(self, stories):
        self.stories = stories

    def when(self, k):
        return self.stories[k].published_at


def file_corpus(stories, sections):
    """File `stories` once as live stories at their own dates; return {story page id: corpus id}."""
    from bench.bulk_archive import ArchiveLoader
    from redaksi.articles.models import ArticlePage

    text = CorpusText(stories)
    ArchiveLoader(sections, CorpusTimeline(stories), batch_size=1000, index_search=False, text=text).load(
        0, len(stories)
    )
    filed = ArticlePage.objects.filter(section__in=sections).values_list("pk", "slug")
    return {pk: text.corpus_id(int(slug.rsplit("-", 1)[1])) for pk, slug in filed}

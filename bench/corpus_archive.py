"""The IndoSum corpus (real Indonesian stories, CC BY-SA 4.0) as benchmark input.

Reads ../shared/testdata/corpus-id/indosum-articles.jsonl (3,463 articles; titles and dates are derived,
see its README) and offers it to bench/bulk_archive.py as a story text source, so a 100k or 1M archive is
filed with real Indonesian text: story k is corpus article k mod 3,463 under a new id, slug and date.
"""

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
                stories.append(CorpusStory(row["id"], row["title"], tuple(row["paragraphs"]), row["category"]))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}, line {number}: not a corpus story ({error})") from error
    return stories


class CorpusText:
    """Story text source for ArchiveLoader: story k gets corpus article k mod len(corpus)."""

    def __init__(self, stories):
        self.stories = stories

    def __call__(self, k, rng):
        story = self.stories[k % len(self.stories)]
        paragraphs = [{"type": "paragraph", "value": f"<p>{escape(text)}</p>", "id": str(uuid.uuid4())}
                      for text in story.paragraphs]  # fmt: skip
        return {"title": story.title[:255], "standfirst": "", "dateline_city": "Jakarta", "body": paragraphs}

    def corpus_id(self, k):
        """The corpus article story k copies."""
        return self.stories[k % len(self.stories)].id

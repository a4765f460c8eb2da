"""A test corpus (JSON lines of id, title, paragraphs, published_at, category) filed as live stories.

The shape is that of the IndoSum corpus in shared/testdata/corpus-id (real Indonesian news, CC BY-SA 4.0).
The search evaluation (`manage.py search_run`) files a corpus once, each story at its own time in a section
named after its category, its corpus id kept as the story's `guid`; the archive benchmarks (bench/) copy it
many times under new ids and dates.
"""

import datetime
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape


@dataclass(frozen=True)
class CorpusStory:
    id: str
    title: str
    paragraphs: tuple
    category: str
    published_at: datetime.datetime

    @property
    def body_text(self):
        return "\n".join(self.paragraphs)


class CorpusError(ValueError):
    """A corpus file that cannot be read; the message names the file and the line."""


def read_corpus(path):
    """Return the corpus stories in file order (blank lines skipped); refuse a bad line naming it."""
    stories, seen = [], set()
    try:
        with Path(path).open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    story = parse_story(line, f"{path}, line {number}")
                    if story.id in seen:
                        raise CorpusError(f"{path}, line {number}: id {story.id!r} appears twice")
                    seen.add(story.id)
                    stories.append(story)
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read the corpus ({error})") from error
    return stories


def parse_story(line, where):
    """One corpus line as a CorpusStory; `where` names the line in the error."""
    try:
        row = json.loads(line)
        when = datetime.datetime.fromisoformat(row["published_at"])
        story = CorpusStory(row["id"], row["title"], tuple(row["paragraphs"]), row["category"], when)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CorpusError(f"{where}: not a corpus story ({type(error).__name__}: {error})") from error
    texts = (story.id, story.title, story.category, *story.paragraphs)
    if not all(isinstance(text, str) for text in texts) or not (story.id and story.title and story.category):
        raise CorpusError(f"{where}: id, title and category must be text, and paragraphs a list of text")
    if when.utcoffset() is None:
        raise CorpusError(f"{where}: published_at {row['published_at']!r} has no UTC offset")
    return story


class CorpusText:
    """Story text source for BulkLoader: story k gets corpus story k mod len(corpus)."""

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
        """The corpus story that story k copies."""
        return self.stories[k % len(self.stories)].id


class CorpusTimeline:
    """BulkLoader's timeline for filing the corpus once, each story at its own time."""

    def __init__(self, stories):
        self.stories = stories

    def when(self, k):
        return self.stories[k].published_at


def file_stories(stories, home):
    """File `stories` once under `home`: live, at their own time, in a section per category, guid = corpus id.

    Writes no search entries: index them afterwards (rebuild_story_index). Returns {story page id: corpus id}.
    """
    from redaksi.articles.bulk import BulkLoader, ensure_sections
    from redaksi.articles.models import ArticlePage

    titles = list(dict.fromkeys(story.category for story in stories))
    sections = dict(zip(titles, ensure_sections(home, titles), strict=True))
    text = CorpusText(stories)
    loader = BulkLoader(
        list(sections.values()),
        CorpusTimeline(stories),
        lambda k, rng: {**text(k, rng), "guid": stories[k].id},
        batch_size=1000,
        index_search=False,
        section_of=lambda k: sections[stories[k].category],
    )
    loader.load(0, len(stories))
    return dict(ArticlePage.objects.filter(guid__in=[story.id for story in stories]).values_list("pk", "guid"))

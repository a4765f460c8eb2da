"""Corpus stories: real IndoSum articles filed as published stories in the demo sections."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.rich_text import RichText

from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.media.placeholders import placeholder_photo

from . import corpus
from .people import DESK_EDITORS, reporters
from .vocabulary import tag_names

SUBSET = Path(__file__).parent / "data" / "indosum-subset.jsonl"
GUID_PREFIX = "indosum:"
DATELINE_CITY = "Jakarta"
PLACEHOLDER_CAPTION = "Gambar pengganti untuk demo Redaksi."
SLUG_LENGTH = 80


def pick(items, key):
    """Choose one of `items`, always the same one for `key`."""
    return items[hashlib.sha256(key.encode()).digest()[0] % len(items)]


@dataclass
class Newsroom:
    """What a corpus story is filed with: sections, people and tags by key; month folders as they are made."""

    sections: dict
    people: dict
    tags: dict
    folders: dict = field(default_factory=dict)

    def folder(self, section_slug, when):
        """Return the section's month folder for `when`, asking the database once per folder."""
        key = (section_slug, when.strftime("%Y-%m"))
        if key not in self.folders:
            self.folders[key] = self.sections[section_slug].archive_month(when)
        return self.folders[key]


def build_story(record, newsroom, section_slug):
    """Return an unsaved story for a corpus record, with its author, editor, tags and hero photo."""
    title, wire_source = corpus.headline(record), corpus.wire_source(record)
    story = ArticlePage(
        title=title,
        slug=slugify(title)[:SLUG_LENGTH].strip("-"),
        standfirst=corpus.standfirst(record),
        dateline_city=DATELINE_CITY,
        body=[("paragraph", RichText(html)) for html in corpus.body_paragraphs(record)],
        hero_image=placeholder_photo(title, f"{wire_source}/Dok.", title, caption=PLACEHOLDER_CAPTION),
        editor=newsroom.people[DESK_EDITORS[section_slug]],
        wire_source=wire_source,
        source_url=record["source_url"],
        guid=GUID_PREFIX + record["id"],
        first_published_at=datetime.fromisoformat(record["published_at"]),
    )
    story.authors = [ArticleAuthor(person=pick(reporters(newsroom.people), record["id"]))]
    text = f"{record['title']} {record['summary']}"
    names = tag_names(text, section_slug, is_sport=record["category"] == "olahraga")
    story.tags.add(*(newsroom.tags[name] for name in names))
    return story


def file_story(record, newsroom):
    """Create and publish the story for `record` in its section's month folder."""
    section_slug = corpus.section_slug(record)
    story = build_story(record, newsroom, section_slug)
    newsroom.folder(section_slug, timezone.localtime(story.first_published_at)).add_child(instance=story)
    story.save_revision().publish()
    return story


def backdate(stories):
    """Make the stories look last published and revised when they first appeared, not today."""
    Page.objects.filter(pk__in=[story.pk for story in stories]).update(
        last_published_at=F("first_published_at"), latest_revision_created_at=F("first_published_at")
    )


def load_stories(newsroom, limit):
    """File the first `limit` corpus stories that are not in the database yet; return the new ones."""
    records = corpus.read_records(SUBSET, limit)
    guids = [GUID_PREFIX + record["id"] for record in records]
    existing = set(ArticlePage.objects.filter(guid__in=guids).values_list("guid", flat=True))
    created = [file_story(record, newsroom) for record in records if GUID_PREFIX + record["id"] not in existing]
    backdate(created)
    return created

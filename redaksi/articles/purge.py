"""Which reader addresses show a story, so that a change to it purges exactly those from the edge cache.

Addresses are purge keys (the X-Purge-Key each page carries, redaksi/core/cache.py): a listing's key covers
all its pages and filters, `/read<ID>` covers every address form of the story. Reader pages count in every
language; feeds, sitemaps and the API have one address. core/purge.py sends the purge after the commit.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from redaksi.core.purge import edge_configured, in_every_language, page_path, purge_on_commit
from redaksi.core.wib import WIB

from .indeks import day_key
from .models import ArticleIndexPage


def reader_paths(story, sections):
    """Keys of the reader pages showing `story`, in the active language."""
    paths = [reverse("article_by_id", kwargs={"article_id": story.pk}), reverse("search")]
    homes_and_sections = [*sections, story.get_site().root_page]
    paths += [page_path(page) for page in homes_and_sections]
    indeks = ArticleIndexPage.objects.live().first()
    if indeks and story.published_at:
        paths.append(day_key(page_path(indeks), story.published_at.astimezone(WIB).date()))
    paths += [reverse("tag", kwargs={"slug": slug}) for slug in story.tags.values_list("slug", flat=True)]
    authors = story.authors.values_list("person__slug", flat=True)
    paths += [reverse("person", kwargs={"slug": slug}) for slug in authors]
    return [path for path in paths if path]


def distribution_paths(story, sections):
    """Keys of the feeds, sitemaps and API answers listing `story` (one language)."""
    paths = [reverse(name) for name in ("rss", "atom", "news_sitemap", "sitemap_index", "api_stories")]
    paths.append(reverse("api_story", kwargs={"item_id": story.pk}))
    for section in sections:
        paths += [reverse(name, kwargs={"slug": section.slug}) for name in ("rss_section", "atom_section")]
    if story.published_at:
        month = story.published_at.astimezone(WIB)
        paths.append(reverse("sitemap_month", kwargs={"year": month.year, "month": f"{month.month:02d}"}))
    return paths


def story_paths(story, other_sections=()):
    """Every purge key a change to `story` touches; `other_sections` adds the desks it just left."""
    sections = list(dict.fromkeys([story.section, *other_sections]))
    paths = in_every_language(lambda: reader_paths(story, sections))
    with translation.override(settings.LANGUAGE_CODE):
        paths += distribution_paths(story, sections)
    return sorted(set(paths))


def purge_story(story, other_sections=()):
    """Purge every address showing `story` once the change commits (without an edge: only the new edition)."""
    if edge_configured():
        purge_on_commit(story_paths(story, other_sections), story.get_site())
    else:
        purge_on_commit([])

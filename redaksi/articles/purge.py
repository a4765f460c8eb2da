"""Which reader addresses show a story, so that a change to it purges exactly those from the edge cache.

Addresses are purge keys (the X-Purge-Key each page carries, redaksi/core/cache.py): a listing's key covers
all its pages and filters, `/read<ID>` covers every address form of the story. Reader pages count in every
language (Indonesian at the bare path, English under /en/); feeds, sitemaps and the API have one address.
Purges and the new edition wait for the transaction to commit, so the edge never refetches the old story.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from redaksi.core.edition import new_edition
from redaksi.core.wib import WIB

from .indeks import day_key
from .models import ArticleIndexPage

EVERYTHING = "/*"  # the VCL bans every stored page for this key (site-wide changes)


def page_path(page):
    """A page's path on its site in the active language; None when it has no address."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


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


def in_every_language(paths_for):
    """The paths `paths_for()` gives with each of the site's languages active, in order."""
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += paths_for()
    return paths


def story_paths(story, other_sections=()):
    """Every purge key a change to `story` touches; `other_sections` adds the desks it just left."""
    sections = list(dict.fromkeys([story.section, *other_sections]))
    paths = in_every_language(lambda: reader_paths(story, sections))
    with translation.override(settings.LANGUAGE_CODE):
        paths += distribution_paths(story, sections)
    return sorted(set(paths))


def home_paths(home):
    """The front page in every language."""
    return in_every_language(lambda: [page_path(home)])


def edge_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_on_commit(paths, site=None):
    """After commit: start a new edition, then purge `paths` on `site` (the default site) from the edge."""
    urls = []
    if paths and edge_configured():
        root_url = (site or Site.objects.get(is_default_site=True)).root_url
        urls = [root_url + path for path in paths]

    def purge():
        new_edition()
        PurgeBatch(urls).purge()

    transaction.on_commit(purge)


def purge_story(story, other_sections=()):
    """Purge every address showing `story` once the change commits (without an edge: only the new edition)."""
    if edge_configured():
        purge_on_commit(story_paths(story, other_sections), story.get_site())
    else:
        purge_on_commit([])


def purge_everything():
    """Purge every page of the site once the change commits (menu, site settings, a section renamed)."""
    purge_on_commit([EVERYTHING])

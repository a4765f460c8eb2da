"""Stories behind a Wagtail privacy setting: reachable at their address (password, login), left out of lists.

`ArticlePage.private` copies "a view restriction covers this story" onto the story's row, so every
listing, feed, sitemap, the API and search leave such stories out with a plain column test, no query more.
"""

from wagtail.models import Page, PageViewRestriction


def ancestor_paths(path):
    """The tree paths of the page at `path` and of every page above it."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def is_restricted(path):
    """Whether a view restriction sits on the page at `path` or above it (one query)."""
    return PageViewRestriction.objects.filter(page__path__in=ancestor_paths(path)).exists()


def refresh_privacy(path):
    """Recompute `private` for the stories at and under `path` after a restriction or a move changed it."""
    from .models import ArticlePage

    stories = ArticlePage.objects.filter(path__startswith=path)
    stories.update(private=is_restricted(path))
    for restricted_path in PageViewRestriction.objects.filter(page__path__startswith=path).values_list(
        "page__path", flat=True
    ):
        stories.filter(path__startswith=restricted_path).update(private=True)

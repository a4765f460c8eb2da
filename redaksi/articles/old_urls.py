"""Old page-tree paths of stories redirect (301) to their permanent /read<ID> address.

Wagtail's automatic redirects follow get_url_parts(), which for a story is its /read<ID> address: a story's
tree path (/news/2022-01/<slug>/) changes on a slug change or a move without Wagtail noticing. These
handlers add the redirects Wagtail would have added, one per story at or under the page that changed.

Wagtail 8.0 deletes every automatic redirect of the site when a slug change or move changes no URL, which
every story move does (wagtail/wagtail#11338: an empty batch filters on an empty Q()). Until the fix
(wagtail/wagtail#14626) ships, the batch class Wagtail's handlers use is swapped for one that skips the
clean-up of an empty batch.
"""

from django.db.models import Q
from django.dispatch import receiver
from wagtail.contrib.redirects import signal_handlers
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site
from wagtail.signals import page_slug_changed, post_page_move

from .models import ArticlePage

BATCH_SIZE = 2000


class BatchRedirectCreator(signal_handlers.BatchRedirectCreator):
    def pre_process(self):
        """Delete the automatic redirects the batch replaces: none when the batch is empty."""
        if self.items:
            super().pre_process()


signal_handlers.BatchRedirectCreator = BatchRedirectCreator


@receiver(page_slug_changed)
def redirect_tree_paths_after_slug_change(sender, instance, instance_before, **kwargs):
    """Redirect the old tree paths of the stories at or under a page whose slug changed."""
    redirect_old_tree_paths(instance, instance_before.url_path, instance.url_path)


@receiver(post_page_move)
def redirect_tree_paths_after_move(sender, instance, url_path_before, url_path_after, **kwargs):
    """Redirect the old tree paths of the stories at or under a page that moved."""
    if url_path_before != url_path_after:
        redirect_old_tree_paths(instance, url_path_before, url_path_after)


def redirect_old_tree_paths(page, url_path_before, url_path_after):
    """Create a redirect from each story's tree path under `url_path_before` to the story, on every site."""
    roots = Site.get_site_root_paths()
    stories = ArticlePage.objects.filter(path__startswith=page.path).values_list("pk", "url_path")
    batch = BatchRedirectCreator(max_size=BATCH_SIZE, ignore_conflicts=True)
    live_paths = []
    for story_id, url_path in stories.iterator():
        old_url_path = url_path_before + url_path[len(url_path_after) :]
        for site_id, old_path in site_paths(roots, old_url_path):
            batch.add(old_path=old_path, site_id=site_id, redirect_page_id=story_id, automatically_created=True)
        live_paths += site_paths(roots, url_path)
    batch.process()
    forget_redirects_from(live_paths)


def site_paths(roots, url_path):
    """The (site id, normalised path) pairs that serve `url_path` on the sites whose tree holds it."""
    return [
        (root.site_id, Redirect.normalise_path(url_path[len(root.root_path) - 1 :]))
        for root in roots
        if url_path.startswith(root.root_path)
    ]


def forget_redirects_from(live_paths):
    """Delete automatic redirects from the paths stories now live at (a story moved back, a slug restored)."""
    for start in range(0, len(live_paths), BATCH_SIZE):
        chunk = live_paths[start : start + BATCH_SIZE]
        clashes = Q()
        for site_id, old_path in chunk:
            clashes |= Q(site_id=site_id, old_path=old_path)
        Redirect.objects.filter(clashes, automatically_created=True).delete()

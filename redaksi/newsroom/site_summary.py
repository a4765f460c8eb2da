"""The dashboard's page count at archive scale: the same number as Wagtail's, without counting a million rows.

Every page except the root is the child of exactly one page, and treebeard keeps each page's `numchild`
true, so a subtree holds one page plus the children of the subtree's parents. The parents (home,
sections, month folders) are a few hundred rows of a partial index (core migration 0003), whatever the
archive's size; Wagtail's own item counts the whole subtree (a million rows for a superuser).
"""

from django.db.models import Sum
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page, Site


def subtree_size(page):
    """Pages in `page`'s subtree, `page` included."""
    parents = Page.objects.filter(path__startswith=page.path, numchild__gt=0)
    return 1 + (parents.aggregate(children=Sum("numchild"))["children"] or 0)


class TreePagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N Pages" item with the count taken from the parents' child counts."""

    def get_context_data(self, parent_context):
        site_details = get_site_for_user(self.request.user)
        root_page, page_count = site_details["root_page"], 0
        if root_page:
            page_count = subtree_size(root_page)
            if root_page.is_root():
                page_count -= 1  # the tree's root is not a real page
                root_page = only_site_root() or root_page  # as upstream: link a single site's home (#1883)
        return {"root_page": root_page, "total_pages": page_count, "site_name": site_details["site_name"]}


def only_site_root():
    try:
        return Site.objects.get().root_page
    except (Site.DoesNotExist, Site.MultipleObjectsReturned):
        return None


def count_pages_by_tree(request, summary_items):
    """`construct_homepage_summary_items` hook: swap Wagtail's pages item for ours, in place."""
    summary_items[:] = [
        TreePagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in summary_items
    ]

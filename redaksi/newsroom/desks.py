"""Which desks (sections) a user works in, read from the page permissions Wagtail caches on the user per request.

A desk permission sits on the section page (or, for the all-desk roles, on the home page or the tree root)
and covers everything below it, so a user works in a page when one of their permission pages is at or
above it. Nothing here costs a query beyond the one Wagtail makes anyway for the explorer and menus.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

from redaksi.sections.models import SectionPage

WORK = frozenset({"add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"})
WRITE = frozenset({"add_page"})


def permission_paths(user, codenames=WORK):
    """Tree paths of the pages where `user` holds one of the page permissions `codenames`."""
    permissions = PagePermissionPolicy().get_cached_permissions_for_user(user)
    return {permission.page.path for permission in permissions if permission.permission.codename in codenames}


def works_in(user, page):
    """Whether `page` is in one of the user's desks (at or below a permission page)."""
    return user.is_superuser or any(page.path.startswith(path) for path in permission_paths(user))


def may_explore(user, page):
    """Whether the explorer may list `page`: inside the user's desks, or above them on the way there (home, root)."""
    return works_in(user, page) or any(path.startswith(page.path) for path in permission_paths(user))


def desks_for(user, codenames=WORK):
    """The sections `user` works in (holds one of `codenames` on), by title; one query when evaluated."""
    sections = SectionPage.objects.order_by("title", "pk")
    if user.is_superuser:
        return sections
    paths = permission_paths(user, codenames)
    if not paths:
        return sections.none()
    return sections.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))


def writing_desks(user):
    """The sections `user` may write new stories in."""
    return desks_for(user, WRITE)

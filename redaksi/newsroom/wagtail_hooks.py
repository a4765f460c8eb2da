"""The schedule alarm in the admin: a dashboard panel listing what is overdue, a warning item atop the sidebar.

The sidebar item is the global warning: Wagtail draws the sidebar on every admin page from the
`construct_main_menu` hook, so the alarm follows the editor everywhere with no template override,
middleware or JavaScript of ours, and disappears by itself once the schedule is back on time.
"""

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button, ListingButton

from redaksi.sections.models import ArchiveMonthPage, SectionPage

from . import scheduling, security, two_factor, views
from .admin_listing import offer_page_owners_by_index
from .desks import may_explore, permission_paths, writing_desks
from .schedule import OVERDUE_AFTER, STALE_AFTER, overdue_changes, schedule_status
from .site_summary import count_pages_by_tree
from .wib import wib

PANEL_ID = "schedule-alarm"  # Wagtail's panel tag renders it as the section #schedule-alarm-section


def status_for(request):
    """The schedule status, read once per admin request (3 queries) for the sidebar and the dashboard."""
    if not hasattr(request, "schedule_status"):
        request.schedule_status = schedule_status()
    return request.schedule_status


class ScheduleAlarmPanel(Component):
    """Overdue stories with their time in WIB and how late they are, and a stale worker; empty when on time."""

    name = "schedule_alarm"
    order = 10  # above Wagtail's own panels
    template_name = "newsroom/_schedule_alarm_panel.html"

    def __init__(self, status):
        self.status = status

    def get_context_data(self, parent_context):
        changes = overdue_changes(self.status.now) if self.status.overdue else []
        return {
            "panel_id": PANEL_ID,
            "status": self.status,
            "last_seen": self.status.last_seen and wib(self.status.last_seen),
            "rows": [(change, wib(change.scheduled_at)) for change in changes],
            "overdue_minutes": int(OVERDUE_AFTER.total_seconds() // 60),
            "stale_minutes": int(STALE_AFTER.total_seconds() // 60),
        }

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.status.alarm else ""


def alarm_label(status):
    if status.overdue:
        return ngettext("%(count)d story overdue", "%(count)d stories overdue", status.overdue) % {
            "count": status.overdue
        }
    return _("Schedule worker down")


@hooks.register("construct_homepage_panels")
def add_schedule_alarm_panel(request, panels):
    panels.append(ScheduleAlarmPanel(status_for(request)))


@hooks.register("construct_main_menu")
def add_schedule_alarm_menu_item(request, menu_items):
    status = status_for(request)
    if status.alarm:
        url = f"{reverse('wagtailadmin_home')}#{PANEL_ID}-section"
        menu_items.append(MenuItem(alarm_label(status), url, name=PANEL_ID, icon_name="warning", order=0))


# The dashboard's "N Pages" from the parents' child counts, not a count of the whole archive (site_summary.py).
hooks.register("construct_homepage_summary_items", count_pages_by_tree, order=1)  # after Wagtail adds its item

# The explorer's owner filter without a DISTINCT over every page (admin_listing.py).
offer_page_owners_by_index()


# Desks: "Tulis berita" in one click, the desk's story list, and no browsing of other desks.


def write_url(section):
    """The editor of a new story on `section`; the articles' `before_create_page` hook files it in this month."""
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


class WriteStoryPanel(Component):
    """ "Tulis berita": one button per desk the user may write in, straight into the editor, and each desk's list."""

    name = "write_story"
    order = 20  # under the schedule alarm, above Wagtail's own panels
    template_name = "newsroom/_write_story_panel.html"

    def __init__(self, desks):
        self.desks = desks

    def get_context_data(self, parent_context):
        return {"desks": [(desk, write_url(desk)) for desk in self.desks]}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.desks else ""


@hooks.register("construct_homepage_panels")
def add_write_story_panel(request, panels):
    panels.append(WriteStoryPanel(list(writing_desks(request.user))))


def desk_buttons(page, user, button_class):
    """ "Tulis berita" and "Berita rubrik" for a desk (or its month folder) the user may write in."""
    section = page.get_parent() if page.specific_class is ArchiveMonthPage else page
    if section.specific_class is not SectionPage or not page.permissions_for_user(user).can_add_subpage():
        return
    yield button_class(_("Write a story"), write_url(section), icon_name="plus", priority=1)
    stories = reverse("newsroom_desk_stories", args=(section.pk,))
    yield button_class(_("Desk stories"), stories, icon_name="list-ul", priority=2)


@hooks.register("register_page_listing_buttons")
def desk_listing_buttons(page, user, next_url=None):
    """On a desk's row in the explorer, labelled buttons beside its title."""
    if page.specific_class is SectionPage:
        yield from desk_buttons(page, user, ListingButton)


@hooks.register("register_page_header_buttons")
def desk_header_buttons(page, user, view_name, next_url=None):
    """In the actions menu of a desk and of its month folders."""
    yield from desk_buttons(page, user, Button)


@hooks.register("construct_explorer_page_queryset")
def refuse_other_desks(parent_page, pages, request):
    """Another desk's explorer listing (or month folder) is refused: Wagtail answers with its "no permission" message.

    Wagtail lets a user of two desks open any page below their common ancestor (the home page), listed empty.
    """
    if not may_explore(request.user, parent_page):
        raise PermissionDenied
    return pages


class DeskStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(permission_paths(request.user))


@hooks.register("register_admin_menu_item")
def register_desk_stories_menu_item():
    url = reverse("newsroom_desks")
    return DeskStoriesMenuItem(_("Desk stories"), url, name="desk-stories", icon_name="list-ul", order=110)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [
        path("newsroom/desks/", views.desk_index, name="newsroom_desks"),
        path("newsroom/desks/<int:section_id>/stories/", views.DeskStoriesView.as_view(), name="newsroom_desk_stories"),
    ]


@hooks.register("construct_page_action_menu")
def put_the_next_step_first(menu_items, request, context):
    """The footer's main button is the person's next step: approve for a reviewer, send to review for a reporter.

    Wagtail's main button is Save; the step that moves the story on hid behind the "more" toggle.
    """
    names = [item.name for item in menu_items]
    approve = [item for item in menu_items if item.name == "approve" and not item.launch_modal]
    if approve:
        step = approve[0]
    elif "action-submit" in names and "action-publish" not in names:
        step = menu_items[names.index("action-submit")]
    else:
        return
    menu_items.remove(step)
    menu_items.insert(0, step)


# Scheduling that can't surprise (scheduling.py): what the approval does, the scheduled time, no past go-live.
hooks.register("construct_page_action_menu", scheduling.label_approve_buttons)
hooks.register("before_edit_page", scheduling.guard_past_go_live)
hooks.register("after_edit_page", scheduling.confirm_schedule)


@hooks.register("insert_global_admin_css")
def schedule_dialog_css():
    return format_html('<link rel="stylesheet" href="{}">', static("redaksi/admin/schedule.css"))


@hooks.register("insert_global_admin_js")
def schedule_dialog_js():
    return format_html('<script src="{}"></script>', static("redaksi/admin/schedule.js"))


# Sign-in defences (security.py, docs/security.md): the audit actions and the attempts list for account admins.
hooks.register("register_log_actions", security.register_log_actions)
hooks.register("register_admin_viewset", lambda: security.access_attempt_viewset)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", two_factor.setup, name="newsroom_two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="newsroom_two_factor_verify"),
    ]

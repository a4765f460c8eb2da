"""The schedule alarm in the admin: a dashboard panel listing what is overdue, a warning item atop the sidebar.

The sidebar item is the global warning: Wagtail draws the sidebar on every admin page from the
`construct_main_menu` hook, so the alarm follows the editor everywhere with no template override,
middleware or JavaScript of ours, and disappears by itself once the schedule is back on time.
"""

import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import scheduling
from .admin_listing import offer_page_owners_by_index
from .schedule import OVERDUE_AFTER, STALE_AFTER, overdue_changes, schedule_status
from .site_summary import count_pages_by_tree

PANEL_ID = "schedule-alarm"  # Wagtail's panel tag renders it as the section #schedule-alarm-section


def wib(moment):
    """A time as the admin's date picker writes it, in the newsroom's zone and named: "2026-12-01 10:00 WIB"."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return timezone.localtime(moment, zone).strftime(f"{settings.WAGTAIL_DATETIME_FORMAT} %Z")


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


# Scheduling that can't surprise (scheduling.py): what the approval does, the scheduled time, no past go-live.
hooks.register("construct_page_action_menu", scheduling.label_approve_buttons)
hooks.register("before_edit_page", scheduling.guard_past_go_live)
hooks.register("after_edit_page", scheduling.confirm_schedule)

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from redaksi.core.wib import wib
from redaksi.sections.models import SectionPage

from .corrections import CORRECTION_ACTION
from .editor import StoryViewSet
from .models import ArticlePage, Correction
from .views import withdraw_story
from .withdrawal import WITHDRAW_ACTION


@hooks.register("register_admin_viewset")
def register_story_viewset():
    """The story editor: scheduling for publishers only, a form refused as stale stays refused (editor.py)."""
    return StoryViewSet("stories")


@hooks.register("before_create_page")
def file_new_story_in_month_folder(request, parent_page, page_class):
    """ "Add story" on a section opens the editor in that section's current month folder."""
    if page_class is ArticlePage and isinstance(parent_page.specific, SectionPage):
        folder = parent_page.specific.archive_month(timezone.localtime())
        return redirect(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk)))
    return None


class CorrectionLogFormatter(LogFormatter):
    label = _("Correction or update")

    def format_message(self, log_entry):
        """ "Ralat (Rabu, 1 Mei 2024 | 12:15 WIB): <text>", the note as readers see it."""
        data = log_entry.data
        kind = Correction.Kind(data["kind"]).label
        return f"{kind} ({wib(parse_datetime(data['noted_at']))}): {data['text']}"


@hooks.register("register_log_actions")
def register_correction_log_action(actions):
    actions.register_action(CORRECTION_ACTION)(CorrectionLogFormatter)


@hooks.register("register_admin_urls")
def register_withdraw_url():
    return [path("articles/<int:page_id>/withdraw/", withdraw_story, name="articles_withdraw")]


class WithdrawMenuItem(ActionMenuItem):
    """ "Withdraw story" in the editor's action menu, next to Unpublish, for those who may unpublish the story."""

    label = _("Withdraw story")
    name = "action-withdraw"
    icon_name = "warning"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, ArticlePage)
            and not context["locked_for_user"]
            and self.get_user_page_permissions_tester(context).can_unpublish()
        )

    def get_url(self, context):
        return reverse("articles_withdraw", args=(context["page"].pk,))


@hooks.register("register_page_action_menu_item")
def register_withdraw_menu_item():
    return WithdrawMenuItem(order=45)


class WithdrawButton(PageMenuItem):
    label = _("Withdraw story")
    icon_name = "warning"
    url_name = "articles_withdraw"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_unpublish()


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    """ "Withdraw story" in a story's "More" menu in the page explorer."""
    if page.specific_class is ArticlePage:
        yield WithdrawButton(page=page, next_url=next_url, priority=41)


class WithdrawalLogFormatter(LogFormatter):
    label = _("Withdraw story")

    def format_message(self, log_entry):
        """ "410 Gone: withdrawn, with a public note. <note>", as the editor chose it."""
        data = log_entry.data
        return f"{ArticlePage.Withdrawal(data['status']).label}. {data['note']}".strip()


@hooks.register("register_log_actions")
def register_withdrawal_log_action(actions):
    actions.register_action(WITHDRAW_ACTION)(WithdrawalLogFormatter)

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from redaksi.core.templatetags.core_tags import wib
from redaksi.sections.models import SectionPage

from .corrections import CORRECTION_ACTION
from .models import ArticlePage, Correction


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

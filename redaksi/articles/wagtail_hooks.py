from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from redaksi.sections.models import SectionPage

from .models import ArticlePage


@hooks.register("before_create_page")
def file_new_story_in_month_folder(request, parent_page, page_class):
    """ "Add story" on a section opens the editor in that section's current month folder."""
    if page_class is ArticlePage and isinstance(parent_page.specific, SectionPage):
        folder = parent_page.specific.archive_month(timezone.localtime())
        return redirect(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk)))
    return None

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.utils import get_user_display_name
from wagtail.blocks import StreamValue

from redaksi.core.wib import wib

# The submit button on a refused form that replaces the newer version; its value is that version's id.
REPLACE_NEWER = "replace_newer_revision"

STALE_SAVE = _(
    "%(user)s saved a newer version of this story on %(time)s, after you opened it. "
    "Nothing was saved or overwritten, and your changes are still in this form. "
    "Compare that version in a new tab, then choose “Replace it with my version” here "
    "if yours should win, or copy your changes into the newer version."
)


class ArticlePageForm(WagtailAdminPageForm):
    """The story form: refuses a save based on a version someone else has since replaced.

    Only a click on the refusal's own "replace" button, naming the newer version the editor was
    told about, overwrites it; a plain save, a publish or an autosave of the stale form never does.
    """

    refused_newer_revision = None

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("body") is not None:
            cleaned_data["body"] = without_empty_paragraphs(cleaned_data["body"])
        newer = self.newer_revision()
        if newer and self.data.get(REPLACE_NEWER) != str(newer.pk):
            self.refused_newer_revision = newer
            user = get_user_display_name(newer.user) or _("The system")
            raise ValidationError(STALE_SAVE, code="stale", params={"user": user, "time": wib(newer.created_at)})
        return cleaned_data

    def newer_revision(self):
        """The newest revision another user (or the system) saved after the one this form was loaded from.

        Wagtail sends the loaded revision with every edit form but checks it only for autosave requests.
        Revisions by the same user are the form's own autosaves.
        """
        if not self.instance.pk or "loaded_revision_id" not in self.data:
            return None
        revisions = self.instance.revisions.exclude(user=self.for_user).select_related("user")
        loaded_at = self.loaded_revision_created_at()
        if loaded_at:
            revisions = revisions.filter(created_at__gt=loaded_at)
        return revisions.order_by("-created_at").first()

    def loaded_revision_created_at(self):
        """When the loaded revision was saved, or None when the form was opened before the first revision."""
        try:
            return datetime.fromisoformat(self.data.get("loaded_revision_created_at", ""))
        except ValueError:
            loaded_id = self.data.get("loaded_revision_id", "")
            loaded = self.instance.revisions.filter(pk=loaded_id).first() if loaded_id.isdigit() else None
            return loaded and loaded.created_at


def without_empty_paragraphs(body):
    """The body without paragraph blocks that hold no text (the new story's first one, left untouched)."""
    kept = [
        (block.block_type, block.value, block.id)
        for block in body
        if block.block_type != "paragraph" or strip_tags(block.value.source).strip()
    ]
    return body if len(kept) == len(body) else StreamValue(body.stream_block, kept, is_lazy=False)

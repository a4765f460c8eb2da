"""Corrections and updates: their rows in the story form, and the audit trail, where each note is logged once."""

from datetime import UTC

from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.utils import ErrorDict
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

CORRECTION_ACTION = "redaksi.correction"


def log_new_corrections(article, revision, user):
    """Log each correction or update note of the live `article` that no earlier publication showed."""
    logged = PageLogEntry.objects.filter(page=article, action=CORRECTION_ACTION).values_list("data", flat=True)
    seen = {note_key(data) for data in logged}
    for correction in article.corrections.all():
        data = note_data(correction)
        if note_key(data) not in seen:
            log(article, CORRECTION_ACTION, user=user, data=data, revision=revision)


def note_data(correction):
    return {
        "kind": correction.kind,
        "noted_at": correction.noted_at.astimezone(UTC).isoformat(),
        "text": correction.text,
    }


def note_key(data):
    return data.get("kind"), data.get("noted_at"), data.get("text")


class CorrectionForm(WagtailAdminModelForm):
    """A correction row in the story form: "noted at" starts at now (shown in WIB); a row without text is no note.

    A row the editor added and left without text is skipped, neither checked nor saved, by a draft save, an
    autosave or a publish; a saved note whose text is emptied is removed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["noted_at"].initial = now_to_the_minute

    def full_clean(self):
        """A row without text is marked deleted, with no error: a new one is never saved, a saved one is removed."""
        super().full_clean()
        if self.is_bound and not self.submitted_text():
            self._errors = ErrorDict()
            self.cleaned_data = {**getattr(self, "cleaned_data", {}), DELETION_FIELD_NAME: True}

    def submitted_text(self):
        return self.data.get(self.add_prefix("text"), "").strip()


def now_to_the_minute():
    return timezone.now().replace(second=0, microsecond=0)


class CorrectionsPanel(InlinePanel):
    """The story's correction rows, with CorrectionForm for each row."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        deferred = formset["form"]._meta.defer_required_on_fields if "form" in formset else []
        formset["form"] = get_form_for_model(
            self.db_field.related_model, form_class=CorrectionForm, defer_required_on_fields=deferred
        )
        return options

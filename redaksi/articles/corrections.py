"""Corrections and updates in the audit trail: each note is logged once, when it first goes live."""

from datetime import UTC

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

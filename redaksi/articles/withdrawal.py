"""Withdrawing a story (Pencabutan Berita, Pedoman Pemberitaan Media Siber point 5): unpublish it and say why.

The editor chooses how the story's address answers: 410 Gone with a public note (the guideline's way), or
404 Not Found as if it never existed (e.g. a legal removal). A plain unpublish answers 404; publishing again
clears the withdrawal.
"""

from django import forms
from django.db import transaction
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.signals import page_published

from .models import ArticlePage

WITHDRAW_ACTION = "redaksi.withdraw"
NOTE_MAX_LENGTH = 2000
Withdrawal = ArticlePage.Withdrawal


class WithdrawForm(forms.Form):
    status = forms.ChoiceField(
        label=_("The story's address answers"),
        choices=Withdrawal.choices,
        initial=Withdrawal.GONE,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to readers"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the story was withdrawn. Shown to readers with 410 Gone; kept in the history with 404."),
    )

    def clean(self):
        """Require the public note when readers will see it."""
        cleaned = super().clean()
        if cleaned.get("status") == Withdrawal.GONE and not cleaned.get("note", "").strip():
            self.add_error("note", _("Tell readers why the story was withdrawn."))
        return cleaned


@transaction.atomic
def withdraw(story, user, status, note):
    """Unpublish `story` as `user`, recording how its address answers and why; log the withdrawal."""
    story.withdrawal, story.withdrawal_note, story.withdrawn_at = status, note.strip(), timezone.now()
    UnpublishPageAction(story, user=user).execute()
    log(story, WITHDRAW_ACTION, user=user, data={"status": status, "note": story.withdrawal_note})


@receiver(page_published, sender=ArticlePage)
def clear_withdrawal(sender, instance, **kwargs):
    """A story that goes live again is no longer withdrawn (Wagtail also signals a scheduled publication)."""
    if instance.live and (instance.withdrawal or instance.withdrawn_at):
        instance.withdrawal, instance.withdrawal_note, instance.withdrawn_at = "", "", None
        ArticlePage.objects.filter(pk=instance.pk).update(withdrawal="", withdrawal_note="", withdrawn_at=None)


def withdrawn_story_response(request, article_id):
    """Answer 410 with the public note for a story withdrawn as gone; raise Http404 for anything else."""
    story = (
        ArticlePage.objects.filter(pk=article_id, live=False, withdrawal=Withdrawal.GONE, published_at__isnull=False)
        .only("withdrawal_note", "withdrawn_at")
        .first()
    )
    if story is None:
        raise Http404
    context = {"note": story.withdrawal_note, "withdrawn_at": story.withdrawn_at}
    return render(request, "articles/withdrawn.html", context, status=410)

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class SearchSynonym(models.Model):
    """Words readers use for the same thing: "IHSG" = "indeks harga saham gabungan". Expanded at query time."""

    term = models.CharField(_("term"), max_length=100, unique=True, help_text=_('e.g. "IHSG" or "Rp".'))
    equivalents = models.TextField(
        _("equivalents"),
        help_text=_('One per line, e.g. "indeks harga saham gabungan". A search for any of them finds all.'),
    )

    panels = [FieldPanel("term"), FieldPanel("equivalents")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def texts(self):
        """The term and each equivalent."""
        return [self.term, *(line.strip() for line in self.equivalents.splitlines() if line.strip())]

    def clean(self):
        """Refuse a term or an equivalent made only of stopwords or punctuation: it could never match."""
        from .analysis import analyse

        for field, texts in (("term", [self.term]), ("equivalents", self.texts()[1:])):
            empty = [text for text in texts if not analyse(text)]
            if empty:
                message = _("“%(text)s” has no searchable word (only stopwords or punctuation).")
                raise ValidationError({field: message % {"text": empty[0]}})
        if len(self.texts()) < 2:
            raise ValidationError({"equivalents": _("Give at least one equivalent.")})


class StoryEntry(models.Model):
    """A live story in the reader search index: what searches filter and sort on, and its analysed text.

    `text` maps each part of the story to its terms, space-separated: the stemmed "title", "standfirst" and
    "body" (the reader index scores them together as one field) and the exact words "title_words" and
    "text_words". The local index is built from these rows, so rebuilding it never runs the (slow) stemmer again.
    """

    story = models.OneToOneField(
        "articles.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    section = models.ForeignKey("sections.SectionPage", on_delete=models.CASCADE, related_name="+", db_index=False)
    published_at = models.DateTimeField()
    text = models.JSONField(default=dict)

    def __str__(self):
        return f"{self.story_id} @ {self.published_at:%Y-%m-%d %H:%M}"


class IndexChange(models.Model):
    """One story entry written or removed, in order: what a reader index applies to follow the database.

    No foreign key: a removed story's change outlives it. The schedule worker prunes old changes.
    """

    id = models.BigAutoField(primary_key=True)
    story_id = models.IntegerField()
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"#{self.id}: story {self.story_id}"


@register_setting(icon="search")
class SearchSettings(BaseGenericSetting):
    """The ranking's one knob an editor turns: how much newer stories are favoured among equal matches."""

    recency_weight = models.FloatField(
        _("recency weight"),
        default=0.1,
        validators=[MinValueValidator(0), MaxValueValidator(2)],
        help_text=_(
            "How much a story published today gains over an old one that matches the words as well: 0.1 is a "
            "tie-breaker (10%), 1 doubles today's stories, 0 orders by the words only. The gain halves every week."
        ),
    )

    panels = [FieldPanel("recency_weight")]

    class Meta:
        verbose_name = _("search settings")

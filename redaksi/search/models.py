from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


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
    """A live story in the reader search index, with what searches filter and sort on.

    The matching text lives beside it per database: a weighted tsvector column `document` with a GIN index
    on PostgreSQL, the FTS5 table `search_storytext` (rowid = story id) on SQLite (migration 0002).
    """

    story = models.OneToOneField(
        "articles.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    section = models.ForeignKey("sections.SectionPage", on_delete=models.CASCADE, related_name="+", db_index=False)
    published_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["published_at", "story"], name="search_entry_time_idx"),
            models.Index(fields=["section", "published_at", "story"], name="search_entry_section_time_idx"),
        ]

    def __str__(self):
        return f"{self.story_id} @ {self.published_at:%Y-%m-%d %H:%M}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyReads(models.Model):
    """How many times readers opened one story within one clock hour: the ground truth of "Terpopuler"."""

    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(_("hour"))
    reads = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("hourly reads")
        verbose_name_plural = _("hourly reads")
        constraints = [models.UniqueConstraint(fields=["article", "hour"], name="one_count_per_story_and_hour")]
        indexes = [models.Index(fields=["hour"], name="readership_hour_idx")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}: {self.reads}"

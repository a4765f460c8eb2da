from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A newsroom account; the byline identity lives on people.Person, linked by Person.user."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class ScheduleHeartbeat(models.Model):
    """When the schedule worker last finished a pass: one row, written by the worker, read by the alarms."""

    worker = models.CharField(_("worker"), max_length=255, help_text=_("Host and process id of the worker."))
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("schedule heartbeat")

    def __str__(self):
        return f"{self.worker} @ {self.last_seen.isoformat()}"

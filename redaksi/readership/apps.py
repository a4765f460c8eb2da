from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadershipConfig(AppConfig):
    name = "redaksi.readership"
    label = "readership"
    verbose_name = _("Readership")

    def ready(self):
        from . import signals  # noqa: F401

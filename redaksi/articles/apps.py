from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "redaksi.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from . import old_urls, signals, withdrawal  # noqa: F401

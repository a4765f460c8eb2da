from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "redaksi.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from redaksi.sections.models import SectionPage

        from .signals import set_up_desk_for_section

        post_save.connect(set_up_desk_for_section, sender=SectionPage, dispatch_uid="newsroom_set_up_desk")

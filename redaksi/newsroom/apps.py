from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "redaksi.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from wagtail.models import TaskState

        from redaksi.sections.models import SectionPage

        from .scheduling import refuse_unapplied_past_go_live
        from .signals import set_up_desk_for_section

        post_save.connect(set_up_desk_for_section, sender=SectionPage, dispatch_uid="newsroom_set_up_desk")
        pre_save.connect(refuse_unapplied_past_go_live, sender=TaskState, dispatch_uid="newsroom_past_go_live")

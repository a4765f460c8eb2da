from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_login_failed
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
        from .security import log_login, log_login_failure
        from .signals import set_up_desk_for_section

        user_logged_in.connect(log_login, dispatch_uid="newsroom_audit_login")
        user_login_failed.connect(log_login_failure, dispatch_uid="newsroom_audit_login_failed")
        post_save.connect(set_up_desk_for_section, sender=SectionPage, dispatch_uid="newsroom_set_up_desk")
        pre_save.connect(refuse_unapplied_past_go_live, sender=TaskState, dispatch_uid="newsroom_past_go_live")

"""Sign-in defences around django-axes: the lockout page, the audit trail of sign-ins, the admin's attempt list.

Axes counts and locks (settings: AXES_*); this module only shows what it did, to the person locked out in
Indonesian and to the site administrators in the admin, and writes every sign-in to Wagtail's audit log.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .two_factor import RESET

LOGIN_SUCCEEDED = "redaksi.login"
LOGIN_FAILED = "redaksi.login_failed"
ADMIN_PERMISSION = "newsroom.change_user"  # who manages accounts may see and lift lockouts: Admin and superusers


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's sign-in page with the lockout message, status 429 (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "newsroom/lockout.html", {"cooloff_minutes": minutes}, status=429)


def register_log_actions(actions):
    actions.register_action(LOGIN_SUCCEEDED, _("Admin sign-in"), _("Signed in to the admin"))
    actions.register_action(LOGIN_FAILED, _("Failed admin sign-in"), _("Failed admin sign-in"))
    actions.register_action(RESET, _("Two-step sign-in reset"), _("Authenticator app and recovery codes removed"))


def log_login(sender, request, user, **kwargs):
    """Audit a successful sign-in, with the address axes saw (user_logged_in)."""
    log(user, LOGIN_SUCCEEDED, user=user, data={"ip_address": getattr(request, "axes_ip_address", None)})


def log_login_failure(sender, credentials, request=None, **kwargs):
    """Audit a failed sign-in on an existing account (user_login_failed); unknown names stay in axes' list only."""
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: credentials.get("username", "")}).first()
    if user is not None:
        log(user, LOGIN_FAILED, data={"ip_address": getattr(request, "axes_ip_address", None)})


class AccountAdminPolicy(ModelPermissionPolicy):
    """Viewing the attempts follows the right to manage users; changing them is the unlock command's job."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(ADMIN_PERMISSION)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, AccountAdminPolicy(AccessAttempt))


class AccessAttemptViewSet(ModelViewSet):
    """Failed sign-ins axes counts, newest first: who, from where, how many; read-only."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in attempts")
    add_to_settings_menu = True
    url_prefix = "security/attempts"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    form_fields = ["username"]  # required by the viewset; the policy refuses every view but the list


access_attempt_viewset = AccessAttemptViewSet("access_attempts")

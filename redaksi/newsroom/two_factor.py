"""Two-step sign-in (TOTP with django-otp) for everyone who can publish, manage users or change site settings.

After the password, such a user without a confirmed authenticator app is sent to set one up (QR code,
secret, a code to confirm, then ten one-time recovery codes shown once); with one, to enter a code.
Reporters and photographers are not forced but may enrol from the same page.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from . import roles

ENFORCED_ROLES = (roles.REDAKTUR, roles.REDAKTUR_PELAKSANA, roles.PEMIMPIN_REDAKSI, roles.ADMIN)
RECOVERY_CODES = 10
RESET = "redaksi.two_factor_reset"  # audit action: an administrator removed the user's app and recovery codes
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "newsroom_two_factor_setup",
    "newsroom_two_factor_verify",
)


def requires_two_factor(user):
    """Publishers (Redaktur and up), account and settings managers, superusers."""
    return user.is_superuser or user.groups.filter(name__in=ENFORCED_ROLES).exists()


class TwoFactorMiddleware:
    """Send an unverified session of a user who needs a second step from any admin page to set-up or verify."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        user = request.user
        admin = reverse("wagtailadmin_home")
        if not (request.path.startswith(admin) and user.is_authenticated and not user.is_verified()):
            return None
        if not settings.REDAKSI_REQUIRE_2FA or request.path in open_paths():
            return None
        enrolled = user_has_device(user)  # a reporter who enrolled is asked for codes too
        if not (enrolled or requires_two_factor(user)):
            return None
        name = "newsroom_two_factor_verify" if enrolled else "newsroom_two_factor_setup"
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def open_paths():
    return {reverse(name) for name in OPEN_URL_NAMES}


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def qr_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False)


@never_cache
def setup(request):
    """Show the QR code and secret of a pending authenticator; a right code confirms it and shows recovery codes."""
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('newsroom_two_factor_verify')}?{urlencode({'next': next_url(request)})}")
    TOTPDevice.objects.filter(user=request.user, confirmed=False).exclude(name="pending").delete()
    device, _created = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False, name="pending")
    error = ""
    if request.method == "POST":
        if device.verify_token(request.POST.get("token", "").strip()):
            return confirm(request, device)
        error = _("That code is not right. Check the time on your phone and try the newest code.")
    context = {"qr": qr_svg(device), "secret": b32encode(device.bin_key).decode(), "error": error}
    return render(request, "newsroom/two_factor_setup.html", {**context, "next": next_url(request)})


def confirm(request, device):
    """Keep the confirmed app as the only one, replace the recovery codes, and verify this session."""
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    device.name, device.confirmed = "authenticator", True
    device.save()
    otp_login(request, device)
    codes = new_recovery_codes(request.user)
    return render(request, "newsroom/two_factor_recovery.html", {"codes": codes, "next": next_url(request)})


def new_recovery_codes(user):
    """Ten one-time codes; any earlier ones stop working."""
    static, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    static.token_set.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


@never_cache
def verify(request):
    """Ask for a code from the app or a recovery code (each recovery code works once)."""
    error = ""
    if request.method == "POST":
        device = match_token(request.user, request.POST.get("token", "").strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        error = _("That code is not right. Enter the newest code from your app, or a recovery code.")
    return render(request, "newsroom/two_factor_verify.html", {"error": error, "next": next_url(request)})


@transaction.atomic
def reset(user):
    """Remove the user's authenticator apps and recovery codes, and audit it; return (apps, recovery codes) removed.

    Their sessions lose their verification with the devices: enforced roles set up a new app at their next admin
    page, anyone else may enrol again.
    """
    apps = TOTPDevice.objects.filter(user=user, confirmed=True).count()
    codes = StaticToken.objects.filter(device__user=user).count()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()  # its tokens go with it
    log(user, RESET, data={"apps": apps, "recovery_codes": codes})
    return apps, codes

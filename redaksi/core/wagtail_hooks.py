from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def phone_admin_css():
    """Make the admin a filing tool on a phone: no sideways scroll, side panels above the form, not over it."""
    return format_html('<link rel="stylesheet" href="{}">', static("redaksi/admin/phone.css"))


@hooks.register("insert_global_admin_js")
def phone_admin_js():
    """Bring an opened side panel into view on a phone (it opens at the top of the page, above the form)."""
    return format_html('<script src="{}" defer></script>', static("redaksi/admin/phone.js"))

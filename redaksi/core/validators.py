"""Addresses editors type: only web links, this site's paths and anchors can reach a reader's page."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

validate_web_url = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address that starts with http:// or https://.")
)


def validate_link(value):
    """A web address, a path on this site ("/indeks/") or an anchor ("#sosial-media"); nothing a browser runs.

    "//host" and "/\\host" are other sites to a browser, and control characters or spaces hide schemes.
    """
    if not is_safe_link(value):
        raise ValidationError(
            _('Enter a web address (https://…), a path on this site ("/indeks/") or an anchor ("#sosial-media").'),
            code="unsafe_link",
        )


def is_safe_link(value):
    if any(char.isspace() or ord(char) < 32 or char == "\\" for char in value):
        return False
    if value.startswith("#") or (value.startswith("/") and not value.startswith("//")):
        return True
    try:
        validate_web_url(value)
    except ValidationError:
        return False
    return True

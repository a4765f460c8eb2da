"""The demo's admin account."""

from django.contrib.auth import get_user_model

USERNAME = "admin"
DEFAULT_PASSWORD = "redaksi-demo"  # noqa: S105 - documented demo password, overridable by REDAKSI_DEMO_PASSWORD


def ensure_admin(password):
    """Create the superuser once; return the password only when it is the one the account has.

    An existing account keeps its password: we never reset it behind its owner's back.
    """
    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.com"}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        return password
    return password if user.check_password(password) else None

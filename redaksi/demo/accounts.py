"""The demo's accounts: the admin, and a reporter and a desk editor to try the review workflow with."""

from django.contrib.auth import get_user_model

from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user
from redaksi.people.models import Person

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


# (username, byline slug, role, desks): fictional demo people from people.py.
NEWSROOM = [
    ("wartawan", "dimas-prasetyo", roles.WARTAWAN, ("news", "ekbis")),
    ("redaktur", "ratna-anggraini", roles.REDAKTUR, ("news", "ekbis", "kabar-finansial")),
]


def ensure_newsroom_accounts(password):
    """Create the demo reporter and desk editor once, linked to their bylines; return (username, role, desks)."""
    for username, slug, role, desks in NEWSROOM:
        if not get_user_model().objects.filter(username=username).exists():
            person = Person.objects.get(slug=slug)
            create_newsroom_user(username, person.name, f"{username}@example.com", password, person_slug=slug)
            assign_role(username, role, desks)
    return [(username, role, desks) for username, _slug, role, desks in NEWSROOM]

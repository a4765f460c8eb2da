"""Two desks (News is the staff's own, EkBis another) and newsroom staff made the way the commands make them."""

import pytest

from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import UserFactory


@pytest.fixture
def ekbis(home):
    return SectionPageFactory(title="EkBis", slug="ekbis")


@pytest.fixture
def staff(news, ekbis):
    """Make an account in a role; desk roles work on News only, unless told otherwise."""

    def make(role, username=None, desks=("news",)):
        user = UserFactory(username=username or role.lower().replace(" ", "."))
        assign_role(user.username, role, desks if role in roles.DESK_ROLES else ())
        return user

    return make

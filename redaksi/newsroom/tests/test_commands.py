"""assign_role and create_newsroom_user: good input does the job once; junk input is refused by name."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from redaksi.newsroom import roles
from redaksi.people.models import Person
from redaksi.people.tests.factories import PersonFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def group_names(user):
    return sorted(user.groups.values_list("name", flat=True))


def test_assign_role_puts_a_reporter_in_the_role_and_desks(news, ekbis):
    user = UserFactory(username="rina")
    output = run("assign_role", "rina", "Wartawan", "--desk", "news", "--desk", "ekbis")
    assert group_names(user) == ["Wartawan", "Wartawan · EkBis", "Wartawan · News"]
    assert "Wartawan · News" in output


def test_assign_role_is_idempotent(news):
    user = UserFactory(username="budi")
    run("assign_role", "budi", "Redaktur", "--desk", "news")
    output = run("assign_role", "budi", "Redaktur", "--desk", "news", "--desk", "news")
    assert group_names(user) == ["Redaktur", "Redaktur · News"]
    assert output == "Nothing to do: budi already is Redaktur in news.\n"


def test_assign_role_gives_an_all_desk_role_without_desks(news):
    user = UserFactory(username="sari")
    run("assign_role", "sari", "Redaktur Pelaksana")
    assert group_names(user) == ["Redaktur Pelaksana"]


@pytest.mark.parametrize(
    "args, message",
    [
        (("nobody", "Wartawan", "--desk", "news"), "'nobody'"),
        (("rina", "Editor", "--desk", "news"), "'Editor'"),
        (("rina", "wartawan", "--desk", "news"), "'wartawan'"),
        (("rina", "Wartawan", "--desk", "olahraga"), "'olahraga'"),
        (("rina", "Wartawan", "--desk", "news", "--desk", "olahraga"), "'olahraga'"),
        (("rina", "Redaktur"), "--desk"),
        (("rina", "Fotografer", "--desk", "news"), "drop --desk"),
        (("rina", "Wartawan", "--desk", "2024-01"), "'2024-01'"),
    ],
)
def test_assign_role_refuses_junk_and_changes_nothing(args, message, news):
    user = UserFactory(username="rina")
    with pytest.raises(CommandError, match=message):
        run("assign_role", *args)
    assert group_names(user) == []


def test_create_newsroom_user_makes_an_account_with_its_byline_and_a_one_time_password():
    output = run("create_newsroom_user", "rina", "--name", "Rina Kusuma Dewi", "--email", "rina@example.com")
    user = get_user_model().objects.get(username="rina")
    assert (user.first_name, user.last_name, user.email) == ("Rina Kusuma", "Dewi", "rina@example.com")
    assert user.person == Person.objects.get(slug="rina-kusuma-dewi", name="Rina Kusuma Dewi")
    password = output.split("One-time password (shown once, ask them to change it): ")[1].split()[0]
    assert user.check_password(password)


def test_create_newsroom_user_takes_a_password_and_links_an_existing_byline():
    byline = PersonFactory(name="Budi", slug="budi")
    args = ["budi", "--name", "Budi", "--email", "budi@example.com", "--password", "Kopi-tubruk-2026"]
    output = run("create_newsroom_user", *args, "--person", "budi")
    user = get_user_model().objects.get(username="budi")
    assert user.check_password("Kopi-tubruk-2026") and "password" not in output.lower()
    assert (user.first_name, user.last_name) == ("Budi", "")
    byline.refresh_from_db()
    assert byline.user == user and Person.objects.count() == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (("taken", "--name", "Rina Kusuma", "--email", "rina@example.com"), "'taken' already exists"),
        (("rina", "--name", "Rina Kusuma", "--email", "not-an-email"), "'not-an-email'"),
        (
            ("rina", "--name", "Rina Kusuma", "--email", "r@example.com", "--password", "123"),
            "8 ",
        ),  # at least 8 characters
        (("rina", "--name", "Rina Kusuma", "--email", "r@example.com", "--person", "nobody"), "'nobody'"),
        (("rina", "--name", "Ada", "--email", "r@example.com", "--person", "ada"), "already has the account"),
        (("rina", "--name", "Ada", "--email", "r@example.com"), "pass --person ada"),
        (("rina", "--name", "!!!", "--email", "r@example.com"), "'!!!'"),
    ],
)
def test_create_newsroom_user_refuses_junk_and_creates_nothing(args, message):
    UserFactory(username="taken")
    PersonFactory(name="Ada", slug="ada", user=UserFactory(username="ada"))
    with pytest.raises(CommandError, match=message):
        run("create_newsroom_user", *args)
    assert not get_user_model().objects.filter(username="rina").exists()
    assert Person.objects.count() == 1


def test_every_role_can_be_assigned(news):
    for role in roles.ROLES:
        user = UserFactory()
        run("assign_role", user.username, role, *(("--desk", "news") if role in roles.DESK_ROLES else ()))
        assert role in group_names(user)

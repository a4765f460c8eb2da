"""Newsroom accounts: create a user with its byline, put a user in a role and desks."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify

from redaksi.people.models import Person
from redaksi.sections.models import SectionPage

from . import roles


class NewsroomError(Exception):
    """A request the newsroom cannot carry out; the message names what is wrong."""


@transaction.atomic
def assign_role(username, role, desk_slugs=()):
    """Put a user in a role and, for desk roles, in those desks' groups; return the groups newly joined."""
    user = get_user(username)
    groups = role_groups(role, desk_slugs)
    joined = [group for group in groups if not user.groups.filter(pk=group.pk).exists()]
    user.groups.add(*joined)
    return joined


def get_user(username):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise NewsroomError(f"No user {username!r}.") from None


def role_groups(role, desk_slugs=()):
    """The role group, then one desk group per section slug; refuse what does not fit the role."""
    if role not in roles.ROLES:
        raise NewsroomError(f"No role {role!r}; roles are: {', '.join(roles.ROLES)}.")
    if role in roles.DESK_ROLES and not desk_slugs:
        raise NewsroomError(f"{role} works in desks: name at least one with --desk.")
    if role not in roles.DESK_ROLES and desk_slugs:
        raise NewsroomError(f"{role} covers every desk: drop --desk.")
    group = Group.objects.filter(name=role).first()
    if group is None:
        raise NewsroomError(f"No group {role!r}: run migrate.")
    return [group, *(desk_group(get_desk(slug), role) for slug in dict.fromkeys(desk_slugs))]


def get_desk(slug):
    sections = list(SectionPage.objects.filter(slug=slug)[:2])
    if not sections:
        raise NewsroomError(f"No desk (section) with slug {slug!r}.")
    if len(sections) > 1:
        raise NewsroomError(f"More than one section has the slug {slug!r}.")
    return sections[0]


def desk_group(section, role):
    group = roles.desk_group(section, role)
    if group is None:
        raise NewsroomError(f"Desk {section.slug!r} has no {role} group: save the section once to create it.")
    return group


@transaction.atomic
def create_newsroom_user(username, name, email, password=None, person_slug=None):
    """Create an account and link it to its byline (a new Person, or `person_slug`); return user, person, password.

    The password is returned only when it was generated, so the caller can hand it over once.
    """
    if get_user_model().objects.filter(username=username).exists():
        raise NewsroomError(f"User {username!r} already exists.")
    try:
        validate_email(email)
    except ValidationError:
        raise NewsroomError(f"Not an email address: {email!r}.") from None
    person = byline_for(name, email, person_slug)
    user = get_user_model()(username=username, email=email, **split_name(name))
    generated = None if password else secrets.token_urlsafe(12)
    set_password(user, password or generated)
    user.save()
    person.user = user
    person.save()
    return user, person, generated


def byline_for(name, email, person_slug=None):
    """The existing byline `person_slug` when it has no account yet, else a new unsaved Person."""
    if person_slug:
        person = Person.objects.filter(slug=person_slug).first()
        if person is None:
            raise NewsroomError(f"No person with slug {person_slug!r}.")
        if person.user_id:
            raise NewsroomError(f"Person {person_slug!r} already has the account {person.user.get_username()!r}.")
        return person
    slug = slugify(name)
    if not slug:
        raise NewsroomError(f"Cannot make a slug from the name {name!r}.")
    if Person.objects.filter(slug=slug).exists():
        raise NewsroomError(f"A person {slug!r} already exists: pass --person {slug} to link that byline.")
    return Person(name=name, slug=slug, email=email)


def split_name(name):
    """Wagtail's first/last name from a full name; a single name (common in Indonesia) is a first name."""
    *given, family = name.split() or [""]
    return {"first_name": " ".join(given) or family, "last_name": family if given else ""}


def set_password(user, password):
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise NewsroomError(" ".join(error.messages)) from None
    user.set_password(password)

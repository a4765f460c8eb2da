"""Authors become people; categories become tags or sections by the run's mapping; tags become tags."""

from urllib.parse import unquote

from django.utils.text import slugify

from redaksi.pages.models import HomePage
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage, Tag

TAG_LENGTH = Tag._meta.get_field("name").max_length
EMAIL_LENGTH = Person._meta.get_field("email").max_length


def import_author(step, ledger):
    """Create or update the person for a WordPress login; a person with the login's slug is reused."""
    author = step.record
    name = author.display_name or f"{author.first_name} {author.last_name}".strip() or author.login
    person = ledger.get("author", step.external_id, Person)
    if person is None:
        slug = slugify(author.login) or slugify(name, allow_unicode=True) or f"wp-{author.id or 'author'}"
        person, _created = Person.objects.get_or_create(slug=slug[:255], defaults={"name": name[:255]})
    person.name = name[:255]
    if "@" in author.email and len(author.email) <= EMAIL_LENGTH:
        person.email = author.email
    person.save()
    ledger.remember(step, person)
    return person


def category_target(plan, slug, seen=()):
    """Return ("section", slug) or ("tag", None) for a category: its own mapping, else its nearest parent's."""
    mapping = plan.options.categories
    if slug in mapping:
        kind, _, section = mapping[slug].partition(":")
        return (kind, section or None)
    term = plan.categories.get(slug)
    if term and term.parent and term.parent not in seen:
        return category_target(plan, term.parent, (*seen, slug))
    return ("tag", None)


def import_term(plan, step, ledger):
    """Make the tag for a tag or a category mapped to tags, the section for a category mapped to one."""
    term = step.record
    kind, section_slug = category_target(plan, term.slug) if term.taxonomy == "category" else ("tag", None)
    if kind == "section":
        section = section_for(section_slug, term.name)
        ledger.remember(step, section)
        return section
    tag = tag_for(term.slug, term.name)
    if term.description and not tag.description:
        tag.description = term.description
        tag.save(update_fields=["description"])
    ledger.remember(step, tag)
    return tag


def tag_for(slug, name):
    """Return the tag with this slug, creating it; a name another tag has gets the slug added ("Foo (foo-bar)")."""
    slug = slugify(unquote(slug), allow_unicode=True)[:TAG_LENGTH] or slugify(name, allow_unicode=True)[:TAG_LENGTH]
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        name = (name or slug)[:TAG_LENGTH]
        if Tag.objects.filter(name=name).exists():
            name = f"{name} ({slug})"[:TAG_LENGTH]
        tag = Tag.objects.create(slug=slug, name=name)
    return tag


def section_for(slug, title):
    """Return the section with `slug`, adding it under the home page when the newsroom has none by that slug."""
    section = SectionPage.objects.filter(slug=slug).first()
    if section is None:
        home = HomePage.objects.get()
        section = home.add_child(instance=SectionPage(title=title[:255] or slug, slug=slug))
        section.save_revision().publish()
    return section

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from redaksi.pages.models import HomePage
from redaksi.sections.models import SectionPage, Tag


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    parent = factory.LazyFunction(HomePage.objects.get)
    title = factory.Sequence(lambda n: f"Rubrik {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topik {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

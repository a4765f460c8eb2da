import factory
from factory.django import DjangoModelFactory

from redaksi.people.models import Person


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Wartawan {n}")
    slug = factory.Sequence(lambda n: f"wartawan-{n}")
    role = Person.Role.REPORTER

    class Params:
        editor = factory.Trait(
            role=Person.Role.EDITOR,
            name=factory.Sequence(lambda n: f"Redaktur {n}"),
            slug=factory.Sequence(lambda n: f"redaktur-{n}"),
        )

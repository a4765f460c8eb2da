import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staf{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@redaksi.example")
    first_name = factory.LazyAttribute(lambda o: o.username.capitalize())
    last_name = "Redaksi"
    password = factory.django.Password("kata-sandi-uji")

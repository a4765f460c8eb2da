from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A newsroom account; the byline identity lives on people.Person, linked by Person.user."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

from io import StringIO

import pytest
from django.core.management import call_command

from redaksi.conftest import module_transaction

STORIES = 12


def load_demo(*args):
    """Run load_demo with a small corpus and return what it printed."""
    out = StringIO()
    call_command("load_demo", "--stories", str(STORIES), *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once per test module (it takes seconds) and roll it back after the module."""
    with module_transaction(django_db_blocker):
        yield load_demo()


@pytest.fixture
def loaded(demo_output, db):
    """The demo loaded with 12 corpus stories; the command's output. Each test's changes are rolled back."""
    return demo_output

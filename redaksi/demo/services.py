"""load_demo: the Warta Ekonomi demo outlet, built idempotently from data in this package."""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Revision

from redaksi.core.models import MenuItem
from redaksi.ingest.models import WireItem
from redaksi.media.models import Photo, Video
from redaksi.people.models import Person
from redaksi.sections.models import Tag

from .accounts import USERNAME, ensure_admin, ensure_newsroom_accounts
from .front import load_front
from .people import load_people
from .reads import load_reads
from .seed import DATA_FILES, import_seed
from .site import load_site
from .stories import SUBSET, Newsroom, load_stories
from .videos import load_videos
from .vocabulary import load_tags
from .wire import load_wire

COUNTED = {
    "pages": Page,
    "revisions": Revision,
    "people": Person,
    "tags": Tag,
    "videos": Video,
    "photos": Photo,
    "menu items": MenuItem,
    "wire items": WireItem,
}


class DemoDataMissing(FileNotFoundError):
    """A data file the demo is built from is not in the package."""


@dataclass
class DemoResult:
    created: dict
    admin_url: str
    username: str
    password: str | None  # None: the account existed with another password, left unchanged
    seed_url: str
    newsroom_accounts: list  # (username, role, desk slugs) to try the review workflow with


def row_counts():
    """Rows per kind of demo content, to report what a run created."""
    return {label: model.objects.count() for label, model in COUNTED.items()}


def check_data_files():
    missing = [str(path) for path in (SUBSET, *DATA_FILES) if not path.is_file()]
    if missing:
        raise DemoDataMissing(f"Demo data file(s) missing: {', '.join(missing)}")


def public_url(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def load_demo(stories, password, stdout=None):
    """Load every piece of the demo that is not there yet, all or nothing."""
    check_data_files()
    with transaction.atomic():
        return build_demo(stories, password, stdout)


def build_demo(stories, password, stdout):
    before = row_counts()
    newsroom = Newsroom(sections=load_site(), people=load_people(), tags=load_tags())
    load_videos()
    load_stories(newsroom, stories)
    seed_story = import_seed(stdout)
    load_front(headline=seed_story)
    load_reads()
    load_wire()
    shown_password = ensure_admin(password)
    newsroom_accounts = ensure_newsroom_accounts(password)
    after = row_counts()
    return DemoResult(
        created={label: after[label] - before[label] for label in COUNTED},
        admin_url=public_url(reverse("wagtailadmin_home")),
        username=USERNAME,
        password=shown_password,
        seed_url=public_url(seed_story.url),
        newsroom_accounts=newsroom_accounts,
    )

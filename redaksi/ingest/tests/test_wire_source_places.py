"""Where a wire source may point: folders inside WIRE_FOLDER_ROOT, http(s) addresses that are not inside IPs."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ..models import WireItem, WireSource
from ..wire import poll
from .wiredata import drop, ninjs_item

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)


@pytest.fixture
def outside(tmp_path_factory):
    """A folder outside the root, holding a good wire file: read, it would fill the queue."""
    folder = tmp_path_factory.mktemp("outside")
    drop(folder, "1.json", ninjs_item("urn:outside"))
    return folder


@pytest.fixture
def escape(wire_folder_root, outside):
    """A symbolic link inside the root that points out of it."""
    link = wire_folder_root / "antara"
    link.symlink_to(outside, target_is_directory=True)
    return link


def source(**place):
    return WireSource(name="Antara", agency="Antara", format="ninjs", **place)


def refusal(**place):
    with pytest.raises(ValidationError) as caught:
        source(**place).full_clean()
    return caught.value.message_dict


def test_a_folder_inside_the_root_is_accepted_by_path_or_by_name(wire_folder_root):
    (wire_folder_root / "antara").mkdir()
    source(folder=str(wire_folder_root / "antara")).full_clean()
    source(folder="antara").full_clean()


@pytest.mark.parametrize("folder", ["/etc", "..", "antara/../..", "/", "a\0b"])
def test_a_folder_outside_the_root_is_refused_on_save(folder, wire_folder_root):
    assert refusal(folder=folder) == {"folder": [f"Folder tidak diizinkan: hanya folder di dalam {wire_folder_root}."]}


def test_a_link_out_of_the_root_is_refused_on_save(escape):
    assert "folder" in refusal(folder=str(escape))
    assert "folder" in refusal(folder="antara")


@pytest.mark.parametrize("folder", ["outside", "escape"])
def test_a_saved_folder_outside_the_root_is_not_read_when_polled(folder, request):
    """Sources saved before the rule (or by a script) are refused too."""
    path = request.getfixturevalue(folder)
    wire_source = WireSource.objects.create(name="Antara", agency="Antara", format="ninjs", folder=str(path))
    poll(wire_source, NOW)
    wire_source.refresh_from_db()
    assert (wire_source.last_error, WireItem.objects.count()) == ("Folder tidak diizinkan", 0)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://kawat.example/feed.xml",
        "file:///etc/passwd",
        "http://127.0.0.1:6379/",
        "http://10.1.2.3/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
    ],
)
def test_other_schemes_and_inside_addresses_are_refused_on_save(url):
    assert "url" in refusal(url=url)


def test_a_public_address_is_accepted_on_save():
    source(url="https://kawat.example/ninjs?since=1").full_clean()


def test_the_admin_form_refuses_a_folder_outside_the_root(admin_client):
    data = {"name": "Antara", "agency": "Antara", "format": "ninjs", "url": "", "folder": "/etc"}
    data |= {"language": "id", "enabled": "on", "poll_interval": "300"}
    response = admin_client.post(reverse("wire_sources:add"), data)
    assert response.status_code == 200 and not WireSource.objects.exists()
    assert "Folder tidak diizinkan" in response.content.decode()

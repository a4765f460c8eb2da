"""The video hub under the home page."""

import pytest

from redaksi.media.models import VideoIndexPage


@pytest.fixture
def hub(home):
    return home.add_child(instance=VideoIndexPage(title="Video", slug="video"))

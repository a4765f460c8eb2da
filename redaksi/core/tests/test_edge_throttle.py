"""A bound on each client's fetches from the app: past it the edge answers 429, other clients are served."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.tests.edge_client import fetch

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
BURST = 60  # hardening.vcl: a burst of 60 fetches, then 6 a second


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, title="Harga beras naik lagi", slug="harga-beras-naik")


def test_past_the_bound_one_client_gets_429_while_another_is_served(edge, story):
    fetch(edge, story.url, from_address="127.0.0.2")  # cached before the flood
    answers = [fetch(edge, f"/tidak-ada-{n}/", from_address="127.0.0.2") for n in range(BURST + 40)]
    refused = [answer for answer in answers if answer.status == 429]
    assert len(refused) >= 10
    assert {answer.status for answer in answers[: BURST - 1]} == {404}
    assert (refused[0].headers["retry-after"], refused[0].headers["cache-control"]) == ("1", "no-store")
    assert fetch(edge, story.url, from_address="127.0.0.2").cache == "HIT"  # cached pages still served
    other = fetch(edge, "/news/", from_address="127.0.0.3")
    assert (other.status, other.cache) == (200, "MISS")

"""Redaksi, the masthead: intro, positions in order with their people linked, then the address."""

import pytest
from bs4 import BeautifulSoup

from redaksi.pages.models import MastheadEntry, MastheadPage
from redaksi.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def masthead(home):
    return home.add_child(
        instance=MastheadPage(
            title="Redaksi",
            slug="redaksi",
            intro="<p>Susunan redaksi kami.</p>",
            address="<p>Jalan Contoh No. 1, Jakarta</p>",
        )
    )


def add_entries(masthead, *rows):
    for order, (position, slug) in enumerate(rows):
        person = PersonFactory(name=slug.replace("-", " ").title(), slug=slug)
        MastheadEntry.objects.create(page=masthead, position=position, person=person, sort_order=order)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_masthead_groups_people_by_position_in_order(client, masthead):
    add_entries(
        masthead,
        ("Pemimpin Redaksi", "ratna-anggraini"),
        ("Redaktur", "yoga-pratama"),
        ("Redaktur", "lestari-handayani"),
        ("Wartawan", "dimas-prasetyo"),
    )
    soup = soup_of(client, "/redaksi/")
    groups = [
        (entry.dt.get_text(), [(a.get_text(), a["href"]) for a in entry.select("dd a")])
        for entry in soup.select(".masthead-list .masthead-entry")
    ]
    assert groups == [
        ("Pemimpin Redaksi", [("Ratna Anggraini", "/profil/ratna-anggraini/")]),
        ("Redaktur", [("Yoga Pratama", "/profil/yoga-pratama/"), ("Lestari Handayani", "/profil/lestari-handayani/")]),
        ("Wartawan", [("Dimas Prasetyo", "/profil/dimas-prasetyo/")]),
    ]


def test_masthead_shows_intro_first_and_address_last(client, masthead):
    add_entries(masthead, ("Pemimpin Redaksi", "ratna-anggraini"))
    soup = soup_of(client, "/redaksi/")
    parts = soup.select_one(".masthead").find_all(["h1", "div", "dl"], recursive=False)
    assert [part.name for part in parts] == ["h1", "div", "dl", "div"]
    assert parts[1].get_text() == "Susunan redaksi kami."
    assert parts[3].get_text() == "Jalan Contoh No. 1, Jakarta"


def test_masthead_without_entries_leaves_the_list_out(client, masthead):
    soup = soup_of(client, "/redaksi/")
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Redaksi"]
    assert not soup.select(".masthead-list")

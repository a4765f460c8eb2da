"""The footer lists the live static pages and the masthead, in tree order, on every page."""

import pytest
from bs4 import BeautifulSoup

from redaksi.pages.models import MastheadPage, StandardPage

pytestmark = pytest.mark.django_db


def add_page(home, page, live=True):
    home.add_child(instance=page)
    if not live:
        page.unpublish()
    return page


def footer_links(client):
    footer = BeautifulSoup(client.get("/").content, "html.parser").select_one(".site-footer .footer-links")
    return [(link.get_text(), link["href"]) for link in footer.select("a")] if footer else []


def test_footer_links_live_static_pages_in_tree_order(client, home):
    add_page(home, StandardPage(title="Tentang Kami", slug="tentang-kami", body="<p>Tentang.</p>"))
    add_page(home, MastheadPage(title="Redaksi", slug="redaksi"))
    add_page(home, StandardPage(title="Kontak", slug="kontak", body="<p>Kontak.</p>"))
    assert footer_links(client) == [
        ("Tentang Kami", "/tentang-kami/"),
        ("Redaksi", "/redaksi/"),
        ("Kontak", "/kontak/"),
    ]


def test_footer_leaves_out_unpublished_pages(client, home):
    add_page(home, StandardPage(title="Kontak", slug="kontak", body="<p>Kontak.</p>"))
    add_page(home, StandardPage(title="Draf", slug="draf", body="<p>Draf.</p>"), live=False)
    assert footer_links(client) == [("Kontak", "/kontak/")]

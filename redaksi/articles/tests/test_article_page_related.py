"""Article page additions: Berita Terkait, the automatic "Baca Juga", linked credits and tags, the notice."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from redaksi.articles.models import Correction
from redaksi.sections.tests.factories import TagFactory

from .conftest import SEED_PUBLISHED
from .factories import ArticlePageFactory, paragraphs

pytestmark = pytest.mark.django_db


def render(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def story_among_related(news, related_count, body=None):
    tags = TagFactory.create_batch(2)
    related = [ArticlePageFactory(section=news, title=f"Terkait {n}", tags=tags) for n in range(related_count)]
    story = ArticlePageFactory(section=news, tags=tags, body=body or paragraphs("Satu.", "Dua.", "Tiga."))
    return story, related[::-1]  # newest first


def test_berita_terkait_lists_five_related_stories_after_the_story(client, outlet, news):
    story, related = story_among_related(news, 7)

    soup = render(client, story)

    section = soup.select_one("section.related-stories")
    assert text_of(section.h2) == "Berita Terkait"
    links = [a["href"] for a in section.select(".story-card .headline a")]
    assert links == [other.url for other in related[:5]]
    assert story.url not in links
    assert section.find_previous("article", class_="story")


def test_without_related_stories_there_is_no_empty_box(client, outlet, news):
    story = ArticlePageFactory(section=news)

    soup = render(client, story)

    assert soup.select_one(".related-stories") is None
    assert soup.select_one(".read-also") is None


def test_automatic_baca_juga_follows_the_second_paragraph(client, outlet, news):
    story, related = story_among_related(news, 6)

    body = render(client, story).select_one(".story-body")

    box = body.select_one(".read-also[data-suggested]")
    assert box.a["href"] == related[5].url  # the best one Berita Terkait does not show
    assert text_of(box) == f"Baca Juga: {related[5].title}"
    assert [text_of(p) for p in box.find_all_previous("p", class_=False)][:2] == [
        "Dua.",
        "Warta Ekonomi, Jakarta - Satu.",
    ]


def test_automatic_baca_juga_repeats_the_first_related_when_there_are_few(client, outlet, news):
    story, related = story_among_related(news, 2)

    box = render(client, story).select_one(".read-also[data-suggested]")

    assert box.a["href"] == related[0].url


def test_the_editors_baca_juga_wins(client, outlet, news):
    picked = ArticlePageFactory(section=news, title="Pilihan editor")
    body = [*paragraphs("Satu.", "Dua."), ("related_story", {"story": picked}), *paragraphs("Tiga.")]
    story, related = story_among_related(news, 6, body=body)

    soup = render(client, story)

    boxes = soup.select(".read-also")
    assert [box.a["href"] for box in boxes] == [picked.url]
    assert not boxes[0].has_attr("data-suggested")
    assert picked.url not in [a["href"] for a in soup.select(".related-stories a")]


def test_authors_editor_and_tags_link_to_their_pages(client, seed_story):
    soup = render(client, seed_story)

    author = soup.select_one("article .authors a.author")
    assert (text_of(author), author["href"]) == ("Wartawan Jenewa", "/profil/wartawan-jenewa/")
    editor = soup.select_one("article .editor a")
    assert (text_of(editor), editor["href"]) == ("Muhammad Syahrianto", "/profil/muhammad-syahrianto/")
    tags = [(text_of(a), a["href"], a["rel"]) for a in soup.select("article .tags a")]
    assert tags == [("Rusia", "/tag/rusia/", ["tag"]), ("Ukraina", "/tag/ukraina/", ["tag"])]


def test_correction_notice_near_the_top_links_to_the_notes(client, seed_story):
    Correction.objects.create(article=seed_story, kind=Correction.Kind.UPDATE, noted_at=SEED_PUBLISHED, text="A.")
    Correction.objects.create(
        article=seed_story, kind=Correction.Kind.CORRECTION, noted_at=SEED_PUBLISHED.replace(hour=5), text="B."
    )

    soup = render(client, seed_story)

    notice = soup.select_one("header.story-head .story-notice")
    assert text_of(notice) == "Ralat Jumat, 21 Januari 2022 | 12:15 WIB Lihat ralat dan pembaruan"
    assert notice.a["href"] == "#corrections"
    assert soup.find(id="corrections").name == "aside"


def test_no_notice_without_corrections(client, seed_story):
    assert render(client, seed_story).select_one(".story-notice") is None


def test_read_pixel_counts_the_page_but_not_its_preview(client, seed_story, rf):
    pixel = render(client, seed_story).select_one("article img.read-pixel")
    assert pixel["src"] == reverse("count_read", kwargs={"article_id": seed_story.pk})
    assert (pixel["alt"], pixel["width"], pixel["height"]) == ("", "1", "1")

    preview = seed_story.make_preview_request(rf.get("/"))
    preview.render()
    assert b"read-pixel" not in preview.content

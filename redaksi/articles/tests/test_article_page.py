"""The article page renders every element of the seed page, in semantic HTML, in Indonesian and English."""

import datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import RichText

from redaksi.articles.models import Correction
from redaksi.media.tests.factories import PhotoFactory, VideoFactory

from .conftest import SEED_PUBLISHED
from .factories import ArticlePageFactory, paragraphs

pytestmark = pytest.mark.django_db


def render(client, story, prefix=""):
    response = client.get(prefix + story.url, HTTP_ACCEPT_LANGUAGE="en")  # the browser's wish doesn't decide
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def test_page_language_skip_link_and_one_headline(client, seed_story):
    soup = render(client, seed_story)
    assert soup.html["lang"] == "id"
    skip = soup.select_one("a.skip-link")
    assert soup.find(id=skip["href"].removeprefix("#")).name == "main"
    assert [text_of(h1) for h1 in soup.find_all("h1")] == [seed_story.title]
    assert soup.select_one("main article h1")


def test_header_has_outlet_name_and_main_menu(client, seed_story, news):
    soup = render(client, seed_story)
    assert text_of(soup.select_one("header .brand")) == "Warta Ekonomi"
    menu = soup.select_one("nav.main-menu")
    links = {text_of(a): a["href"] for a in menu.find_all("a")}
    assert links == {"News": news.url, "Social Media": "#sosial-media"}
    assert menu.find("a", attrs={"aria-current": "page"})["href"] == news.url


def test_header_shows_the_logo_as_a_picture_when_set(client, seed_story, outlet):
    outlet.logo = PhotoFactory()
    outlet.save()
    img = render(client, seed_story).select_one("header .brand picture img")
    assert img["alt"] == "Warta Ekonomi" and img["height"] == "80"


def test_footer_has_tagline_and_social_links_the_menu_points_at(client, seed_story):
    soup = render(client, seed_story)
    social = soup.find(id="sosial-media")
    assert social.find_parent("footer", class_="site-footer")
    assert [a["href"] for a in social.find_all("a")] == [
        "https://www.facebook.com/wartaekonomi",
        "https://x.com/wartaekonomi",
    ]
    assert "Portal berita ekonomi dan bisnis" in text_of(soup.select_one("footer.site-footer"))


def test_hero_picture_with_alt_dimensions_caption_and_credit(client, seed_story):
    figure = render(client, seed_story).select_one("article figure.hero")
    types = [source["type"] for source in figure.select("picture source")]
    assert types == ["image/avif", "image/webp"]
    img = figure.select_one("picture img")
    assert img["alt"] == "Menteri Luar Negeri Rusia Sergei Lavrov di Jenewa"
    assert img["width"] and img["height"] and img["src"].endswith(".jpg")
    caption = text_of(figure.figcaption)
    assert caption == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Kredit Foto: Reuters/Anna Kudriavtseva"


def test_dateline_leads_the_first_paragraph_inside_the_same_p(client, seed_story):
    body = render(client, seed_story).select_one(".story-body")
    first = body.find("p")
    assert first.contents[0].name == "span" and first.contents[0]["class"] == ["dateline"]
    assert (
        text_of(first)
        == "Warta Ekonomi, Jenewa - Menteri Luar Negeri Rusia Sergei Lavrov mengatakan dialog akan berlanjut."
    )
    assert len(body.select(".dateline")) == 1


def test_dateline_stands_alone_when_the_body_has_no_paragraph(client, outlet, news):
    story = ArticlePageFactory(section=news, dateline_city="Jakarta", body=[("heading", "Hanya subjudul")])
    body = render(client, story).select_one(".story-body")
    assert text_of(body.find("p")) == "Warta Ekonomi, Jakarta -"


def test_paragraphs_quote_and_wire_attribution_stay_in_the_text(client, seed_story):
    soup = render(client, seed_story)
    body = text_of(soup.select_one(".story-body"))
    assert "Lavrov berharap emosi akan mereda." in body
    assert "dilansir Reuters." in body
    quote_figure = soup.select_one(".story-body figure.quote")
    assert text_of(quote_figure.blockquote) == "Kami berkomitmen untuk menempuh jalan itu."
    assert text_of(quote_figure.figcaption) == "— Antony Blinken"


def test_baca_juga_box_links_to_the_related_storys_canonical_url(client, seed_story):
    box = render(client, seed_story).select_one(".story-body .read-also")
    related = seed_story.body[2].value["story"]
    assert text_of(box) == f"Baca Juga: {related.title}"
    assert box.a["href"] == related.url == f"/read{related.pk}/{related.slug}"


def test_baca_juga_to_an_unpublished_story_is_left_out(client, outlet, news):
    draft = ArticlePageFactory(section=news, draft=True)
    story = ArticlePageFactory(section=news, body=[*paragraphs("Satu."), ("related_story", {"story": draft})])
    assert render(client, story).select_one(".read-also") is None


def test_source_line_editor_authors_and_tags(client, seed_story):
    soup = render(client, seed_story)
    source = soup.select_one("article .source")
    assert text_of(source) == "Sumber: Reuters Baca selengkapnya"
    assert source.a["href"] == "https://www.reuters.com/world/europe/"
    assert text_of(soup.select_one("article .editor")) == "Editor: Muhammad Syahrianto"
    assert text_of(soup.select_one("article .authors")) == "Penulis: Wartawan Jenewa"
    assert [text_of(li) for li in soup.select("article .tags li")] == ["Rusia", "Ukraina"]


def test_read_more_links_once_when_the_body_already_links_the_source(client, outlet, news):
    source = "https://www.reuters.com/world/europe/?id=1&lang=en"
    inline = f'<p>Blinken dijadwalkan jumpa pers. <a href="{escape(source)}">Baca selengkapnya</a></p>'
    story = ArticlePageFactory(
        section=news, wire_source="Reuters", source_url=source, body=[("paragraph", RichText(inline))]
    )
    soup = render(client, story)
    assert [a["href"] for a in soup.find_all("a", string="Baca selengkapnya")] == [source]
    assert text_of(soup.select_one("article .source")) == "Sumber: Reuters"


def test_publication_time_is_wib_with_iso_datetime(client, seed_story):
    times = render(client, seed_story).select(".byline time")
    assert [(t["datetime"], text_of(t)) for t in times] == [
        ("2022-01-21T10:15:00+07:00", "Jumat, 21 Januari 2022 | 10:15 WIB")
    ]


def test_updated_time_shows_when_republished_later(client, seed_story):
    seed_story.last_published_at = SEED_PUBLISHED + datetime.timedelta(hours=2, minutes=5)
    seed_story.save()
    updated = render(client, seed_story).select_one(".byline .updated")
    assert text_of(updated) == "Diperbarui Jumat, 21 Januari 2022 | 12:20 WIB"


def test_corrections_notice_only_when_present(client, seed_story):
    assert render(client, seed_story).select_one(".corrections") is None
    seed_story.corrections.add(
        Correction(kind=Correction.Kind.CORRECTION, noted_at=SEED_PUBLISHED, text="Nama hotel diperbaiki.")
    )
    seed_story.save_revision().publish()  # as the editor does: the note goes live with a publication
    notice = render(client, seed_story).select_one("article .corrections")
    assert "Ralat" in text_of(notice) and "Nama hotel diperbaiki." in text_of(notice)


def test_share_links_carry_the_encoded_absolute_url_without_third_party_script(client, seed_story):
    soup = render(client, seed_story)
    share = soup.select_one("article .share")
    assert text_of(share.h2) == "Bagikan Artikel:"
    absolute = seed_story.get_full_url()
    encoded = quote(absolute, safe="")
    links = {text_of(a): a["href"] for a in share.select("ul a")}
    assert list(links) == ["WhatsApp", "Facebook", "X", "Telegram", "LinkedIn"]
    assert all(encoded in href for href in links.values())
    assert share.select_one("input#share-url[readonly]")["value"] == absolute
    scripts = soup.find_all("script")
    assert all(script["src"].startswith("/static/") for script in scripts if script.has_attr("src"))
    assert {script["type"] for script in scripts if not script.has_attr("src")} == {"application/ld+json"}
    assert soup.select_one('link[rel="canonical"]')["href"] == absolute


def test_video_pilihan_shows_the_four_newest_featured_videos(client, seed_story):
    now = timezone.now()
    videos = [VideoFactory(published_at=now - datetime.timedelta(hours=hours)) for hours in range(5)]
    VideoFactory(is_featured=False)
    strip = render(client, seed_story).select_one("section.video-strip")
    assert text_of(strip.h2) == "Video Pilihan"
    cards = strip.select("a.video-card")
    assert [a["href"] for a in cards] == [video.url for video in videos[:4]]
    assert all(card.select_one("picture img") for card in cards)


def test_video_strip_is_left_out_without_featured_videos(client, seed_story):
    assert render(client, seed_story).select_one(".video-strip") is None


def test_english_words_are_complete_under_the_en_prefix(client, seed_story):
    VideoFactory()
    soup = render(client, seed_story, prefix="/en")
    assert soup.html["lang"] == "en"
    article = text_of(soup.select_one("article"))
    for words in ["Photo credit: Reuters", "Read also:", "Source: Reuters Read more", "Editor: Muhammad", "Author:"]:
        assert words in article
    assert "Share this article:" in article
    assert text_of(soup.select_one(".byline time")) == "Friday, 21 January 2022 | 10:15 WIB"
    assert text_of(soup.select_one(".video-strip h2")) == "Featured videos"
    assert text_of(soup.select_one("a.skip-link")) == "Skip to content"


def test_terpopuler_sits_beside_the_story_and_berita_terkait_under_it(client, seed_story, news):
    ArticlePageFactory(section=news, title="Berita lain dari desk yang sama")
    soup = render(client, seed_story)
    layout = soup.select_one("main .with-sidebar")
    assert text_of(layout.select_one("aside.sidebar h2")) == "Terpopuler"
    assert layout.select_one(".main-column > article.story + .related-stories")

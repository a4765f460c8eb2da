"""Each wire format read from real agency files (data/wire): items found, fields mapped, non-stories skipped."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ..formats import feed, newsml_g2, ninjs
from ..formats.wire_story import USABLE, WITHDRAWN
from .wiredata import ninjs_item, wire_file


def parse_ninjs(name):
    return ninjs.parse(wire_file(f"ninjs/{name}"), name)


def parse_g2(name):
    return newsml_g2.parse(wire_file(name), name)


def test_ninjs_1x_flat_names_and_keyed_associations():
    [story] = parse_ninjs("1.4-ninjsExComplex1.json").stories
    assert story.guid == "http://ninjs.example.com/newsitems/20130709cplx123"
    assert story.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert story.byline == "Paulo Santalucia and Frances d'Emilio"
    assert story.dateline == "Grossetto, Italy"
    assert story.language == "en"
    assert story.sent_at == datetime(2013, 7, 9, 10, 37, tzinfo=UTC)
    assert story.body_html.startswith("<p>GROSSETO, Italy (AP)")
    [picture] = story.pictures
    assert picture.credit == "Paulo Santalucia" and picture.href.endswith("-big.jpg")
    assert picture.caption.startswith("The Costa Concordia cruise ship")


def test_ninjs_2x_headlines_bodies_version_and_offset_time():
    [story] = parse_ninjs("2.0-dpa_text.json").stories
    assert story.headline == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert (story.version, story.urgency, story.pubstatus) == (2, 4, USABLE)
    assert story.byline == "Von Christian Hollmann, dpa"
    assert story.sent_at == datetime(2019, 5, 10, 16, 2, 28, tzinfo=timezone(timedelta(hours=2)))
    assert "<p>Für Lucien Favre" in story.body_html


def test_ninjs_2x_update_without_body():
    [story] = parse_ninjs("2.1-ntb_text.json").stories
    assert (story.version, story.language, story.urgency) == (6, "nb-NO", 5)
    assert story.body_html == ""
    assert story.standfirst


def test_ninjs_3x_camel_case_html_body_and_associated_picture():
    [story] = parse_ninjs("3.0-tt_text_image_3.json").stories
    assert story.headline == "Militärövning i jätteformat hålls 2023"
    assert (story.version, story.language, story.urgency) == (1, "sv", 3)
    assert story.link == "http://tt.se/media/text/210526-militarovning-a0f2d045"
    assert "<title>" not in story.body_html and "<h1>" not in story.body_html
    assert "Pandemin satte stopp" in story.body_html
    [picture] = story.pictures
    assert picture.href.endswith("a001_NormalHires.jpg")  # the widest rendition
    assert picture.credit == "Karl Melander/TT"


def test_ninjs_3x_nitf_body():
    [story] = parse_ninjs("3.0-addb-nitf.json").stories
    assert story.dateline == "Oslo, Norway"
    assert story.body_html.startswith("<block") or "<p" in story.body_html
    assert "nitf" not in story.body_html


@pytest.mark.parametrize("name", ["3.0-ap_video.json", "3.0-simpleEvent.json"])
def test_ninjs_video_and_events_are_skipped_with_a_note(name):
    batch = parse_ninjs(name)
    assert batch.stories == []
    assert len(batch.skipped) == 1 and name in batch.skipped[0]


def test_ninjs_list_of_items_withdrawn_and_embargo_versions():
    items = [
        ninjs_item("urn:a", pubstatus="canceled"),
        ninjs_item("urn:b", embargoed="2025-06-03T10:00:00+07:00"),
        ninjs_item("urn:c", pubstatus=None, pubStatus="usable", embargoedUntil="2025-06-04"),
    ]
    batch = ninjs.parse(b"[" + b",".join(items) + b"]", "list.json")
    a, b, c = batch.stories
    assert a.pubstatus == WITHDRAWN
    assert b.embargoed_until == datetime(2025, 6, 3, 3, tzinfo=UTC)
    assert c.embargoed_until == datetime(2025, 6, 4, tzinfo=UTC)  # a date alone: its midnight UTC


def test_newsml_g2_news_item_with_embargo_signal_and_located():
    [story] = parse_g2("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml").stories
    assert story.guid == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert story.headline == 'Fed to halt QE to avert "bubble"'
    assert (story.version, story.pubstatus, story.language) == (11, USABLE, "en-GB")
    assert story.embargoed_until == datetime(2018, 10, 23, 12, tzinfo=UTC)
    assert story.signals == ("sig:update",)
    assert story.dateline == "Berlin"
    assert story.byline == "Meredith Jameson"


def test_newsml_g2_nitf_body_and_byline():
    [story] = parse_g2("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml").stories
    assert story.byline.startswith("By Meredith Jameson")
    assert story.body_html.count("<p>") == 2
    assert "nitf" not in story.body_html and "xmlns" not in story.body_html


def test_newsml_g2_picture_item_widest_rendition_and_credit():
    [story] = parse_g2("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml").stories
    [picture] = story.pictures
    assert picture.href == "./GYI0062134533.jpg"
    assert picture.credit == "Getty Images"
    assert picture.caption.startswith("A general view of part of downtown")


@pytest.mark.parametrize(
    "name",
    [
        "newsml-g2/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
        "newsml-g2/LISTING_17_Planning_Item_a_CCL.xml",
        "newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml",
        "newsml-g2/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml",
        "dpa/audio.xml",
    ],
)
def test_newsml_g2_non_article_items_are_skipped_with_a_note(name):
    batch = parse_g2(name)
    assert batch.stories == []
    assert len(batch.skipped) == 1 and "skipped" in batch.skipped[0]


def test_dpa_message_without_header_embargo_dateline_and_xhtml_body():
    [story] = parse_g2("dpa/embargoed.xml").stories
    assert story.guid.startswith("urn:newsml:dpa.com:20090101:250123-930-")
    assert story.embargoed_until == datetime(2025, 1, 23, 18, tzinfo=UTC)
    assert story.dateline == "Berlin (dpa) -"
    assert story.urgency == 4
    assert story.standfirst.startswith("Eine Ausstellung in Berlin")
    assert "Bundespräsident Frank-Walter Steinmeier" in story.body_html
    assert "Notizblock" not in story.body_html  # the non-public notepad stays out


@pytest.mark.parametrize(
    ("name", "version", "signal", "byline"),
    [
        ("dpa/dw-1.xml", 2, "sig:correction", "Von Marco Krefting und Sunrita Sen, dpa"),
        ("dpa/with_dateline.xml", 2, "sig:update", "Von Andrej Sokolow, dpa"),
    ],
)
def test_dpa_versions_and_correction_signals(name, version, signal, byline):
    [story] = parse_g2(name).stories
    assert (story.version, story.signals, story.byline) == (version, (signal,), byline)


def test_dpa_linked_pictures_and_picture_items_carry_credits():
    [text] = parse_g2("dpa/rubix_multimedia_real.xml").stories
    assert [picture.caption for picture in text.pictures] == [
        "Nahostkonflikt - Beirut",
        "Tote bei israelischem Luftangriff auf Auto in Damaskus",
    ]
    [picture_item] = parse_g2("dpa/image.xml").stories
    assert picture_item.pictures[0].credit == "Steve Helber/AP/dpa"
    [ap] = parse_g2("dpa/no_notepad.xml").stories
    assert len(ap.pictures) == 5 and {p.credit for p in ap.pictures} == {"ASSOCIATED PRESS"}


def test_newsml_g2_canceled_item_is_withdrawn():
    data = wire_file("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml").replace(b"stat:usable", b"stat:canceled")
    [story] = newsml_g2.parse(data, "canceled.xml").stories
    assert story.pubstatus == WITHDRAWN


RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Antara</title>
<language>id</language>
<item><guid>https://www.antaranews.com/berita/1</guid><title>Harga beras naik</title>
<link>https://www.antaranews.com/berita/1</link><author>Budi</author>
<pubDate>Tue, 03 Jun 2025 10:00:00 +0700</pubDate>
<description>&lt;p&gt;Isi &lt;script&gt;alert(1)&lt;/script&gt;berita.&lt;/p&gt;</description>
<media:content url="https://img.antaranews.com/1.jpg" medium="image"/><media:credit>ANTARA FOTO/Budi</media:credit>
</item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kantor Berita</title><id>urn:feed</id>
<updated>2025-06-03T03:00:00Z</updated>
<entry><id>urn:kb:7</id><title>Rupiah menguat</title><updated>2025-06-03T03:00:00Z</updated>
<link href="https://kb.example/7"/><author><name>Sari</name></author>
<content type="html">&lt;p&gt;Rupiah &lt;b onclick="x()"&gt;menguat&lt;/b&gt;.&lt;/p&gt;</content></entry>
<entry><title>Tanpa id maupun tautan</title></entry>
</feed>"""


def test_rss_item_sanitised_with_media_credit():
    [story] = feed.parse(RSS, "antara.rss").stories
    assert story.guid == "https://www.antaranews.com/berita/1"
    assert (story.headline, story.byline, story.language) == ("Harga beras naik", "Budi", "id")
    assert story.sent_at == datetime(2025, 6, 3, 3, tzinfo=UTC)
    assert "script" not in story.body_html and "Isi" in story.body_html
    assert story.pictures[0].href == "https://img.antaranews.com/1.jpg"
    assert story.pictures[0].credit == "ANTARA FOTO/Budi"


def test_atom_entry_and_an_entry_without_identity_is_skipped():
    batch = feed.parse(ATOM, "kb.atom")
    [story] = batch.stories
    assert (story.guid, story.link, story.byline) == ("urn:kb:7", "https://kb.example/7", "Sari")
    assert "onclick" not in story.body_html and "menguat" in story.body_html
    assert len(batch.skipped) == 1

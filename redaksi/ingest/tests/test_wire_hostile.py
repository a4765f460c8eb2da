"""Hostile and broken wire documents: each is refused with the line and field, nothing is resolved or fetched."""

import json

import pytest

from ..formats import feed, newsml_g2, ninjs
from ..formats.base import ParseError
from ..formats.wire_story import MAX_BYTES
from .wiredata import ninjs_item, wire_file

ITEM = wire_file("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml").decode()
BODY = ITEM.index("<newsItem")

XXE_FILE = '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_NETWORK = '<!DOCTYPE newsItem [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    + "]>"
)


def with_declaration(declaration, reference="&xxe;"):
    """The NewsML-G2 example with a DOCTYPE before its root and an entity reference in its headline."""
    text = ITEM[:BODY] + declaration + "\n" + ITEM[BODY:]
    return text.replace("Fed to halt QE", f"Fed {reference} QE").encode()


@pytest.mark.parametrize(
    ("declaration", "reference"),
    [(XXE_FILE, "&xxe;"), (XXE_NETWORK, ""), (BILLION_LAUGHS, "&lol9;")],
    ids=["xxe-file", "xxe-network-dtd", "billion-laughs"],
)
def test_newsml_g2_refuses_entity_declarations(declaration, reference):
    with pytest.raises(ParseError) as refused:
        newsml_g2.parse(with_declaration(declaration, reference), "evil.xml")
    assert refused.value.line == ITEM[:BODY].count("\n") + 1
    assert "DOCTYPE and ENTITY declarations are not accepted" in str(refused.value)


def test_feed_refuses_entity_declarations_but_takes_a_plain_doctype():
    evil = b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss/>'
    with pytest.raises(ParseError, match="evil.rss:2: DOCTYPE and ENTITY"):
        feed.parse(evil, "evil.rss")
    rss091 = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>t</title>'
        b"<item><title>Judul</title><link>https://a.example/1</link></item></channel></rss>"
    )
    assert [story.headline for story in feed.parse(rss091, "old.rss").stories] == ["Judul"]


@pytest.mark.parametrize("parse", [ninjs.parse, newsml_g2.parse, feed.parse], ids=["ninjs", "newsml_g2", "feed"])
def test_oversized_documents_are_refused_unread(parse):
    with pytest.raises(ParseError, match="larger than 5 MB"):
        parse(b" " * (MAX_BYTES + 1), "huge")


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (b"<newsItem>\n<itemMeta>\n</newsItem>", 3, "not well-formed XML"),
        (b"", 1, "not well-formed XML"),
        (b"<html><body>404</body></html>", 1, "not a NewsML-G2 document (root element html)"),
    ],
)
def test_malformed_newsml_g2_names_the_line(data, line, problem):
    with pytest.raises(ParseError) as refused:
        newsml_g2.parse(data, "bad.xml")
    assert (refused.value.line, problem in refused.value.problem) == (line, True)


def test_newsml_g2_bad_field_values_name_the_field():
    data = ITEM.replace('version="11"', 'version="eleven"').encode()
    with pytest.raises(ParseError, match="version: expected a whole number, got 'eleven'") as refused:
        newsml_g2.parse(data, "bad.xml")
    assert refused.value.line == ITEM[: ITEM.index("<catalogRef")].count("\n")  # the newsItem start tag
    data = ITEM.replace("2018-11-21T16:25:32-05:00", "yesterday").encode()
    with pytest.raises(ParseError, match="versionCreated: 'yesterday' is not a date and time"):
        newsml_g2.parse(data, "bad.xml")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"uri": "urn:x",\n "headline": "a",', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"uri": "urn:x", "headline": "a", "urgency": NaN}', "NaN is not a JSON number"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b"[1, 2]", "item 0: expected an object, got int"),
    ],
    ids=["truncated", "not-utf8", "nan", "deep-nesting", "not-objects"],
)
def test_malformed_ninjs_is_refused(data, problem):
    with pytest.raises(ParseError, match=problem):
        ninjs.parse(data, "bad.json")


@pytest.mark.parametrize(
    ("fields", "field_name"),
    [
        ({"uri": 42}, "uri: expected text, got int"),
        ({"version": "2a"}, "version: expected a whole number"),
        ({"version": True}, "version: expected a whole number"),
        ({"urgency": 12}, "urgency: expected 1 to 9"),
        ({"urgency": "high"}, "urgency: expected 1 to 9"),
        ({"versioncreated": ["2025"]}, "versioncreated: expected a date and time"),
        ({"embargoed": "soon"}, "embargoed: 'soon' is not a date and time"),
        ({"by": {"name": "x"}}, "by: expected text, got dict"),
        ({"bodies": "text"}, "bodies: expected a list"),
        ({"bodies": [{"contenttype": "text/html", "value": 7}]}, "bodies: text/html body: expected text"),
        ({"associations": 3}, "associations: expected an object or a list"),
        ({"uri": "urn:" + "x" * 600}, "uri: is missing or longer than 500"),
    ],
)
def test_ninjs_wrong_types_name_the_field_and_its_line(fields, field_name):
    data = json.dumps(json.loads(ninjs_item(**fields)), indent=1).encode()
    with pytest.raises(ParseError, match=f"field {field_name}") as refused:
        ninjs.parse(data, "typed.json")
    key = next(iter(fields))
    assert refused.value.line == data.decode().split(f'"{key}"')[0].count("\n") + 1


def test_ninjs_nitf_body_with_entities_is_refused():
    nitf = '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.content>&x;</body.content></body></nitf>'
    data = ninjs_item(bodies=[{"contentType": "application/nitf+xml", "value": nitf}])
    with pytest.raises(ParseError, match="field bodies: NITF body: DOCTYPE and ENTITY declarations"):
        ninjs.parse(data, "nitf.json")


def test_junk_is_not_a_feed():
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        feed.parse(b"\x00\x01 not xml at all", "junk.rss")

"""The WXR reader: versions, what WordPress's own parser tests expect of each fixture, and hostile XML."""

import pytest

from redaksi.ingest.formats import wxr
from redaksi.ingest.formats.base import ParseError

from .wxr_support import NEWSROOM, PAYLOADS, shared

PHPUNIT = "wordpress-importer-fixtures/phpunit"
HEADER = (
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/{version}/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
)
ITEM = "<item><title>Halo</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>"


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def export_xml(version="1.2", wxr_version=None, prolog="", body=ITEM):
    given = version if wxr_version is None else wxr_version
    tag = "" if given is False else f"<wp:wxr_version>{given}</wp:wxr_version>"
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}{HEADER.format(version=version)}{tag}{body}</channel></rss>'


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_reads(tmp_path, version):
    export = wxr.parse(write(tmp_path, export_xml(version)))

    assert export.site.wxr_version == version
    assert [(post.id, post.title) for post in export.posts] == [("1", "Halo")]


@pytest.mark.parametrize("wxr_version", [False, "abc", "2.0", "1.3", ""], ids=repr)
def test_a_missing_or_unknown_version_is_refused_as_wordpress_refuses_it(tmp_path, wxr_version):
    with pytest.raises(ParseError, match="missing/invalid WXR version number") as error:
        wxr.parse(write(tmp_path, export_xml(wxr_version=wxr_version)))

    assert error.value.line == 1
    assert str(error.value).startswith(str(tmp_path / "export.xml"))


# phpunit/tests/parser.php test_invalid_wxr and test_malformed_wxr: these files are refused.
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing-version-tag.xml", "missing/invalid WXR version number"),
        ("invalid-version-tag.xml", "missing/invalid WXR version number: 'abc'"),
        ("malformed.xml", "not well-formed XML"),
        ("malformed-simple.xml", "not well-formed XML"),
        # Only WordPress's regex parser reads an unescaped "]]>" (test_unescaped_cdata_closing_sequence);
        # its XML parsers, like ours, refuse the file.
        ("crazy-cdata.xml", "not well-formed XML"),
        ("namespace-edge-cases.xml", "not a valid URI"),
    ],
)
def test_broken_fixtures_are_refused_naming_the_line(name, message):
    path = shared(f"{PHPUNIT}/{name}")

    with pytest.raises(ParseError, match=message) as error:
        wxr.parse(path)

    assert error.value.line > 0
    assert error.value.source == str(path)


def test_wxr_1_1_reads_as_wordpress_reads_it():
    """phpunit/tests/parser.php test_wxr_version_1_1."""
    export = wxr.parse(shared(f"{PHPUNIT}/valid-wxr-1.1.xml"))

    assert export.site.base_site_url == "http://localhost/"
    john = export.authors[0]
    assert (john.id, john.login, john.email, john.display_name, john.first_name, john.last_name) == (
        "2", "john", "johndoe@example.org", "John Doe", "John", "Doe"
    )  # fmt: skip
    by_taxonomy = {term.taxonomy: term for term in export.terms}
    assert (by_taxonomy["category"].id, by_taxonomy["category"].slug, by_taxonomy["category"].parent) == (
        "3",
        "alpha",
        "",
    )
    assert by_taxonomy["category"].description == "The alpha category"
    assert (by_taxonomy["post_tag"].id, by_taxonomy["post_tag"].slug, by_taxonomy["post_tag"].name) == (
        "22",
        "clippable",
        "Clippable",
    )
    assert (by_taxonomy["post_tax"].id, by_taxonomy["post_tax"].slug) == ("40", "bieup")
    assert len(export.posts) == 2
    assert [(t.name, t.slug, t.domain) for t in export.posts[0].terms] == [
        ("alpha", "alpha", "category"), ("Clippable", "clippable", "post_tag"), ("bieup", "bieup", "post_tax")
    ]  # fmt: skip
    assert export.posts[1].meta == (("_wp_page_template", "default"),)


def test_wxr_1_0_reads_as_wordpress_reads_it():
    """phpunit/tests/parser.php test_wxr_version_1_0."""
    export = wxr.parse(shared(f"{PHPUNIT}/valid-wxr-1.0.xml"))
    categories = [term for term in export.terms if term.taxonomy == "category"]
    tags = [term for term in export.terms if term.taxonomy == "post_tag"]

    assert export.site.base_site_url == "http://localhost/"
    assert (categories[0].slug, categories[0].name, categories[0].parent) == ("alpha", "alpha", "")
    assert (tags[0].slug, tags[0].name) == ("chicken", "chicken")
    assert len(export.posts) == 6
    assert [(t.name, t.domain) for t in export.posts[0].terms] == [("Uncategorized", "category")]
    assert [(t.name, t.domain) for t in export.posts[2].terms] == [
        ("alpha", "category"),
        ("news", "tag"),
        ("roar", "tag"),
    ]
    assert [(t.name, t.domain) for t in export.posts[3].terms] == [
        ("chicken", "tag"),
        ("child", "category"),
        ("face", "tag"),
    ]
    assert export.posts[1].meta == (("_wp_page_template", "default"),)


def test_blank_lines_in_content_are_kept():
    """phpunit/tests/parser.php test_blank_lines_in_content."""
    export = wxr.parse(shared(f"{PHPUNIT}/post-content-blank-lines.xml"))

    assert export.posts[0].content.count("\n") == 3


def test_terms_are_counted_however_they_are_spaced():
    """phpunit/tests/parser.php test_varied_taxonomy_term_spacing: 2 categories, 3 tags, 2 other terms."""
    export = wxr.parse(shared(f"{PHPUNIT}/term-formats.xml"))
    taxonomies = [term.taxonomy for term in export.terms]

    assert (export.authors, export.posts) == ([], [])
    assert (taxonomies.count("category"), taxonomies.count("post_tag")) == (2, 3)
    assert len([t for t in taxonomies if t not in ("category", "post_tag")]) == 2


def test_escaped_cdata_closing_sequences_read_back():
    """phpunit/tests/parser.php test_escaped_cdata_closing_sequence."""
    post = wxr.parse(shared(f"{PHPUNIT}/crazy-cdata-escaped.xml")).posts[0]

    assert post.content == "Content with nested <![CDATA[ tags ]]> :)"
    assert dict(post.meta) == {
        "Plain string": "Foo",
        "Closing CDATA": "]]>",
        "Alot of CDATA": "This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>",
    }


SERIALISED_META = (("string", "¯\\_(ツ)_/¯"), ("array", 'a:1:{s:3:"key";s:13:"¯\\_(ツ)_/¯";}'))


def test_term_meta_is_read():
    """phpunit/tests/parser.php test_term_meta_parsing: one category, tag and term, two meta each."""
    export = wxr.parse(shared(f"{PHPUNIT}/test-serialized-term-meta.xml"))

    assert len(export.terms) == 3
    assert [term.meta for term in export.terms] == [SERIALISED_META] * 3


def test_comment_meta_is_read():
    """phpunit/tests/parser.php test_comment_meta_parsing."""
    export = wxr.parse(shared(f"{PHPUNIT}/test-serialized-comment-meta.xml"))

    assert len(export.posts) == 1
    assert export.posts[0].comments[0].meta == SERIALISED_META


def test_html_in_meta_values_stays_text():
    """phpunit/tests/postmeta.php test_serialized_postmeta_with_cdata and ..._with_evil_stuff_in_cdata."""
    post = wxr.parse(shared(f"{PHPUNIT}/test-serialized-postmeta-with-cdata.xml")).posts[0]

    assert post.meta_value("contains-html") == "<pre>some html</pre>"
    assert post.meta_value("evil") == "<wp:meta_value>evil</wp:meta_value>"


def test_the_newsroom_export_reads_whole():
    export = wxr.parse(NEWSROOM)

    assert export.site.base_blog_url == "https://lama.example.co.id"
    assert [post.type for post in export.posts].count("post") == 7
    story = next(post for post in export.posts if post.id == "11")
    assert (story.sticky, story.meta_value("_thumbnail_id"), len(story.comments)) == (True, "10", 2)
    assert story.comments[1].parent == "100"


BILLION_LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
HOSTILE_PROLOGS = {
    "billion laughs": BILLION_LAUGHS,
    "external entity (file)": '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "external entity (network)": '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>',
    "parameter entity": '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
    "external DTD": '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">',
}


@pytest.mark.parametrize("prolog", HOSTILE_PROLOGS.values(), ids=HOSTILE_PROLOGS.keys())
def test_doctypes_and_entities_are_refused_before_anything_is_read(tmp_path, prolog):
    body = "<item><title>&lol3;&xxe;</title><wp:post_id>1</wp:post_id></item>" if "ENTITY" in prolog else ITEM

    with pytest.raises(ParseError, match="DOCTYPE is not allowed"):
        list(wxr.records(write(tmp_path, export_xml(prolog=prolog, body=body))))


def test_an_undeclared_entity_is_an_error_not_a_lookup(tmp_path):
    body = "<item><title>&xxe;</title><wp:post_id>1</wp:post_id></item>"

    with pytest.raises(ParseError, match="not well-formed XML"):
        wxr.parse(write(tmp_path, export_xml(body=body)))


def xxe_payloads():
    path = PAYLOADS / "misc" / "XXE_Fuzzing.txt"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if "<!" in line]


@pytest.mark.parametrize("payload", xxe_payloads() or [pytest.param("", marks=pytest.mark.skip("no payloads"))])
def test_every_xxe_payload_is_refused_and_nothing_leaks(tmp_path, payload):
    """PayloadsAllTheThings' XXE list, each line put where a DOCTYPE would go in an export."""
    path = write(tmp_path, export_xml(prolog=payload, body="<item><title>&xxe;</title></item>"))

    with pytest.raises(ParseError) as error:
        wxr.parse(path)

    assert "root:" not in str(error.value)


def test_an_unreadable_file_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="cannot read"):
        wxr.parse(tmp_path / "missing.xml")


def test_a_file_that_is_not_xml_is_refused(tmp_path):
    with pytest.raises(ParseError, match="not well-formed XML"):
        wxr.parse(write(tmp_path, b"\x89PNG\r\n\x1a\n binary"))

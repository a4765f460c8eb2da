"""Every file of the shared WXR test data imports, or is refused, as WordPress's importer tests expect.

Expected counts are data: where WordPress's importer has a PHP test for a file (WordPress/wordpress-importer,
phpunit/tests/*.php) the row cites it; the other rows count what the file holds (stories = posts, pages,
people = the export's authors plus post creators missing from it, categories and tags as terms).
Posts WordPress would keep private, draft or pending stay unpublished here ("live" counts the published).
"""

import pytest
from django.db.models import Q

from redaksi.articles.models import ArticlePage
from redaksi.ingest.formats.base import ParseError
from redaksi.ingest.models import Comment, ImportedObject
from redaksi.pages.models import StandardPage
from redaksi.sections.models import Tag

from .wxr_support import import_wxr, plan_wxr, rows, shared

PHP = "wordpress-importer-fixtures/phpunit/"
E2E = "wordpress-importer-fixtures/e2e/"
PEER = "peer-wagtail-wordpress-import-fixtures/"
NO_VERSION = "missing/invalid WXR version number"
FIELDS = ("stories", "live", "pages", "live_pages", "authors", "categories", "tags", "comments")


def counts(*values):
    return dict(zip(FIELDS, values, strict=True))


#                     stories live pages live authors categories tags comments
IMPORTS = {
    # import.php test_small_import / test_double_import: 3 users, 30 categories, 3 tags, posts 5 publish +
    # 1 private, pages 4 publish + 1 draft, 1 comment, 11 posts in all.
    PHP + "small-export.xml": counts(6, 5, 5, 4, 3, 30, 3, 1),
    # parser.php test_wxr_version_1_1: 2 posts, 1 author (john), category alpha, tag clippable (+ post_tax, not kept).
    PHP + "valid-wxr-1.1.xml": counts(1, 1, 1, 1, 1, 1, 1, 1),
    # parser.php test_wxr_version_1_0: 6 posts (3 posts, 3 pages); categories and tags from the header.
    PHP + "valid-wxr-1.0.xml": counts(3, 3, 3, 3, 1, 5, 4, 1),
    # parser.php test_varied_taxonomy_term_spacing: no authors or posts; 2 categories, 3 tags, 2 other terms.
    PHP + "term-formats.xml": counts(0, 0, 0, 0, 0, 2, 3, 0),
    # parser.php test_term_meta_parsing / term-meta.php: 1 category, 1 tag, 1 custom term (not kept).
    PHP + "test-serialized-term-meta.xml": counts(1, 0, 0, 0, 1, 1, 1, 0),
    # parser.php test_comment_meta_parsing / comment-meta.php: 1 post, 1 approved comment.
    PHP + "test-serialized-comment-meta.xml": counts(1, 0, 0, 0, 1, 0, 0, 1),
    # import.php test_slashes_should_not_be_stripped: category alpha, tag tag1, a post with a comment.
    PHP + "slashes.xml": counts(1, 1, 0, 0, 2, 1, 1, 1),
    # postmeta.php: one draft post each (meta values are read; see test_wxr_format).
    PHP + "test-serialized-postmeta-no-cdata.xml": counts(1, 0, 0, 0, 1, 0, 0, 0),
    PHP + "test-serialized-postmeta-with-cdata.xml": counts(1, 0, 0, 0, 1, 0, 0, 0),
    PHP + "test-utw-post-meta-import.xml": counts(1, 0, 0, 0, 1, 0, 0, 0),
    # parser.php test_escaped_cdata_closing_sequence / test_blank_lines_in_content: one post each.
    PHP + "crazy-cdata-escaped.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    PHP + "post-content-blank-lines.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    # No PHP test: what the file holds.
    PHP + "authors-multiline.xml": counts(1, 1, 0, 0, 3, 0, 0, 0),
    PHP + "backslashes.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "blank-lines.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "cdata-edge.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "chunked-meta.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "large-authors.xml": counts(0, 0, 0, 0, 300, 0, 0, 0),
    PHP + "missing-tags.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "multiple-cdata.xml": counts(1, 1, 0, 0, 0, 0, 0, 0),
    PHP + "term-meta.xml": counts(0, 0, 0, 0, 0, 1, 0, 0),
    PHP + "wxr-flat-attachment-different-site.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    PHP + "wxr-flat-attachment-same-site.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    PHP + "wxr-simple.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    PHP + "wxr-utf-8-challenges.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    PHP + "wxr-with-sub-data.xml": counts(1, 1, 0, 0, 1, 0, 0, 1),
    E2E + "wxr-base-url-rewriting.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    E2E + "wxr-comprehensive.xml": counts(1, 1, 1, 1, 2, 2, 2, 1),
    E2E + "wxr-css-urls.xml": counts(1, 1, 0, 0, 1, 1, 0, 0),
    E2E + "wxr-simple.xml": counts(1, 1, 0, 0, 1, 0, 0, 0),
    "wptt/theme-preview.xml": counts(7, 7, 0, 0, 1, 0, 0, 2),  # items without wp:post_id: known by guid
    PEER + "post_meta.xml": counts(1, 1, 0, 0, 2, 0, 0, 0),  # five items share one wp:post_id
    PEER + "raw_xml.xml": counts(1, 1, 1, 0, 2, 0, 0, 0),  # custom post types not kept
}
# The large files, imported whole here (a11y, block markup) or by the site test (the theme unit test).
LARGE_IMPORTS = {
    # 58 posts: 1 draft, 1 scheduled, 56 published (one of them behind a password).
    "wptt/themeunittestdata.wordpress.xml": counts(58, 56, 21, 21, 3, 68, 110, 28),
    PHP + "a11y-unit-test-data.xml": counts(47, 45, 16, 16, 3, 27, 61, 26),  # 1 draft, 1 scheduled
    "wptt/64-block-test-data.xml": counts(61, 61, 1, 1, 2, 7, 4, 2),
}
# What the plan of each large file holds: README of the test data: the theme unit test has 58 posts,
# 21 pages, 37 attachments and 70 menu items (52 + 18 repeated ids, not imported).
THEME_UNIT_PLAN = {"author": 3, "term": 178, "attachment": 37, "post": 58, "page": 21}
LARGE_PLANS = {
    "wptt/themeunittestdata.wordpress.xml": THEME_UNIT_PLAN,
    PHP + "theme-unit-test-data.xml": THEME_UNIT_PLAN,  # an older copy of the same export
    PHP + "a11y-unit-test-data.xml": {"author": 3, "term": 88, "attachment": 39, "post": 47, "page": 16},
    "wptt/64-block-test-data.xml": {"author": 2, "term": 11, "attachment": 9, "post": 61, "page": 1},
}
REFUSED = {
    # parser.php test_invalid_wxr: "This does not appear to be a WXR file, missing/invalid WXR version number".
    PHP + "missing-version-tag.xml": NO_VERSION,
    PHP + "invalid-version-tag.xml": NO_VERSION,
    # parser.php test_malformed_wxr: "There was an error when reading this WXR file".
    PHP + "malformed.xml": "not well-formed XML",
    PHP + "malformed-simple.xml": "not well-formed XML",
    # parser.php test_unescaped_cdata_closing_sequence: only the regex parser reads it.
    PHP + "crazy-cdata.xml": "not well-formed XML",
    PHP + "namespace-edge-cases.xml": "not well-formed XML",  # a non-ASCII namespace URI
    PEER + "test.xml": NO_VERSION,  # a book catalogue, not WXR
}


def imported_counts():
    terms = ImportedObject.objects.filter(kind="term")
    return counts(
        ArticlePage.objects.count(),
        ArticlePage.objects.reachable().count(),  # password-protected posts are published too
        StandardPage.objects.count(),
        StandardPage.objects.live().count(),
        ImportedObject.objects.filter(kind="author").count(),
        terms.filter(external_id__startswith="category:").count(),
        terms.filter(Q(external_id__startswith="post_tag:")).count(),
        Comment.objects.count(),
    )


def test_the_table_covers_every_shared_file():
    folder = shared("wptt").parent
    files = {str(path.relative_to(folder)) for path in folder.rglob("*.xml")}

    assert files == set(IMPORTS) | set(LARGE_PLANS) | set(REFUSED)


@pytest.mark.parametrize(("name", "expected"), LARGE_PLANS.items(), ids=LARGE_PLANS.keys())
def test_each_large_file_plans_its_counts(db, name, expected):
    plan = plan_wxr(shared(name), section_default="news")

    assert {kind: sum(actions.values()) for kind, actions in plan.counts().items()} == expected
    assert all(step.action == "create" for step in plan.steps)


@pytest.mark.parametrize(("name", "expected"), IMPORTS.items(), ids=IMPORTS.keys())
def test_each_file_imports_its_counts(news, name, expected):
    import_wxr(shared(name), section_default="news")

    assert imported_counts() == expected


@pytest.mark.slow
@pytest.mark.parametrize("name", [PHP + "a11y-unit-test-data.xml", "wptt/64-block-test-data.xml"])
def test_each_large_file_imports_its_counts(news, name):
    import_wxr(shared(name), section_default="news")

    assert imported_counts() == LARGE_IMPORTS[name]


@pytest.mark.parametrize(("name", "message"), REFUSED.items(), ids=REFUSED.keys())
def test_each_broken_file_is_refused_and_leaves_nothing(news, name, message):
    before = rows()

    with pytest.raises(ParseError, match=message):
        import_wxr(shared(name), section_default="news")

    assert rows() == before


def test_small_export_files_posts_as_wordpress_does(news):
    """import.php test_small_import: authors, hierarchy, posts and pages by title, state and category."""
    plan, _report = import_wxr(shared(PHP + "small-export.xml"), section_default="news")
    stories = {page.title: page for page in ArticlePage.objects.all()}
    statics = {page.title: page for page in StandardPage.objects.all()}

    assert {step.external_id for step in plan.of_kind("author")} == {"admin", "editor", "author"}
    assert plan.categories["foo-bar"].parent == "bar" and plan.categories["foo"].parent == ""
    assert stories["Many Categories"].live and stories["Many Categories"].tags.count() == 27
    assert [tag.slug for tag in stories["Top-level Foo"].tags.all()] == ["foo"]
    assert [tag.slug for tag in stories["Foo-child"].tags.all()] == ["foo-bar"]
    assert not stories["Private Post"].live
    assert sorted(tag.slug for tag in stories["Private Post"].get_latest_revision_as_object().tags.all()) == [
        "tag1", "tag2", "tag3", "uncategorized"
    ]  # fmt: skip
    assert stories["Hello world!"].authors.get().person.slug == "author"
    assert stories["Foo-child"].authors.get().person.slug == "editor"
    assert not statics["Draft Page"].live
    assert all(statics[title].live for title in ("1-col page", "Parent Page", "Child Page", "Sample Page"))


def test_slashes_are_not_stripped(news):
    """import.php test_slashes_should_not_be_stripped: names, content and comments keep their backslashes."""
    import_wxr(shared(PHP + "slashes.xml"), section_default="news")
    story = ArticlePage.objects.get()

    assert sorted(Tag.objects.values_list("name", flat=True)) == ['a \\"great\\" category', "foo\\'bar"]
    assert story.body[0].value.source == r"<p>Slashes aren\'t \"cool\"</p>"
    assert Comment.objects.get().body == r"\o/ ¯\_(ツ)_/¯"


def test_comment_meta_fixture_keeps_its_approved_comment(news):
    """comment-meta.php test_serialized_comment_meta: one approved comment."""
    import_wxr(shared(PHP + "test-serialized-comment-meta.xml"), section_default="news")

    assert list(Comment.objects.values_list("approved", flat=True)) == [True]

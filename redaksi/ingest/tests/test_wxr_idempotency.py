"""Re-running an import changes nothing; an interrupted run resumes without duplicates; a dry run writes nothing."""

import lxml.html
import pytest

from redaksi.articles.models import ArticlePage
from redaksi.ingest.models import Comment, ImportedObject
from redaksi.ingest.wordpress import stories

from .wxr_support import NEWSROOM, PAYLOADS, import_wxr, newsroom_run_options, plan_wxr, rows, uploads_folder  # noqa: F401

EXPECTED = {"ArticlePage": 7, "StandardPage": 1, "Photo": 1, "Person": 2, "Comment": 2, "ImportedObject": 15}


def counted():
    now = rows()
    return {name: now[name] for name in EXPECTED}


def test_a_second_run_changes_nothing(newsroom_options):
    import_wxr(NEWSROOM, **newsroom_options)
    after_first = rows()

    plan, report = import_wxr(NEWSROOM, **newsroom_options)

    assert {step.action for step in plan.steps} == {"skip"}
    assert rows() == after_first  # no row anywhere, revisions and log entries included
    assert report.redirects == report.comments == 0
    assert counted() == EXPECTED


def test_an_interrupted_run_resumes_without_duplicates(newsroom_options, monkeypatch):
    save_story, calls = stories.save_story, []

    def crash_in_the_third_batch(run, step):
        calls.append(step.external_id)
        if len(calls) == 4:  # batches of 2: [photo, post 11], [12, 13], [14, 15]: crash on 14
            raise RuntimeError("power cut")
        return save_story(run, step)

    monkeypatch.setattr(stories, "save_story", crash_in_the_third_batch)
    with pytest.raises(RuntimeError, match="power cut"):
        import_wxr(NEWSROOM, batch_size=2, **newsroom_options)
    kept = set(ArticlePage.objects.values_list("guid", flat=True))
    monkeypatch.setattr(stories, "save_story", save_story)

    plan, report = import_wxr(NEWSROOM, batch_size=2, **newsroom_options)

    assert kept == {
        "wxr:https://lama.example.co.id:11",
        "wxr:https://lama.example.co.id:12",
        "wxr:https://lama.example.co.id:13",
    }
    assert report.counts["post"] == {"skip": 2, "update": 1, "create": 4}  # 11 links 12: relinked now
    assert counted() == EXPECTED
    assert ArticlePage.objects.filter(guid__isnull=False).count() == len(set(ArticlePage.objects.values_list("guid")))


def test_a_dry_run_plans_and_writes_nothing(newsroom_options):
    before = rows()

    plan = plan_wxr(NEWSROOM, **newsroom_options)

    assert rows() == before
    assert {kind: dict(actions) for kind, actions in plan.counts().items()} == {
        "author": {"create": 2},
        "term": {"create": 4},
        "attachment": {"create": 1},
        "post": {"create": 7},
        "page": {"create": 1},
    }


def test_an_updated_export_updates_what_changed_and_only_that(newsroom_options, uploads):
    import_wxr(NEWSROOM, **newsroom_options)
    story = ArticlePage.objects.get(guid="wxr:https://lama.example.co.id:11")
    revisions, before = story.revisions.count(), rows()
    changed = uploads.parent / "changed.xml"
    changed.write_text(NEWSROOM.read_text().replace("Rupiah Menguat di Akhir Pekan", "Rupiah Menguat Tajam"))

    plan, _report = import_wxr(changed, **newsroom_options)

    assert [(step.kind, step.external_id) for step in plan.steps if step.action == "update"] == [("post", "11")]
    story.refresh_from_db()
    assert (story.title, story.live, story.revisions.count()) == ("Rupiah Menguat Tajam", True, revisions + 1)
    assert {name: rows()[name] for name in EXPECTED} == {name: before[name] for name in EXPECTED}


def test_a_changed_category_mapping_refiles_the_stories(newsroom_options):
    import_wxr(NEWSROOM, **newsroom_options)

    plan, _report = import_wxr(NEWSROOM, **{**newsroom_options, "categories": {}})

    story = ArticlePage.objects.get(guid="wxr:https://lama.example.co.id:11")
    assert story.section.slug == "umum"
    assert ArticlePage.objects.count() == EXPECTED["ArticlePage"]
    assert Comment.objects.count() == EXPECTED["Comment"]


def test_a_source_is_known_by_its_blog_address(newsroom_options):
    import_wxr(NEWSROOM, **newsroom_options)

    assert set(ImportedObject.objects.values_list("source", flat=True)) == {"wxr:https://lama.example.co.id"}


def test_hostile_strings_in_an_export_import_as_inert_text(news, uploads):
    """The XSS polyglots as titles and bodies: the titles stay text, the bodies lose every script."""
    path = PAYLOADS / "xss" / "XSS_Polyglots.txt"
    payloads = [line for line in path.read_text(errors="replace").splitlines() if line.strip()][:20]
    items = "".join(
        f"<item><title><![CDATA[{payload.replace(']]>', '')}]]></title><wp:post_id>{n}</wp:post_id>"
        f"<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
        f"<content:encoded><![CDATA[{payload.replace(']]>', '')}]]></content:encoded></item>"
        for n, payload in enumerate(payloads, start=1000)
    )
    export = NEWSROOM.read_text().replace("<item>", items + "<item>", 1)
    hostile = uploads.parent / "hostile.xml"
    hostile.write_text(export)

    import_wxr(hostile, uploads=uploads, section_default="news")

    paragraphs = [
        block.value.source
        for story in ArticlePage.objects.all()
        for block in story.body
        if block.block_type == "paragraph"
    ]
    elements = [
        element for html in paragraphs for element in lxml.html.fragment_fromstring(html, create_parent="div").iter()
    ]
    assert {element.tag for element in elements} <= {"div", "p", "a", "b", "i", "br"}
    assert {name for element in elements for name in element.attrib} <= {"href"}
    assert all(
        element.get("href").startswith(("http://", "https://", "mailto:")) for element in elements if element.tag == "a"
    )
    assert ArticlePage.objects.count() == 7 + len(payloads)

"""What a WordPress export becomes: stories in their state and section, people, tags, photos, comments, pages."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction, WorkflowState

from redaksi.articles.models import ArticlePage
from redaksi.core.wib import WIB
from redaksi.ingest.models import Comment, ImportedObject
from redaksi.ingest.wordpress import WxrError, stories
from redaksi.media.models import Photo
from redaksi.pages.models import HomePage, StandardPage
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage

from .wxr_support import NEWSROOM, import_wxr, newsroom_run_options, rows, uploads_folder  # noqa: F401 (fixtures)


@pytest.fixture
def imported(newsroom_options):
    """The newsroom export imported; returns {title: story} and the run's report."""
    _plan, report = import_wxr(NEWSROOM, **newsroom_options)
    return {story.title: story for story in ArticlePage.objects.all()}, report


def draft_of(story):
    return story.get_latest_revision_as_object()


def test_published_posts_are_published_at_their_own_time(imported):
    stories, _report = imported
    rupiah = stories["Rupiah Menguat di Akhir Pekan"]

    assert rupiah.live
    assert rupiah.first_published_at == datetime(2024, 3, 15, 13, 30, tzinfo=UTC)
    assert rupiah.published_at == rupiah.last_published_at == rupiah.first_published_at
    assert rupiah.get_parent().slug == "2024-03"  # the month folder of 20:30 WIB, 15 March


def test_a_post_without_a_gmt_date_reads_its_local_date_as_wib(imported):
    stories, _report = imported

    assert stories["Timnas Menang 2-1"].first_published_at == datetime(2024, 3, 10, 21, 0, tzinfo=WIB)


@pytest.mark.parametrize("title", ["Draf Liputan Banjir", "Menunggu Suntingan", "Catatan Internal Redaksi"])
def test_drafts_pending_and_private_posts_are_never_published(imported, title):
    story = imported[0][title]

    assert not story.live
    assert story.first_published_at is None
    assert story.get_latest_revision() is not None


def test_a_pending_post_is_submitted_for_review_in_its_desk(imported):
    story = imported[0]["Menunggu Suntingan"]

    assert story.section.slug == "news"
    assert WorkflowState.objects.filter(object_id=str(story.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_a_scheduled_post_waits_for_the_newsroom_worker(imported):
    story = imported[0]["Jadwal Terbit Tahun Baru"]
    revision = story.get_latest_revision()

    assert not story.live and story.first_published_at is None
    assert revision.approved_go_live_at == datetime(2030, 1, 1, 2, 0, tzinfo=UTC)
    assert story.get_parent().slug == "2030-01"


def test_a_password_protected_post_is_published_behind_its_password(imported):
    story = imported[0]["Khusus Pelanggan"]

    assert story.live

    restriction = PageViewRestriction.objects.get(page=story)
    assert (restriction.restriction_type, restriction.password) == (PageViewRestriction.PASSWORD, "rahasia")


def test_categories_file_stories_by_the_mapping_and_its_hierarchy(imported):
    stories, _report = imported

    assert stories["Rupiah Menguat di Akhir Pekan"].section.slug == "news"  # Ekonomi, under Berita
    assert stories["Timnas Menang 2-1"].section.slug == "umum"  # unmapped: the default section, created
    assert list(stories["Timnas Menang 2-1"].tags.names()) == ["Olahraga"]  # unmapped categories are tags
    assert list(stories["Rupiah Menguat di Akhir Pekan"].tags.names()) == ["Rupiah"]
    assert SectionPage.objects.get(slug="umum").live


def test_authors_become_people_credited_on_their_stories(imported):
    stories, _report = imported

    assert stories["Rupiah Menguat di Akhir Pekan"].authors.get().person.name == "Budi Santoso"
    sari = Person.objects.get(slug="sari")
    assert (sari.name, sari.email) == ("Sari Dewi", "sari@example.co.id")


def test_attachments_become_photos_with_caption_credit_and_alt_text(imported):
    story = imported[0]["Rupiah Menguat di Akhir Pekan"]
    photo = Photo.objects.get()

    assert story.hero_image == photo
    assert (photo.credit, photo.description) == ("Antara/Rina Kusum", "Lapak sayur di Pasar Senen pagi hari")
    assert photo.caption == "Pedagang menata dagangan di Pasar Senen, Jakarta."
    assert (photo.width, photo.height) == (40, 30)


def test_bodies_are_clean_blocks_with_links_and_pictures_rewritten(imported):
    stories, _report = imported
    timnas = stories["Timnas Menang 2-1"]
    body = stories["Rupiah Menguat di Akhir Pekan"].body

    assert [block.block_type for block in body] == ["paragraph", "paragraph", "image"]
    assert "<script" not in body[1].value.source and "alert" not in body[1].value.source
    assert body[2].value["image"] == Photo.objects.get()
    assert body[2].value["caption"] == "Pedagang di Pasar Senen"
    assert [block.block_type for block in timnas.body] == ["paragraph", "paragraph", "paragraph"]
    assert f'href="http://localhost{Photo.objects.get().file.url}"' in timnas.body[0].value.source  # an upload link
    assert "onclick" not in str(timnas.body.raw_data) and "<iframe" not in str(timnas.body.raw_data)


def test_links_to_earlier_posts_point_at_the_new_address(news, uploads):
    """Posts import by id, so a link back to an older post (a lower id) finds it made already."""
    older = NEWSROOM.read_text().replace("<wp:post_id>12</wp:post_id>", "<wp:post_id>9</wp:post_id>")
    path = uploads.parent / "older.xml"
    path.write_text(older.replace("?p=12", "?p=9"))
    import_wxr(path, uploads=uploads, section_default="news")
    timnas = ArticlePage.objects.get(title="Timnas Menang 2-1")
    rupiah = ArticlePage.objects.get(title="Rupiah Menguat di Akhir Pekan")

    assert rupiah.body[1].value.source.count(f'href="http://localhost{timnas.url}"') == 2  # permalink and ?p=


def test_links_to_later_posts_are_pointed_at_them_after_the_run(imported):
    """Post 11 links post 12, made after it: the run ends by relinking it in place, without a new revision."""
    stories, _report = imported
    rupiah, timnas = stories["Rupiah Menguat di Akhir Pekan"], stories["Timnas Menang 2-1"]
    href = f'href="http://localhost{timnas.url}"'

    assert rupiah.body[1].value.source.count(href) == 2  # the permalink and ?p=12
    assert rupiah.get_latest_revision_as_object().body[1].value.source.count(href) == 2
    assert rupiah.revisions.count() == 1


def test_comments_are_kept_as_data_with_their_replies(imported):
    story = imported[0]["Rupiah Menguat di Akhir Pekan"]
    andi, budi = Comment.objects.order_by("posted_at")

    assert (andi.story, andi.author_name, andi.approved, andi.parent) == (story, "Andi", True, None)
    assert (budi.parent, budi.approved, budi.body) == (andi, False, "Terima kasih, Andi.")
    assert andi.posted_at == datetime(2024, 3, 15, 14, 0, tzinfo=UTC)


def test_pages_become_static_pages(imported):
    page = StandardPage.objects.get()

    assert (page.title, page.slug, page.live) == ("Tentang Kami", "tentang-kami", True)
    assert page.body == "<h2>Redaksi</h2><p>Kabar Lama adalah media daring.</p>"


def test_every_import_is_recorded_with_its_old_address(imported):
    recorded = dict(ImportedObject.objects.filter(kind="post").values_list("external_id", "old_url"))

    assert recorded["11"] == "https://lama.example.co.id/2024/03/15/rupiah-menguat/"
    assert set(recorded) == {"11", "12", "13", "14", "15", "16", "17"}


def test_what_is_not_imported_is_counted(newsroom_options):
    plan, report = import_wxr(NEWSROOM, **newsroom_options)

    assert plan.dropped == {"nav_menu_item (publish)": 1}
    assert report.counts["post"] == {"create": 7}
    assert report.warnings_by_kind() == {"body": 2}
    assert (report.comments, report.posts) == (2, 8)


def test_a_missing_upload_is_reported_not_fatal(news, tmp_path):
    _plan, report = import_wxr(NEWSROOM, uploads=tmp_path, section_default="news")

    assert report.counts["attachment"] == {"left out": 1}
    assert any("file missing" in message for kind, message in report.warnings if kind == "attachment")
    assert ArticlePage.objects.get(title="Rupiah Menguat di Akhir Pekan").hero_image is None


def test_an_upload_outside_the_folder_is_refused(news, uploads):
    path = uploads.parent / "escape.xml"
    path.write_text(
        NEWSROOM.read_text().replace("2024/03/pasar.jpg]]></wp:meta_value>", "../../etc/passwd]]></wp:meta_value>")
    )

    _plan, report = import_wxr(path, uploads=uploads, section_default="news")

    assert not Photo.objects.exists()
    assert any("outside the uploads folder" in message for _kind, message in report.warnings)


def test_a_file_that_is_not_a_picture_is_left_out(news, uploads):
    (uploads / "2024/03/pasar.jpg").write_text("<?php echo 1;")

    _plan, report = import_wxr(NEWSROOM, uploads=uploads, section_default="news")

    assert not Photo.objects.exists()
    assert any("not a picture" in message for _kind, message in report.warnings)


def test_an_old_address_too_long_to_redirect_is_a_warning(news, uploads):
    path = uploads.parent / "long.xml"
    long_link = "https://lama.example.co.id/2024/03/10/" + "timnas-" * 40 + "/"
    path.write_text(NEWSROOM.read_text().replace("https://lama.example.co.id/2024/03/10/timnas-menang/", long_link))

    _plan, report = import_wxr(path, uploads=uploads, section_default="news")

    assert report.warnings_by_kind()["redirect"] == 1
    assert not Redirect.objects.filter(old_path__startswith="/2024/03/10/timnas").exists()
    assert Redirect.objects.filter(old_path="/?p=12").exists()


def test_a_story_wagtail_refuses_stops_the_run_naming_its_line(newsroom_options, monkeypatch):
    def refuse(run, step):
        raise ValidationError({"slug": ["in use"]})

    monkeypatch.setattr(stories, "save_story", refuse)

    with pytest.raises(WxrError, match=r"wxr_newsroom.xml:\d+: post 11: .*in use"):
        import_wxr(NEWSROOM, **newsroom_options)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"section_default": "tentang"}, "cannot add section\\(s\\) tentang: a page under the home page has that slug"),
        ({"categories": {"nonsense": "tag"}}, "no such category"),
        ({"categories": {"berita": "desk:news"}}, "use berita=tag or berita=section:<section-slug>"),
        ({"categories": {"berita": "section:Not A Slug"}}, "section:<section-slug>"),
        ({"section_default": "Bukan slug"}, "is not a slug"),
    ],
)
def test_bad_options_are_refused_before_anything_is_written(news, options, message):
    HomePage.objects.get().add_child(instance=StandardPage(title="Tentang", slug="tentang", body="<p>Kami</p>"))
    before = rows()

    with pytest.raises(WxrError, match=message):
        import_wxr(NEWSROOM, **options)

    assert rows() == before

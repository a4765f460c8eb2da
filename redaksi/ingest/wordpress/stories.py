"""Posts become stories and pages static pages, in the state they had: published, scheduled, draft or pending.

Stories are filed and stamped the way every import files them (`redaksi.ingest.services`): the month
folder of their publication time in WIB, a revision for each save, WordPress's publication time kept.
"""

from datetime import UTC

from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import PageViewRestriction

from redaksi.articles.models import ArticleAuthor, ArticlePage
from redaksi.ingest.body import html_to_body
from redaksi.ingest.models import Comment
from redaksi.ingest.services import (
    ImportOptions,
    _existing_page,
    _file_new,
    backdate_last_publication,
    stamp_publication,
)
from redaksi.pages.models import HomePage, StandardPage

from .attachments import plain
from .plan import parse_wp_date

UNTITLED = "(Tanpa judul)"
TITLE_LENGTH = ArticlePage._meta.get_field("title").max_length


def headline(post, warn):
    """Return the title as plain text that fits; an empty one gets a stand-in, a long one is cut, with warnings."""
    title = plain(post.title)
    if not title:
        warn("title", f"{post.type} {post.id}: no title; saved as {UNTITLED!r}")
        return UNTITLED
    if len(title) > TITLE_LENGTH:
        warn("title", f"{post.type} {post.id}: title longer than {TITLE_LENGTH} characters; cut")
        return Truncator(title).chars(TITLE_LENGTH)
    return title


def published_time(post):
    """WordPress's GMT time when it has one, else its local time read as WIB; None when neither is set."""
    return parse_wp_date(post.date_gmt, zone=UTC) or parse_wp_date(post.date)


def slug_for(post, title):
    slug = slugify(post.slug, allow_unicode=True) or slugify(title, allow_unicode=True) or "berita"
    return slug[:200].strip("-")


def save_story(run, step):
    """Create or update the story for a post and leave it in the post's state; returns the page."""
    post = step.record
    when = published_time(post)
    options = ImportOptions(section=run.section_for(post), published_at=when)
    page = _existing_page(run.guid(post), options)
    is_new = page is None
    if is_new:
        page = ArticlePage(guid=run.guid(post), live=False)
    page.title = headline(post, run.warn)
    conversion = html_to_body(post.content, rewrite_url=run.rewrite_url, find_image=run.find_image)
    for warning in conversion.warnings:
        run.warn("body", f"post {post.id}: {warning}")
    page.body = conversion.blocks
    page.standfirst = plain(post.excerpt)
    page.hero_image = run.photo(post.meta_value("_thumbnail_id"), post)
    person = run.person(post.creator)
    page.authors = [ArticleAuthor(person=person, sort_order=0)] if person else []
    page.tags.set(run.tags_for(post))
    if is_new:
        _file_new(page, options)  # slugged from the headline, as every imported story
    _protect(page, post.password)
    _set_state(page, post.status, when)
    save_comments(run, post, page)
    return page


def _set_state(page, status, when):
    """Publish a published post at its own time; schedule a future one; keep the others unpublished."""
    if status != "publish" and page.live:
        page.unpublish()
    if status == "future" and when:
        page.go_live_at = when
        page.save_revision(log_action=True, approved_go_live_at=when)
        return
    if status == "publish" and when:
        stamp_publication(page, when)
    revision = page.save_revision(log_action=True)
    if status == "publish":
        revision.publish()
        if when:
            backdate_last_publication(page, when)
    elif status == "pending":
        _submit_for_review(page)


def _submit_for_review(page):
    """Start the desk's review workflow, as a reporter's "submit" does; a desk without one keeps a draft."""
    workflow = page.get_workflow()
    if workflow and not page.workflow_in_progress:
        workflow.start(page, None)


def _protect(page, password):
    """A password-protected post keeps its password, as a Wagtail view restriction."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if not password:
        restrictions.delete()
        return
    restrictions.update_or_create(
        page=page, defaults={"restriction_type": PageViewRestriction.PASSWORD, "password": password[:255]}
    )


def save_comments(run, post, story):
    """Keep the post's comments as data, replies linked to what they answer."""
    saved = {}
    for comment in post.comments:
        posted_at = parse_wp_date(comment.date_gmt, zone=UTC) or parse_wp_date(comment.date)
        saved[comment.id], _created = Comment.objects.update_or_create(
            source=run.plan.source,
            external_id=comment.id,
            defaults={
                "story": story,
                "author_name": comment.author[:255],
                "author_email": comment.author_email[:255],
                "author_url": comment.author_url[:2000],
                "posted_at": posted_at,
                "body": comment.content,
                "approved": comment.approved == "1",
                "kind": comment.type[:30],
            },
        )
    for comment in post.comments:
        parent = saved.get(comment.parent)
        if parent and saved[comment.id].parent_id != parent.pk:
            Comment.objects.filter(pk=saved[comment.id].pk).update(parent=parent)
    run.report.comments += len(post.comments)


def save_static_page(run, step):
    """Create or update a static page under the home page; WordPress's page tree is flattened."""
    post = step.record
    page = run.ledger.get("page", step.external_id, StandardPage)
    is_new = page is None
    if is_new:
        page = StandardPage(live=False)
    page.title = headline(post, run.warn)
    conversion = html_to_body(post.content, rewrite_url=run.rewrite_url, find_image=run.find_image)
    page.body = rich_text(conversion, post, run.warn)
    if is_new:
        home = HomePage.objects.get()
        page.slug = find_available_slug(home, slug_for(post, page.title))
        home.add_child(instance=page)
    if post.status != "publish" and page.live:
        page.unpublish()
    _protect(page, post.password)
    revision = page.save_revision(log_action=True)
    if post.status == "publish":
        revision.publish()
    return page


def rich_text(conversion, post, warn):
    """Join body blocks into a static page's rich text: paragraphs as they are, headings as h2, quotes as text."""
    parts = []
    for block_type, value in conversion.blocks:
        if block_type == "paragraph":
            parts.append(value.source)
        elif block_type == "heading":
            parts.append(f"<h2>{escape(value)}</h2>")
        elif block_type == "quote":
            parts.append(f"<p>{escape(value['text'])}</p>")
        else:
            warn("body", f"page {post.id}: {block_type} dropped (static pages hold text only)")
    for warning in conversion.warnings:
        warn("body", f"page {post.id}: {warning}")
    return "".join(parts) or "<p></p>"  # the field is required; WordPress allows an empty page


def relink(run, step, page):
    """Convert the body again now every post has its address; write it to the page and its latest revision."""
    post = step.record
    conversion = html_to_body(post.content, rewrite_url=run.rewrite_url, find_image=run.find_image)
    page.body = conversion.blocks if isinstance(page, ArticlePage) else rich_text(conversion, post, _ignore)
    type(page).objects.filter(pk=page.pk).update(body=page.body)
    revision = page.get_latest_revision()
    revision.content["body"] = page._meta.get_field("body").value_to_string(page)
    revision.save(update_fields=["content"])


def _ignore(*_args):
    """Warnings of a second conversion: the first one reported them."""

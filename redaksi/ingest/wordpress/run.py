"""Carry out a plan: people and terms first, then photos, then posts and pages, in batches of one transaction each.

An interrupted run keeps its finished batches, each recorded in ImportedObject with its digest; running
the same file again skips them and goes on where the run stopped.
"""

import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from redaksi.media.models import Photo
from redaksi.people.models import Person

from . import attachments, stories, taxonomy
from .plan import CATEGORY_DOMAINS, TAG_DOMAINS, WxrError
from .records import Ledger
from .redirects import PATH_LENGTH, old_paths, redirect_old_paths

PAGE_KINDS = ("post", "page")


@dataclass
class Report:
    """What a run did: {kind: {action: n}}, warnings by kind, comments and redirects kept, and its pace."""

    counts: dict = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    comments: int = 0
    redirects: int = 0
    seconds: float = 0.0

    def warnings_by_kind(self):
        return Counter(kind for kind, _message in self.warnings)

    @property
    def posts(self):
        return sum(sum(self.counts.get(kind, {}).values()) for kind in PAGE_KINDS)

    @property
    def posts_per_second(self):
        return self.posts / self.seconds if self.seconds else 0.0


def run_import(plan, progress=None):
    """Import everything the plan creates or updates; returns the Report."""
    return Run(plan, progress).execute()


class Run:
    """One import run's working state: what it has made so far, and the lookups body conversion calls."""

    def __init__(self, plan, progress=None):
        self.plan, self.progress, self.ledger, self.report = plan, progress, Ledger(plan.source), Report()
        self.site_root = Site.objects.get(is_default_site=True).root_url
        self.old_hosts = {
            urlsplit(url).hostname for url in (plan.site.link, plan.site.base_site_url, plan.site.base_blog_url)
        }
        self.old_hosts.discard(None)
        self.posts_by_path = {
            path: (s.kind, s.external_id) for s in plan.of_kind(*PAGE_KINDS) for path in old_paths(s.record, plan.site)
        }
        self.attachments_by_key = {
            attachments.url_key(s.record.attachment_url): s.external_id for s in plan.of_kind("attachment")
        }
        self.urls, self.photos, self.people, self.tags, self.sections = {}, {}, {}, {}, {}
        self.links_ahead, self.relinks = False, []

    def execute(self):
        started, done = time.monotonic(), 0
        for batch in self.batches():
            with transaction.atomic():
                for step in batch:
                    self.do(step)
            done += len(batch)
            if self.progress:
                self.progress(done, len(self.plan.steps))
        self.relink()
        self.report.seconds = time.monotonic() - started
        return self.report

    def relink(self):
        """Point links to posts imported after the linking one at their new addresses, in place (no revision)."""
        with transaction.atomic():
            for step, page in self.relinks:
                stories.relink(self, step, page)
                self.ledger.remember(step, page, step.record.link)

    def batches(self):
        """Authors and terms in one batch, then photos, posts and pages `batch_size` at a time."""
        first = self.plan.of_kind("author", "term")
        rest = self.plan.of_kind("attachment", *PAGE_KINDS)
        size = max(1, self.plan.options.batch_size)
        yield first
        for start in range(0, len(rest), size):
            yield rest[start : start + size]

    def do(self, step):
        action = step.action
        if action != "skip":
            try:
                made = self.make(step)
            except ValidationError as exc:
                line = getattr(step.record, "line", 0)
                raise WxrError(f"{self.plan.path}:{line}: {step.kind} {step.external_id}: {exc}") from exc
            action = action if made is not None else "left out"
        self.report.counts.setdefault(step.kind, Counter())[action] += 1

    def make(self, step):
        if step.kind == "author":
            return taxonomy.import_author(step, self.ledger)
        if step.kind == "term":
            return taxonomy.import_term(self.plan, step, self.ledger)
        if step.kind == "attachment":
            photo = attachments.import_attachment(self.plan, step, self.ledger, self.warn)
            if photo:
                self.redirect(step, link=self.absolute(photo.file.url))
            return photo
        self.links_ahead = False
        page = (stories.save_story if step.kind == "post" else stories.save_static_page)(self, step)
        if self.links_ahead:  # recorded as changed until relinked, so an interrupted run redoes it
            self.relinks.append((step, page))
        self.ledger.remember(step, page, step.record.link, digest="" if self.links_ahead else step.digest)
        self.urls[(step.kind, step.external_id)] = page.get_url()
        self.redirect(step, page=page)
        return page

    def redirect(self, step, page=None, link=""):
        paths = old_paths(step.record, self.plan.site)
        made = redirect_old_paths(paths, page=page, link=link)
        self.report.redirects += made
        if any(len(path) > PATH_LENGTH for path in paths):
            self.warn("redirect", f"{step.kind} {step.external_id}: an old address is too long to redirect")

    def warn(self, kind, message):
        self.report.warnings.append((kind, message))

    # --- lookups for stories and bodies ------------------------------------------------------------

    def guid(self, post):
        guid = f"{self.plan.source}:{post.id}"
        return (
            guid if len(guid) <= 255 else f"wxr:{hashlib.sha256(self.plan.source.encode()).hexdigest()[:40]}:{post.id}"
        )

    def section_for(self, post):
        """The section of the first category mapped to one (its own mapping or a parent's), else the default."""
        for term in post.terms:
            if term.domain in CATEGORY_DOMAINS:
                kind, slug = taxonomy.category_target(self.plan, term.slug)
                if kind == "section":
                    return self.section(slug, term.name)
        default = self.plan.options.section_default
        return self.section(default, default.replace("-", " ").title())

    def section(self, slug, title):
        if slug not in self.sections:
            self.sections[slug] = taxonomy.section_for(slug, title)
        return self.sections[slug]

    def tags_for(self, post):
        tags = []
        for term in post.terms:
            is_tag = term.domain in TAG_DOMAINS or (
                term.domain in CATEGORY_DOMAINS and taxonomy.category_target(self.plan, term.slug)[0] == "tag"
            )
            if is_tag and term.slug:
                key = (term.domain, term.slug)
                if key not in self.tags:
                    self.tags[key] = taxonomy.tag_for(term.slug, term.name)
                tags.append(self.tags[key])
        return list(dict.fromkeys(tags))

    def person(self, login):
        if login and login not in self.people:
            self.people[login] = self.ledger.get("author", login, Person)
        return self.people.get(login)

    def photo(self, attachment_id, post=None):
        """The photo imported for an attachment id; a post's missing featured image is a warning."""
        if not attachment_id:
            return None
        if attachment_id not in self.photos:
            self.photos[attachment_id] = self.ledger.get("attachment", attachment_id, Photo)
        if self.photos[attachment_id] is None and post is not None:
            self.warn("attachment", f"post {post.id}: featured image {attachment_id} was not imported")
        return self.photos[attachment_id]

    def find_image(self, src):
        attachment_id = self.attachments_by_key.get(attachments.url_key(src))
        return self.photo(attachment_id) if attachment_id else None

    def rewrite_url(self, href):
        """Point a link to an old post at its new address, to its old path here (redirected) if not made yet."""
        parts = urlsplit(href)
        if parts.hostname and parts.hostname not in self.old_hosts:
            return href
        path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
        target = self.posts_by_path.get(path)
        if target is None:
            photo = self.find_image(href) if attachments.UPLOADS in parts.path else None
            return self.absolute(photo.file.url) if photo else href
        url = self.url_of(*target)
        self.links_ahead = self.links_ahead or url is None
        return self.absolute(url or path)

    def url_of(self, kind, external_id):
        if (kind, external_id) not in self.urls:
            page_id = self.ledger.object_id(kind, external_id)
            page = Page.objects.filter(pk=page_id).first() if page_id else None
            self.urls[(kind, external_id)] = page.specific.get_url() if page else None
        return self.urls[(kind, external_id)]

    def absolute(self, url):
        return self.site_root + url if url.startswith("/") else url

"""Publish-to-visible: how long after an editor presses Publish do readers at the edge see the change?

An editor session logs in through the admin login form and posts the story edit form over HTTP, as the
browser does (the StreamField body is sent in the field names Wagtail's editor script writes). A reader
thread polls the page through Varnish from the moment the POST leaves until the new words show. Three
kinds, `reps` times each: a headline edit of the seed story (its page and the home page), a correction
note on it, and a new story in its section appearing on the home page. Everything is put back at the end.
Needs Django set up against the stack's database (bench/http_load.py does it).
"""

import secrets
import statistics
import threading
import time
from contextlib import contextmanager

import requests
from lxml import html as lxml_html

EDITOR = "bench-editor"
POLL_SECONDS = 0.005
MARKER = "uji"  # the word bench edits carry ("test"), with a token after it


EDIT_FORM = "//form[@id='page-edit-form']"
LOGIN_FORM = "//form[contains(@class, 'login-form')]"


def form_fields(page_html, form=EDIT_FORM):
    """The fields a browser would submit from `form`: checked boxes only, first option of a bare select."""
    matches = lxml_html.fromstring(page_html).xpath(form)
    if not matches:
        raise ValueError(f"no {form} in the page")
    form = matches[0]
    fields = {}
    for element in form.xpath(".//input[@name] | .//textarea[@name] | .//select[@name]"):
        name = element.get("name")
        if "__prefix__" in name or element.xpath("ancestor::template"):
            continue  # the empty form an inline panel copies for "Add"
        value = field_value(element)
        if value is not None:
            fields[name] = value
    return fields


def field_value(element):
    if element.tag == "textarea":
        return element.text or ""
    if element.tag == "select":
        chosen = element.xpath(".//option[@selected]/@value") or element.xpath(".//option/@value")[:1]
        return chosen if element.get("multiple") is not None else (chosen[0] if chosen else "")
    kind = (element.get("type") or "text").lower()
    if kind in ("submit", "button", "file", "image", "reset"):
        return None
    if kind in ("checkbox", "radio") and element.get("checked") is None:
        return None
    return element.get("value", "on" if kind in ("checkbox", "radio") else "")


def block_fields(block, value, prefix):
    """Form fields of a StreamField value under `prefix`, named as Wagtail's block editor names its inputs."""
    from wagtail import blocks

    if isinstance(block, blocks.StreamBlock):
        children = [(child.block_type, child.block, child.value, child.id) for child in value]
        return sequence_fields(children, prefix)
    if isinstance(block, blocks.ListBlock):
        children = [(None, block.child_block, item.value, item.id) for item in value.bound_blocks]
        return sequence_fields(children, prefix)
    if isinstance(block, blocks.StructBlock):
        fields = {}
        for name, child in block.child_blocks.items():
            fields.update(block_fields(child, value.get(name), f"{prefix}-{name}"))
        return fields
    state = block.get_form_state(value)
    if isinstance(state, dict):  # a chooser's state: the chosen object's id plus what the widget previews
        state = state.get("id")
    return {prefix: "" if state is None else state}


def sequence_fields(children, prefix):
    fields = {f"{prefix}-count": len(children)}
    for i, (block_type, block, value, block_id) in enumerate(children):
        fields.update({f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-order": i, f"{prefix}-{i}-id": block_id or ""})
        if block_type:
            fields[f"{prefix}-{i}-type"] = block_type
        fields.update(block_fields(block, value, f"{prefix}-{i}-value"))
    return fields


def stream_fields(page):
    """Form fields of every StreamField of `page` (the version the editor opens: the latest revision)."""
    from wagtail.fields import StreamField

    fields = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            fields.update(block_fields(field.stream_block, getattr(page, field.name), field.name))
    return fields


def percentiles(samples):
    """p50 and max of a list of milliseconds, rounded; None for an empty list."""
    if not samples:
        return {"p50_ms": None, "max_ms": None}
    return {"p50_ms": round(statistics.median(samples), 1), "max_ms": round(max(samples), 1)}


class Editor:
    """A logged-in admin session talking to the site through the edge (Varnish passes session requests)."""

    def __init__(self, edge_url, username, password):
        self.edge_url = edge_url
        self.http = requests.Session()
        login = self.http.get(f"{edge_url}/admin/login/")
        fields = {**form_fields(login.text, LOGIN_FORM), "username": username, "password": password}
        answer = self.http.post(login.url, data=fields, allow_redirects=False)
        if answer.status_code != 302 or "sessionid" not in self.http.cookies:
            raise RuntimeError(f"admin login as {username} failed: HTTP {answer.status_code}")

    def open(self, path):
        """GET an editor form; return its final URL (add forms redirect to the month folder) and its fields."""
        response = self.http.get(f"{self.edge_url}{path}")
        response.raise_for_status()
        return response.url, form_fields(response.text)

    def publish(self, url, fields):
        """POST the form with Publish pressed; return the POST's own duration in ms."""
        start = time.perf_counter()
        response = self.http.post(url, data={**fields, "action-publish": "action-publish"}, allow_redirects=False)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 302:
            raise RuntimeError(f"publish {url} answered {response.status_code}, not a redirect: form errors?")
        return elapsed

    def delete(self, page_id):
        """Delete a page through the admin's confirm form."""
        from django.urls import reverse

        url = f"{self.edge_url}{reverse('wagtailadmin_pages:delete', args=[page_id])}"
        answer = self.http.post(
            url, data={"csrfmiddlewaretoken": self.http.cookies["csrftoken"]}, allow_redirects=False
        )
        if answer.status_code != 302:
            raise RuntimeError(f"deleting page {page_id} answered {answer.status_code}")


def bench_editor():
    """Create (or reset) the benchmark's superuser with a fresh random password; return (username, password)."""
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(18)
    user, _created = get_user_model().objects.update_or_create(
        username=EDITOR, defaults={"is_staff": True, "is_superuser": True, "email": f"{EDITOR}@example.com"}
    )
    user.set_password(password)
    user.save()
    return EDITOR, password


@contextmanager
def reader_polls(edge_url, targets, timeout):
    """Poll each (path, text) through the edge in its own thread from now; yield {path: ms until text showed}."""
    start, seen, stop = time.perf_counter(), {}, threading.Event()

    def poll(path, text):
        reader = requests.Session()  # no cookies: an anonymous reader, served from the cache
        while not stop.is_set() and time.perf_counter() - start < timeout:
            if text in reader.get(f"{edge_url}{path}", timeout=timeout).text:
                seen[path] = round((time.perf_counter() - start) * 1000, 1)
                return
            time.sleep(POLL_SECONDS)

    threads = [threading.Thread(target=poll, args=target, daemon=True) for target in targets]
    for thread in threads:
        thread.start()
    try:
        yield seen
        for thread in threads:
            thread.join(timeout)
    finally:
        stop.set()


def cached(edge_url, path, tries=5):
    """Request `path` until the edge answers from its cache; return whether it did."""
    return any(requests.get(f"{edge_url}{path}", timeout=30).headers.get("X-Cache") == "HIT" for _ in range(tries))


def new_form_fields(page_html, panel, index):
    """The fields of one new inline-panel form (`panel`-`index`-...), copied from the panel's empty form."""
    tree = lxml_html.fromstring(page_html)
    fields = {}
    for element in tree.xpath(f"//*[contains(@name, '{panel}-__prefix__-')]"):
        value = field_value(element)
        if value is not None:
            fields[element.get("name").replace("__prefix__", str(index))] = value
    return fields


class PublishBench:
    """The three publish-to-visible measurements on one stack; `restore()` undoes every edit they made."""

    def __init__(self, edge_url, story, timeout=30):
        from django.urls import reverse

        self.edge_url, self.story, self.timeout = edge_url, story, timeout
        self.editor = Editor(edge_url, *bench_editor())
        self.edit_path = reverse("wagtailadmin_pages:edit", args=[story.pk])
        self.add_path = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", story.section_id))
        self.section_path = story.section.url
        self.headline = strip_marker(story.title)

    def measure(self, reps):
        """Run every kind `reps` times; return per kind the POST and visible times (p50, max) and each rep."""
        kinds = {"headline": self.edit_headline, "correction": self.add_correction, "new_story": self.add_story}
        return {kind: summarize_reps([self.timed(step) for _ in range(reps)]) for kind, step in kinds.items()}

    def timed(self, step):
        """One rep: warm the polled pages into the edge, then publish and wait for the new words to show."""
        token = secrets.token_hex(4)
        url, fields, targets = step(f"{MARKER} {token}")
        cached_before = all(cached(self.edge_url, path) for path, _text in targets)
        with reader_polls(self.edge_url, targets, self.timeout) as seen:
            post_ms = self.editor.publish(url, fields)
        return {
            "post_ms": round(post_ms, 1),
            "visible_ms": {path: seen.get(path) for path, _ in targets},
            "cached_before": cached_before,
        }

    def edit_headline(self, words):
        url, fields = self.story_form()
        fields["title"] = f"{self.headline} ({words})"
        home = requests.get(f"{self.edge_url}/", timeout=30).text
        on_home = self.headline in home
        return url, fields, [(self.story.url, words), *([("/", words)] if on_home else [])]

    def add_correction(self, words):
        from django.utils import timezone

        url, fields = self.story_form()
        index = int(fields["corrections-TOTAL_FORMS"])
        page = self.editor.http.get(url).text
        fields.update(new_form_fields(page, "corrections", index))
        fields[f"corrections-{index}-kind"] = "correction"
        fields[f"corrections-{index}-noted_at"] = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        fields[f"corrections-{index}-text"] = f"Ralat {words}: nama narasumber diperbaiki."
        fields["corrections-TOTAL_FORMS"] = index + 1
        return url, fields, [(self.story.url, words)]

    def add_story(self, words):
        from redaksi.articles.models import ArticlePage

        url, fields = self.editor.open(self.add_path)
        body = ArticlePage.body.field.stream_block
        value = body.to_python([{"type": "paragraph", "value": f"<p>Berita {words} untuk uji terbit.</p>"}])
        fields.update(block_fields(body, value, "body"))
        fields.update({"title": f"Berita {words}", "slug": f"berita-{words.replace(' ', '-')}"})
        return url, fields, [("/", f"Berita {words}"), (self.section_path, f"Berita {words}")]

    def story_form(self):
        """The seed story's edit form as the editor's browser would post it back unchanged."""
        url, fields = self.editor.open(self.edit_path)
        fields.update(stream_fields(self.story.get_latest_revision_as_object()))
        return url, fields

    def restore(self):
        """Put the headline back, delete the bench's notes and stories (also those of an interrupted run)."""
        from redaksi.articles.models import ArticlePage

        url, fields = self.story_form()
        fields["title"] = self.headline
        for i in range(int(fields["corrections-TOTAL_FORMS"])):
            if f"{MARKER} " in fields.get(f"corrections-{i}-text", ""):
                fields[f"corrections-{i}-DELETE"] = "1"
        self.editor.publish(url, fields)
        for story in ArticlePage.objects.filter(slug__startswith=f"berita-{MARKER}-"):
            self.editor.delete(story.pk)


def strip_marker(title):
    """The headline without a bench suffix " (uji <token>)" an interrupted run may have left."""
    head, _sep, tail = title.rpartition(f" ({MARKER} ")
    return head if head and tail.endswith(")") else title


def summarize_reps(reps):
    """POST time and time-to-visible per polled page (p50, max), the reps themselves, and what went wrong."""
    pages = list(reps[0]["visible_ms"]) if reps else []
    visible = {page: [rep["visible_ms"][page] for rep in reps] for page in pages}
    return {
        "reps": len(reps),
        "post": percentiles([rep["post_ms"] for rep in reps]),
        "visible": {page: percentiles([ms for ms in times if ms is not None]) for page, times in visible.items()},
        "not_visible": sum(ms is None for times in visible.values() for ms in times),
        "not_cached_before": sum(not rep["cached_before"] for rep in reps),
        "samples": reps,
    }

"""The reader's search page: validate the parameters, search, and prepare the shown page in fixed queries."""

import datetime
from dataclasses import dataclass, field

from redaksi.articles.models import ArticlePage, article_path
from redaksi.core.wib import WIB

from .forms import SearchForm
from .query import MAX_PAGES, PER_PAGE, RELEVANT, Plan, Results, plan_query, search_stories
from .snippets import mark, snippet


@dataclass
class SearchPage:
    """What the search page shows, and its status: 400 for invalid parameters, 404 past the last page."""

    form: SearchForm
    query: str = ""
    plan: Plan = None
    results: Results = None
    hits: list = field(default_factory=list)
    page: int = 1
    status: int = 200

    @property
    def groups(self):
        return self.plan.groups if self.plan else []

    @property
    def suggestion(self):
        """The corrected query to offer ("did you mean"), when some word looked misspelled."""
        return self.plan.suggestion if self.plan else ""

    @property
    def pages(self):
        return -(-self.results.total // PER_PAGE) if self.results else 0

    @property
    def has_next(self):
        return self.page < min(self.pages, MAX_PAGES)


@dataclass(frozen=True)
class Hit:
    story: ArticlePage
    url: str
    headline: str  # highlighted, safe HTML
    snippet: str  # highlighted, safe HTML


def day_start(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=WIB) if day else None


def search_page(params, sections):
    """Build the search page for GET `params`; `sections` are the live sections a reader may filter by."""
    form = SearchForm(params, sections)
    if not form.is_valid():
        return SearchPage(form, status=400)
    data = form.cleaned_data
    query, page = data["q"].strip(), data["halaman"] or 1
    plan = plan_query(query)
    if not plan.groups:
        return SearchPage(form, query)
    until = data["sampai"] + datetime.timedelta(days=1) if data["sampai"] else None
    section = data["rubrik"]
    results = search_stories(
        plan,
        order=data["urut"] or RELEVANT,
        page=page,
        section_id=section.pk if section else None,
        start=day_start(data["dari"]),
        end=day_start(until),
    )
    status = 404 if page > 1 and not results.story_ids else 200
    return SearchPage(form, query, plan, results, hits(results.story_ids, plan.terms), page, status)


def hits(story_ids, terms):
    """The page's stories in result order, `terms` highlighted in headline and snippet: one query."""
    stories = ArticlePage.objects.published().filter(pk__in=story_ids).select_related("section")
    by_id = {story.pk: story for story in stories}
    return [
        Hit(story, article_path(story.pk, story.slug), mark(story.title, terms), snippet(story_text(story), terms))
        for story in (by_id.get(pk) for pk in story_ids)
        if story
    ]


def story_text(story):
    """Standfirst and body as plain text, the text snippets come from."""
    body = story.body.stream_block.get_searchable_content(story.body)
    return " ".join([story.standfirst, *body]).strip()

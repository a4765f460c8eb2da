"""Stories scheduled the way the admin schedules them: a revision published with a go-live or expiry date."""

import datetime as dt
import zoneinfo

from redaksi.articles.tests.factories import ArticlePageFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
GO_LIVE = dt.datetime(2026, 12, 1, 10, 0, tzinfo=WIB)


def seconds(n):
    return dt.timedelta(seconds=n)


def scheduled_story(go_live_at, **fields):
    """A draft story approved to go live at `go_live_at` (publish with a future go-live date in the admin)."""
    story = ArticlePageFactory(draft=True, **fields)
    story.go_live_at = go_live_at
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def expiring_story(expire_at, **fields):
    """A live story set to expire at `expire_at` (publish with an expiry date in the admin)."""
    story = ArticlePageFactory(draft=True, **fields)
    story.expire_at = expire_at
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def is_live(story):
    story.refresh_from_db()
    return story.live

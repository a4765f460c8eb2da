"""Where the reader index keeps its text, per database: PostgreSQL tsvector + GIN, or SQLite FTS5.

Entry rows (story, section, published_at) are shared; the text differs. Both store the analyser's terms,
never raw text, so both match exactly alike. Filters and ordering read `search_storyentry`, so a search
never joins the page table before its LIMIT.
"""

from collections import defaultdict

from django.db import connection

# Headline above standfirst above body: tsvector weights A/B/C, bm25 column weights.
TITLE, STANDFIRST, BODY = "title", "standfirst", "body"
PG_WEIGHTS = {TITLE: "A", STANDFIRST: "B", BODY: "C"}
FTS_WEIGHTS = "10.0, 4.0, 1.0"
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position


def pg_lexeme(term):
    """Quote a term as a tsvector/tsquery lexeme, so PostgreSQL's parser never re-splits it."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(fields, section_id=None):
    """Build a weighted tsvector literal from {field: terms}, positions running on across fields.

    The story's section joins as a lexeme no analysed term can be ('#section12'), so the GIN index answers
    "this word in this section" by intersecting two posting lists.
    """
    positions, position = defaultdict(list), 0
    for field in (TITLE, STANDFIRST, BODY):
        for found in fields.get(field, ()):
            position = min(position + 1, MAX_POSITION)
            positions[found].append(f"{position}{PG_WEIGHTS[field]}")
    lexemes = [f"{pg_lexeme(found)}:{','.join(places[:256])}" for found, places in positions.items()]
    return " ".join([*lexemes, *([pg_lexeme(section_lexeme(section_id))] if section_id else [])])


def section_lexeme(section_id):
    return f"#section{section_id}"


def tsquery_literal(groups):
    """Every group must match; a group's alternatives are ORed; a phrase's terms follow each other."""
    return " & ".join(
        "(" + " | ".join(" <-> ".join(pg_lexeme(found) for found in phrase) for phrase in alternatives) + ")"
        for alternatives in groups
    )


def fts_match(groups):
    """The FTS5 MATCH expression of the groups: each alternative is a quoted phrase."""
    return " AND ".join(
        "(" + " OR ".join('"' + " ".join(phrase).replace('"', '""') + '"' for phrase in alternatives) + ")"
        for alternatives in groups
    )


def filter_sql(section_id, start, end):
    """SQL conditions (and their parameters) on the entry table `e`.

    Times bind as the ORM binds them (SQLite: naive UTC text, what the column holds), so aware bounds in any
    zone compare as instants on both databases.
    """
    conditions, params = [], []
    as_column = connection.ops.adapt_datetimefield_value
    for sql, value in (
        ("e.section_id = %s", section_id),
        ("e.published_at >= %s", as_column(start)),
        ("e.published_at < %s", as_column(end)),
    ):
        if value is not None:
            conditions.append(sql)
            params.append(value)
    return "".join(f" AND {condition}" for condition in conditions), params


class PostgresEngine:
    def write(self, entries, texts):
        """Upsert the entries with the documents of `texts` ({story_id: {field: terms}}), in one statement."""
        values = ", ".join(["(%s, %s, %s, %s::tsvector)"] * len(entries))
        params = [
            value
            for entry in entries
            for value in (
                entry.story_id,
                entry.section_id,
                entry.published_at,
                tsvector_literal(texts[entry.story_id], entry.section_id),
            )
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_storyentry (story_id, section_id, published_at, document) "  # noqa: S608
                f"VALUES {values} ON CONFLICT (story_id) DO UPDATE SET section_id = EXCLUDED.section_id, "
                "published_at = EXCLUDED.published_at, document = EXCLUDED.document",
                params,
            )

    def delete(self, story_ids):
        """Nothing beside the entry rows to delete."""

    def delete_orphans(self):
        """Nothing beside the entry rows to delete."""

    def matches(self, groups, section_id=None, start=None, end=None):
        """FROM/WHERE of the matching entries `e`, and its parameters; the section is a lexeme of the document."""
        extra, params = filter_sql(None, start, end)
        tsquery = tsquery_literal(groups)
        if section_id is not None:
            tsquery += f" & {pg_lexeme(section_lexeme(section_id))}"
        sql = f"FROM search_storyentry e WHERE e.document @@ %s::tsquery{extra}"  # noqa: S608
        return sql, [tsquery, *params]

    def newest_page(self, groups, filters, limit, offset, few):
        """Ids of a page of matches, newest first.

        Many matches: walk the time index backwards, testing each row, until the page is full (dense).
        Few (`few`, at most the result cap): that walk would read most of the table, so read the
        matches through the GIN index and sort them.
        """
        sql, params = self.matches(groups, **filters)
        order = "ORDER BY published_at DESC, story_id DESC LIMIT %s OFFSET %s"
        if few:
            cte = f"WITH m AS MATERIALIZED (SELECT e.story_id, e.published_at {sql})"
            return f"{cte} SELECT story_id FROM m {order}", [*params, limit, offset]  # noqa: S608
        return f"SELECT e.story_id {sql} {order}", [*params, limit, offset]  # noqa: S608

    def ranked_candidates(self, groups, filters, limit, few):
        """(story_id, published_at, rank) of the newest `limit` matches; ranks only those (see newest_page)."""
        sql, params = self.matches(groups, **filters)
        rank = "ts_rank(document, %s::tsquery)"
        if few:
            cte = f"WITH m AS MATERIALIZED (SELECT e.story_id, e.published_at, e.document {sql})"
            return f"{cte} SELECT story_id, published_at, {rank} FROM m", [*params, tsquery_literal(groups)]  # noqa: S608
        inner = f"SELECT e.story_id, e.published_at, e.document {sql} ORDER BY e.published_at DESC LIMIT %s"
        outer = f"SELECT story_id, published_at, {rank} FROM ({inner}) c"  # noqa: S608
        return outer, [tsquery_literal(groups), *params, limit]


class SQLiteEngine:
    def write(self, entries, texts):
        """Upsert the entries and replace their FTS5 texts ({story_id: {field: terms}})."""
        from .models import StoryEntry

        StoryEntry.objects.bulk_create(
            entries, update_conflicts=True, unique_fields=["story"], update_fields=["section", "published_at"]
        )
        self.delete(texts)
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_storytext (rowid, title, standfirst, body) VALUES (%s, %s, %s, %s)",
                [
                    (story_id, *(" ".join(fields.get(field, ())) for field in (TITLE, STANDFIRST, BODY)))
                    for story_id, fields in texts.items()
                ],
            )

    def delete(self, story_ids):
        """Remove the stories' texts."""
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_storytext WHERE rowid = %s", [(pk,) for pk in story_ids])

    def delete_orphans(self):
        """Remove texts whose entry is gone (an entry row cascades away with its story)."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_storytext WHERE rowid NOT IN (SELECT story_id FROM search_storyentry)")

    def matches(self, groups, section_id=None, start=None, end=None):
        """FROM/WHERE of the matching entries `e`, and its parameters."""
        extra, params = filter_sql(section_id, start, end)
        sql = (
            "FROM search_storytext JOIN search_storyentry e ON e.story_id = search_storytext.rowid "  # noqa: S608
            f"WHERE search_storytext MATCH %s{extra}"
        )
        return sql, [fts_match(groups), *params]

    def newest_page(self, groups, filters, limit, offset, few):
        """Ids of a page of matches, newest first; FTS5 always finds the matches first, whatever `few` says."""
        sql, params = self.matches(groups, **filters)
        return f"SELECT e.story_id {sql} ORDER BY published_at DESC, story_id DESC LIMIT %s OFFSET %s", [
            *params,
            limit,
            offset,
        ]

    def ranked_candidates(self, groups, filters, limit, few):
        """(story_id, published_at, rank) of the newest `limit` matches; bm25 is lower for better matches."""
        sql, params = self.matches(groups, **filters)
        rank = f"-bm25(search_storytext, {FTS_WEIGHTS})"
        return f"SELECT e.story_id, e.published_at, {rank} {sql} ORDER BY e.published_at DESC LIMIT %s", [
            *params,
            limit,
        ]


def engine():
    """The engine of the default database."""
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()

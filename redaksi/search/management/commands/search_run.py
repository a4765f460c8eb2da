"""manage.py search_run: rank topics through the reader's search over a corpus, write a TREC run file.

See redaksi/search/evaluation.py (what is ranked and how) and scratch.py (the throwaway database).
"""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError

from redaksi.search.evaluation import DEFAULT_DEPTH, DEFAULT_TAG, EvaluationError, RunSpec, evaluate_here
from redaksi.search.scratch import run_in_scratch


def iso_datetime(value):
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {value!r}") from error


class Command(BaseCommand):
    help = (
        "File a corpus (JSON lines) as live stories in a throwaway database, rank each topic (qid<TAB>query) "
        "through the reader's search in relevance order and write a TREC run file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", required=True, help="JSON lines: id, title, paragraphs, published_at, category")
        parser.add_argument("--topics", required=True, help="one topic a line: qid<TAB>query")
        parser.add_argument("--run", required=True, help="the TREC run file to write (qid Q0 docid rank score tag)")
        parser.add_argument("--depth", type=int, default=DEFAULT_DEPTH, help="results per topic (at most 500)")
        parser.add_argument("--database-url", help="a PostgreSQL server URL; default: a temporary SQLite file")
        parser.add_argument("--tag", default=DEFAULT_TAG, help="the run's name, last column of the run file")
        parser.add_argument(
            "--now", type=iso_datetime, help="the ranking's present (ISO, with offset); default: newest story + 1 day"
        )
        parser.add_argument("--scratch-database", help=argparse.SUPPRESS)  # the child's: see scratch.py

    def handle(self, *args, **options):
        names = ("corpus", "topics", "run", "depth", "tag", "now")
        spec = RunSpec(*(options[name] for name in names))
        try:
            if options["scratch_database"]:
                self.stdout.write(evaluate_here(spec, options["scratch_database"]))
                return
            out, err = run_in_scratch(spec, options["database_url"])
        except EvaluationError as error:
            raise CommandError(str(error)) from error
        self.stderr.write(err, ending="")
        self.stdout.write(out, ending="")

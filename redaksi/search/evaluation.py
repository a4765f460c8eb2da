"""Search evaluation: a corpus filed as stories, topics ranked by the reader's search, a TREC run file.

`manage.py search_run` checks its input, then does the work in a child process on a throwaway database
(scratch.py says why); the child files the corpus (corpus.file_stories), indexes it through the bulk path
(rebuild_story_index), ranks every topic as /cari/ does in "relevan" order with no filters (plan_query,
search_stories, page after page) and writes `qid Q0 docid rank score tag` lines, docid = corpus id.

search_stories returns ids in order, not scores: the score written is depth - rank + 1.
"""

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import CorpusError, read_corpus
from .forms import MAX_QUERY_LENGTH
from .query import MAX_RESULTS, PER_PAGE, RELEVANT, plan_query, search_stories

DEFAULT_DEPTH = 100
DEFAULT_TAG = "redaksi"


class EvaluationError(ValueError):
    """Input the evaluation cannot use, or a failed run; the message names the file and line."""


@dataclass(frozen=True)
class RunSpec:
    """One search_run: the input files, the run file to write, how deep, its tag and the ranking's "now"."""

    corpus: Path
    topics: Path
    run: Path
    depth: int = DEFAULT_DEPTH
    tag: str = DEFAULT_TAG
    now: datetime.datetime | None = None

    def argv(self):
        """The command-line options that ask for this run again (for the child process)."""
        options = {"--corpus": self.corpus, "--topics": self.topics, "--run": self.run, "--depth": self.depth}
        options.update({"--tag": self.tag, "--now": self.now.isoformat()})
        return [str(item) for option in options.items() for item in option]


def checked(spec):
    """Read and check the input; return it, and the spec with absolute paths and "now" decided."""
    if not 1 <= spec.depth <= MAX_RESULTS:
        raise EvaluationError(f"--depth must be 1-{MAX_RESULTS}: the reader's search ranks at most {MAX_RESULTS}")
    if not spec.tag or any(char.isspace() for char in spec.tag):
        raise EvaluationError(f"--tag {spec.tag!r}: a run tag is one word (no spaces)")
    if spec.now is not None and spec.now.utcoffset() is None:
        raise EvaluationError(f"--now {spec.now.isoformat()}: give a UTC offset, e.g. 2018-03-02T00:00:00+07:00")
    run = Path(spec.run).resolve()
    if not run.parent.is_dir():
        raise EvaluationError(f"--run {spec.run}: the folder {run.parent} does not exist")
    try:
        stories = read_corpus(spec.corpus)
    except CorpusError as error:
        raise EvaluationError(str(error)) from error
    if not stories:
        raise EvaluationError(f"{spec.corpus}: the corpus holds no story")
    topics = read_topics(spec.topics)
    now = spec.now or max(story.published_at for story in stories) + datetime.timedelta(days=1)
    spec = replace(spec, corpus=Path(spec.corpus).resolve(), topics=Path(spec.topics).resolve(), run=run, now=now)
    return spec, stories, topics


def read_topics(path):
    """Return [(qid, query)] from `qid<TAB>query` lines (blank lines skipped); refuse a bad line naming it."""
    topics, seen = [], set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read the topics ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        qid, tab, query = line.partition("\t")
        where = f"{path}, line {number}"
        if not tab:
            raise EvaluationError(f"{where}: expected 'qid<TAB>query', found no tab")
        if not qid or any(char.isspace() for char in qid) or not query.strip():
            raise EvaluationError(f"{where}: the qid must be one word and the query not empty")
        if len(query) > MAX_QUERY_LENGTH:
            raise EvaluationError(f"{where}: the search box takes at most {MAX_QUERY_LENGTH} characters")
        if qid in seen:
            raise EvaluationError(f"{where}: qid {qid} appears twice")
        seen.add(qid)
        topics.append((qid, query))
    return topics


def ranked_ids(query, depth, now):
    """Story ids for `query` in the reader's relevance order, no filters, down to `depth`."""
    plan, ranked = plan_query(query.strip()), []
    for page in range(1, -(-depth // PER_PAGE) + 1):
        found = search_stories(plan, order=RELEVANT, page=page, now=now).story_ids
        ranked += found
        if len(found) < PER_PAGE:
            break
    return ranked[:depth]


def run_rows(qid, docids, depth, tag):
    """A topic's run rows (qid, docid, rank, score, tag), with the synthetic score depth - rank + 1."""
    return [(qid, docid, rank, depth - rank + 1, tag) for rank, docid in enumerate(docids, 1)]


def write_run(path, rows):
    """Write TREC run lines `qid Q0 docid rank score tag` (an int score as is, a float to six decimals)."""
    lines = [
        f"{qid} Q0 {docid} {rank} {score if isinstance(score, int) else f'{score:.6f}'} {tag}\n"
        for qid, docid, rank, score, tag in rows
    ]
    Path(path).write_text("".join(lines), encoding="utf-8")


def evaluate_here(spec, scratch_name):
    """File, index and rank in this process's database, which must be the fresh scratch one; return a report."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Site

    from .corpus import file_stories
    from .index import rebuild_story_index
    from .reader_index import reader_index

    if str(connection.settings_dict["NAME"]) != scratch_name or connection.introspection.table_names():
        raise EvaluationError(f"refusing to load a corpus into {connection.settings_dict['NAME']}: not the scratch")
    spec, stories, topics = checked(spec)
    call_command("migrate", verbosity=0, interactive=False)
    corpus_ids = file_stories(stories, Site.objects.get(is_default_site=True).root_page)
    indexed = rebuild_story_index()
    reader_index().sync()  # as the worker does after a bulk load
    rows = []
    for qid, query in topics:
        docids = [corpus_ids[pk] for pk in ranked_ids(query, spec.depth, spec.now)]
        rows += run_rows(qid, docids, spec.depth, spec.tag)
    write_run(spec.run, rows)
    answered = len({row[0] for row in rows})
    return (
        f"{connection.vendor}: filed {len(corpus_ids)} stories, indexed {indexed}; ranked {len(topics)} topics "
        f"({answered} with results, {len(rows)} lines, depth {spec.depth}, now {spec.now.isoformat()}) "
        f"into {spec.run}"
    )

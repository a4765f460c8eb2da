"""The IndoSum corpus (real Indonesian stories, CC BY-SA 4.0) as benchmark input.

Reads ../shared/testdata/corpus-id/indosum-articles.jsonl (3,463 articles; titles and dates are derived,
see its README) with the app's corpus reader (redaksi/search/corpus.py) and offers it to
bench/bulk_archive.py as a story text source, so a 100k or 1M archive is filed with real Indonesian text:
story k is corpus article k mod 3,463 under a new id, slug and date.
"""

from pathlib import Path

from redaksi.search import corpus
from redaksi.search.corpus import CorpusStory, CorpusText, CorpusTimeline

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "corpus-id" / "indosum-articles.jsonl"
NOTICE = "IndoSum (Kurniawan & Louvan, IALP 2018), CC BY-SA 4.0"
__all__ = ["CORPUS", "NOTICE", "CorpusStory", "CorpusText", "CorpusTimeline", "file_corpus", "read_corpus"]


def read_corpus(path=CORPUS):
    """Return the corpus stories in file order; a line that is not a story names its line number."""
    return corpus.read_corpus(path)


def file_corpus(stories, sections):
    """File `stories` once as live stories at their own dates, round robin over `sections`.

    Returns {story page id: corpus id}. (`manage.py search_run` files by category instead: corpus.file_stories.)
    """
    from bench.bulk_archive import ArchiveLoader
    from redaksi.articles.models import ArticlePage

    text = CorpusText(stories)
    ArchiveLoader(sections, CorpusTimeline(stories), batch_size=1000, index_search=False, text=text).load(
        0, len(stories)
    )
    filed = ArticlePage.objects.filter(section__in=sections).values_list("pk", "slug")
    return {pk: text.corpus_id(int(slug.rsplit("-", 1)[1])) for pk, slug in filed}

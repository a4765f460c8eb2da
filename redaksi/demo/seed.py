"""The seed article and the story its "Baca Juga" names, both entered through the text importer."""

from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command

from redaksi.articles.models import ArticlePage

ARTICLES = Path(__file__).parent / "data" / "articles"
REUTERS = ["--source-url", "https://www.reuters.com/", "--wire-source", "Reuters"]


@dataclass(frozen=True)
class SeedImport:
    path: Path
    published_at: str

    @property
    def guid(self):
        """The text importer's identity for a file's story (redaksi.ingest.services.guid_for)."""
        return f"text:{self.path.stem}"

    def imported(self):
        return ArticlePage.objects.filter(guid=self.guid).first()

    def run(self, stdout):
        options = ["--section", "global-connections", "--publish", "--published-at", self.published_at, *REUTERS]
        call_command("import_article_text", str(self.path), *options, stdout=stdout)
        return self.imported()


# In order: the seed's "Baca Juga" must find its story already published.
RELATED = SeedImport(ARTICLES / "kekuatan-rusia-s-400-belarus.txt", "2022-01-20T18:30:00+07:00")
SEED = SeedImport(ARTICLES / "000_42ac34568c9be250.txt", "2022-01-21T21:10:00+07:00")
DATA_FILES = [RELATED.path, SEED.path]


def import_seed(stdout):
    """Import the related story, then the seed article, unless they are in already; return the seed story.

    Skipping an imported file keeps a second run from adding revisions: the importer updates in place.
    """
    for article in (RELATED, SEED):
        story = article.imported() or article.run(stdout)
    return story

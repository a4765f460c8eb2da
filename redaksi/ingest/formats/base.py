"""What every ingest format parses into: a story's parts, and the error for input that does not fit."""

from dataclasses import dataclass, field


class ParseError(ValueError):
    """Input that does not fit its format, at a numbered line of a named file."""

    def __init__(self, source, line, problem):
        self.source, self.line, self.problem = source, line, problem
        super().__init__(f"{source}:{line}: {problem}")


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph in plain text; `read_more` marks a trailing "Baca selengkapnya" (not in `text`)."""

    text: str
    line: int
    read_more: bool = False


@dataclass(frozen=True)
class RelatedLink:
    """A "Baca Juga" line: the headline of another story, to be linked inline."""

    headline: str
    line: int


@dataclass(frozen=True)
class ParsedStory:
    """One story as read from a file, before it touches the database; `lines` maps field name to line."""

    source: str
    headline: str
    hero_alt_text: str
    hero_credit: str
    dateline_city: str
    body: tuple[Paragraph | RelatedLink, ...]
    editor: str
    wire_source: str = ""
    authors: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)

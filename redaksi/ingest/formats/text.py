"""Scraped article pages in the outlet's plain-text layout (see redaksi/demo/data/articles/).

Top to bottom: a navigation block, the headline, "<alt text> Kredit Foto: <credit>", the dateline
"<Outlet>, <City> -", body paragraphs separated by blank lines (with "Baca Juga: <headline>" lines
among them), "Editor: <name>", then a share/video trailer that is ignored.

Variations seen on the outlet's pages: the menu may hold other items and blank lines, or be missing
(the headline is the one-line paragraph before the first "Kredit Foto" line); any number of "Baca
Juga" lines; a "Penulis: <name>[, <name>]" line among the body or right after "Editor:", or one
"Penulis/Editor: <name>" line for both; no "dilansir <Agency>" line (no wire source).
"""

import re

from .base import Paragraph, ParsedStory, ParseError, RelatedLink

CREDIT_MARK = "Kredit Foto:"
DATELINE = re.compile(r"(?P<outlet>[^,]+),\s*(?P<city>.+?)\s*[-\u2013\u2014]")
RELATED = re.compile(r"Baca Juga\s*:\s*(?P<headline>.*)", re.IGNORECASE)
EDITOR = re.compile(r"(?:(?P<author>Penulis)\s*/\s*)?Editor\s*:\s*(?P<name>.*)")
AUTHORS = re.compile(r"Penulis\s*:\s*(?P<names>.*)")
NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\bdan\b)\s*")
READ_MORE = re.compile(r"\s*\bBaca selengkapnya$")
# "dilansir Reuters, Jumat (21/1/2022)": capitalised words after "dilansir (dari)", stopping at a weekday.
WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu"
CAPITALISED = r"[A-Z][\w&'-]*"
WIRE = re.compile(
    rf"\b(?i:dilansir)\s+(?:(?i:dari)\s+)?(?P<agency>{CAPITALISED}(?:\s+(?!(?:{WEEKDAYS})\b){CAPITALISED})*)"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def parse(data: bytes, source: str) -> ParsedStory:
    """Parse one scraped article page; raise ParseError naming the first line that does not fit."""
    cursor = _Cursor(decode(data, source), source)
    headline_line, headline = _headline(cursor)
    hero_line, (alt_text, credit) = cursor.expect("'<alt text> Kredit Foto: <credit>' after the headline", _credit)
    dateline_line, city = cursor.expect("dateline '<Outlet>, <City> -' after the photo credit", _dateline)
    body, (editor_line, editor), bylines = _body(cursor)
    bylines += _byline_after_editor(cursor)
    wire_line, wire_source = _wire_source(body)
    authors_line, authors = _authors(cursor, bylines)
    return ParsedStory(
        source=source,
        headline=headline,
        hero_alt_text=alt_text or headline,
        hero_credit=credit,
        dateline_city=city,
        body=body,
        editor=editor,
        wire_source=wire_source,
        authors=authors,
        lines={
            "headline": headline_line,
            "hero": hero_line,
            "dateline_city": dateline_line,
            "editor": editor_line,
            "wire_source": wire_line,
            "authors": authors_line,
        },
    )


def decode(data: bytes, source: str) -> list[str]:
    """Return the file's lines; refuse binary, non-UTF-8, empty and control-character input."""
    if b"\0" in data:
        raise ParseError(source, _line_at(data, data.index(b"\0")), "binary data (NUL byte), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text (byte 0x{data[exc.start]:02x})"
        raise ParseError(source, _line_at(data, exc.start), problem) from exc
    if not text.strip():
        raise ParseError(source, 1, "the file is empty")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n").split("\n")
    for number, line in enumerate(lines, 1):
        if match := CONTROL.search(line):
            raise ParseError(source, number, f"control character U+{ord(match.group()):04X} in text")
    return lines


def _line_at(data, offset):
    return data.count(b"\n", 0, offset) + 1


class _Cursor:
    """Walk a file's lines once, numbering them for error messages."""

    def __init__(self, lines, source):
        self.lines, self.source, self.index = lines, source, 0

    def error(self, line, problem):
        return ParseError(self.source, line, problem)

    def rest(self):
        """Yield (line number, stripped text) for every remaining line, blank ones included."""
        while self.index < len(self.lines):
            self.index += 1
            yield self.index, self.lines[self.index - 1].strip()

    def next_text(self, what):
        """Return (line number, text) of the next non-blank line; raise naming `what` if the file ends."""
        for number, text in self.rest():
            if text:
                return number, text
        raise self.error(len(self.lines), f"no {what}: the file ends here")

    def expect(self, what, read):
        """Return (line number, read(text)) for the next non-blank line, or raise if `read` returns None."""
        number, text = self.next_text(what)
        value = read(text)
        if value is None:
            raise self.error(number, f"expected the {what}, found {_shorten(text)}")
        return number, value

    def skip_navigation(self):
        """Skip the menu: the lines before the first blank line."""
        self.next_text("navigation block")
        for _number, text in self.rest():
            if not text:
                return

    def peek_text(self):
        """Return (line number, text) of the next non-blank line without moving, or (None, "")."""
        for index in range(self.index, len(self.lines)):
            if self.lines[index].strip():
                return index + 1, self.lines[index].strip()
        return None, ""


def _headline(cursor):
    """Return the headline: the one-line paragraph before the first "Kredit Foto" line; the menu is before it.

    Without a "Kredit Foto" line anywhere, read the layout in order (menu, headline) so the error
    names the line where the credit should be.
    """
    credit = next((index for index, line in enumerate(cursor.lines) if CREDIT_MARK in line), None)
    if credit is None:
        cursor.skip_navigation()
        return cursor.next_text("headline after the navigation block")
    paragraph = _paragraph_before(cursor.lines, credit)
    if len(paragraph) != 1:
        raise cursor.error(credit + 1, "expected the headline, found the photo credit (is the headline missing?)")
    cursor.index = paragraph[0] + 1
    return paragraph[0] + 1, cursor.lines[paragraph[0]].strip()


def _paragraph_before(lines, end):
    """Return the indexes of the run of non-blank lines just before lines[end], blank lines between skipped."""
    index = end - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    run = []
    while index >= 0 and lines[index].strip():
        run.insert(0, index)
        index -= 1
    return run


def _credit(text):
    alt_text, mark, credit = text.partition(CREDIT_MARK)
    if mark and credit.strip():
        return alt_text.strip(), credit.strip()
    return None


def _dateline(text):
    match = DATELINE.fullmatch(text)
    return match["city"] if match else None


def _body(cursor):
    """Collect paragraphs and "Baca Juga" links up to the "Editor:" line; return them, the editor and bylines."""
    body, pending, bylines = [], [], []
    for number, text in cursor.rest():
        related, editor, byline = RELATED.fullmatch(text), EDITOR.fullmatch(text), AUTHORS.fullmatch(text)
        if text and not (related or editor or byline):
            pending.append((number, text))
            continue
        if pending:
            body.append(_paragraph(pending))
            pending = []
        if related:
            body.append(_related(cursor, number, related["headline"]))
        elif byline:
            bylines.append((number, byline["names"]))
        elif editor:
            if editor["author"]:
                bylines.append((number, editor["name"]))
            editor_name = _editor(cursor, number, editor["name"])
            return _checked_body(cursor, body, number), (number, editor_name), bylines
    raise cursor.error(len(cursor.lines), "no 'Editor: <name>' line after the body: the file ends here")


def _byline_after_editor(cursor):
    """Return [(line, names)] for a "Penulis:" line right after "Editor:", else []."""
    number, text = cursor.peek_text()
    byline = AUTHORS.fullmatch(text)
    return [(number, byline["names"])] if byline else []


def _authors(cursor, bylines):
    """Return (line of the first byline, names in order without repeats); a byline without a name is an error."""
    names = []
    for number, text in bylines:
        found = [name.strip() for name in NAME_SEPARATOR.split(text) if name.strip()]
        if not found:
            raise cursor.error(number, "no name after 'Penulis:'")
        names += [name for name in found if name not in names]
    return (bylines[0][0] if bylines else None), tuple(names)


def _paragraph(lines):
    """Join a paragraph's lines; split off a trailing "Baca selengkapnya" (the wire's full-report link)."""
    text = " ".join(text for _number, text in lines)
    match = READ_MORE.search(text)
    if match:
        return Paragraph(text[: match.start()], lines[0][0], read_more=True)
    return Paragraph(text, lines[0][0])


def _related(cursor, number, headline):
    if not headline.strip():
        raise cursor.error(number, "no headline after 'Baca Juga:'")
    return RelatedLink(headline.strip(), number)


def _checked_body(cursor, body, editor_line):
    if not any(isinstance(block, Paragraph) for block in body):
        raise cursor.error(editor_line, "no body paragraphs between the dateline and 'Editor:'")
    return tuple(body)


def _editor(cursor, number, name):
    if not name.strip():
        raise cursor.error(number, "no name after 'Editor:'")
    return name.strip()


def _wire_source(body):
    """Return (line, agency) of the first "dilansir <Agency>" in the paragraphs, or (None, "")."""
    for block in body:
        if isinstance(block, Paragraph) and (match := WIRE.search(block.text)):
            return block.line, match["agency"]
    return None, ""


def _shorten(text, limit=60):
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")

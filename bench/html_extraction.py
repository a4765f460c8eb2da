"""Story extraction from saved news pages: trafilatura against jusText and readability-lxml, vs gold text.

Pages and gold come from newspaper4k's own test data (its sdist's tests/data: html/, txt/ with the
article text its maintainers checked, metadata/ with title, date and authors). Pages in languages
written without spaces (zh, ja, th) are left out, as word counts mean nothing there.

For every page and extractor: word precision, recall and F1 of the extracted body against the gold
body (bags of lower-cased words: precision = shared words / extracted words, recall = shared / gold),
and the time taken. "redaksi" is the importer's path: trafilatura's HTML through ingest/body.py, its
blocks' text. For trafilatura's metadata as the importer reads it (formats/html.py): headline equal to
the gold title, publication day equal to the gold day, any gold author found.

Writes bench/results/html-extraction.md and .json. Usage (docs/ingest.md):

    .venv/bin/pip install readability-lxml==0.9   # bench only, not in the lock
    .venv/bin/python bench/html_extraction.py     # fetches newspaper4k's sdist with pip once, into var/bench/
"""

import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
BENCH_DIR = BASE_DIR / "var" / "bench"
SDIST = "newspaper4k==0.9.6"
DATA = BENCH_DIR / "newspaper4k-0.9.6" / "tests" / "data"
NO_SPACES = {"zh", "ja", "th", "my", "ko"}
JUSTEXT_LANGUAGES = {"en": "English", "es": "Spanish", "ar": "Arabic", "lv": "Latvian", None: "English"}
WORD = re.compile(r"\w+", re.UNICODE)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="newspaper4k's tests/data folder")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for html-extraction.md/.json")
    return parser.parse_args(argv)


def fetch_data(data):
    """Unpack newspaper4k's sdist (a registry download with pip) when its test data is not there yet."""
    if data.is_dir():
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", SDIST, "-d", BENCH_DIR]
    subprocess.run(pip, check=True, capture_output=True)  # noqa: S603 (fixed arguments)
    with tarfile.open(next(BENCH_DIR.glob("newspaper4k-*.tar.gz"))) as sdist:
        sdist.extractall(BENCH_DIR, filter="data")


def pages(data):
    """Yield (name, html bytes, gold text, gold metadata) for pages with all three files, spaced languages only."""
    for gold in sorted((data / "txt").glob("*.txt")):
        html, meta = data / "html" / f"{gold.stem}.html", data / "metadata" / f"{gold.stem}.json"
        if not (html.exists() and meta.exists()):
            continue
        metadata = json.loads(meta.read_text(encoding="utf-8"))
        if metadata.get("language") not in NO_SPACES:
            yield gold.stem, html.read_bytes(), gold.read_text(encoding="utf-8"), metadata


def words(text):
    return Counter(WORD.findall(text.lower()))


def scores(extracted, gold):
    """Return word precision, recall and F1 of `extracted` against `gold`."""
    out, ref = words(extracted), words(gold)
    shared = sum((out & ref).values())
    precision = shared / sum(out.values()) if out else 0.0
    recall = shared / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def with_trafilatura(data, _language):
    import trafilatura

    return trafilatura.extract(data, include_comments=False, include_tables=True) or ""


def with_justext(data, language):
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_LANGUAGES.get(language, "English"))
    return "\n".join(part.text for part in justext.justext(data, stoplist) if not part.is_boilerplate)


def with_readability(data, _language):
    import lxml.html
    from readability import Document

    summary = Document(data.decode("utf-8", "replace")).summary(html_partial=True)
    return lxml.html.fragment_fromstring(summary, create_parent="div").text_content()


def with_redaksi(data, _language):
    """The importer's path: trafilatura's HTML through body.py; the text of the blocks it keeps."""
    from django.utils.html import strip_tags

    from redaksi.ingest.body import html_to_body
    from redaksi.ingest.formats.html import extract_body

    body, _notes = extract_body(data)
    texts = []
    for block_type, value in html_to_body(body, autop=False).blocks:
        if block_type == "quote":
            texts += [value["text"], value["attribution"]]
        else:
            texts.append(strip_tags(value.source) if hasattr(value, "source") else str(value))
    return "\n".join(texts)


EXTRACTORS = {
    "trafilatura 2.3.1 (defaults)": with_trafilatura,
    "jusText 3.0.2": with_justext,
    "readability-lxml 0.9": with_readability,
    "redaksi: formats/html.py + body.py": with_redaksi,
}


def metadata_row(name, data, gold):
    """Compare what formats/html.py reads with the gold title, day and authors."""
    from redaksi.ingest.formats.html import parse

    page = parse(data, name)
    day = (gold.get("publish_date") or "")[:10]
    authors = {author.casefold() for author in gold.get("authors") or []}
    return {
        "page": name,
        "title": " ".join(page.headline.split()) == " ".join((gold.get("title") or "").split()),
        "day": bool(day) and page.published_at is not None and page.published_at.date().isoformat() == day,
        "author": bool(authors & {author.casefold() for author in page.authors}),
        "has_day": bool(day),
        "has_author": bool(authors),
    }


def measure(data):
    rows, metadata = [], []
    for name, html, gold, gold_meta in pages(data):
        for extractor, extract in EXTRACTORS.items():
            started = time.perf_counter()
            text = extract(html, gold_meta.get("language"))
            elapsed = time.perf_counter() - started
            precision, recall, f1 = scores(text, gold)
            rows.append({"page": name, "extractor": extractor, "precision": precision, "recall": recall,
                         "f1": f1, "ms": elapsed * 1000})  # fmt: skip
        metadata.append(metadata_row(name, html, gold_meta))
    return rows, metadata


def summary(rows, metadata):
    """Return the Markdown report: per extractor means, per page F1, metadata hits."""
    lines = ["| extractor | mean precision | mean recall | mean F1 | median F1 | worst F1 | median ms |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for extractor in EXTRACTORS:
        mine = [row for row in rows if row["extractor"] == extractor]
        f1s = [row["f1"] for row in mine]
        lines.append(
            f"| {extractor} | {statistics.mean(row['precision'] for row in mine):.3f} "
            f"| {statistics.mean(row['recall'] for row in mine):.3f} | {statistics.mean(f1s):.3f} "
            f"| {statistics.median(f1s):.3f} | {min(f1s):.3f} | {statistics.median(row['ms'] for row in mine):.0f} |"
        )
    names = sorted({row["page"] for row in rows})
    lines += ["", "F1 per page:", "", "| page | " + " | ".join(EXTRACTORS) + " |", "|---" * (len(EXTRACTORS) + 1) + "|"]
    for name in names:
        f1 = {row["extractor"]: row["f1"] for row in rows if row["page"] == name}
        lines.append(f"| {name} | " + " | ".join(f"{f1[extractor]:.2f}" for extractor in EXTRACTORS) + " |")
    hits = {key: sum(row[key] for row in metadata) for key in ("title", "day", "author")}
    lines += [
        "",
        f"Importer metadata (formats/html.py) on {len(metadata)} pages: headline equal to the gold title "
        f"{hits['title']}/{len(metadata)}, publication day right {hits['day']}/{sum(r['has_day'] for r in metadata)} "
        f"(pages with a gold date), a gold author found {hits['author']}/{sum(r['has_author'] for r in metadata)} "
        "(pages with gold authors).",
    ]
    return "\n".join(lines) + "\n"


def configure_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redaksi.settings.test")
    import django

    django.setup()


def main(argv=None):
    args = parse_args(argv)
    if importlib.util.find_spec("readability") is None:
        del EXTRACTORS["readability-lxml 0.9"]
        sys.stderr.write(
            "readability-lxml is not installed (bench only: pip install readability-lxml==0.9); left out\n"
        )
    configure_django()
    fetch_data(args.data)
    rows, metadata = measure(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    report = summary(rows, metadata)
    (args.out / "html-extraction.md").write_text(report, encoding="utf-8")
    (args.out / "html-extraction.json").write_text(json.dumps({"rows": rows, "metadata": metadata}, indent=1))
    sys.stdout.write(report)


if __name__ == "__main__":
    main()

"""The site's own words: Indonesian complete and compiled, English by construction (msgids are English)."""

import ast
import gettext
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGS = sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/django.po"))


def po_entries(path):
    """Parse a .po file into entries (msgid, msgid_plural, msgstr list, flags); header and obsolete ones skipped."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    entries = [po_entry(block.splitlines()) for block in blocks]
    return [entry for entry in entries if entry.get("msgid")]


def po_entry(lines):
    """Parse one blank-line-separated .po block; continued strings join the field above them."""
    flags, fields, field = set(), {}, None
    for line in lines:
        if line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith(("msgctxt ", "msgid", "msgstr")):
            field, _, text = line.partition(" ")
            fields[field] = ast.literal_eval(text)
        elif line.startswith('"') and field:
            fields[field] += ast.literal_eval(line)
    msgstr = [value for key, value in fields.items() if key.startswith("msgstr")]
    return {"flags": flags, "msgstr": msgstr, **{k: v for k, v in fields.items() if not k.startswith("msgstr")}}


def test_the_parser_reads_flags_plurals_and_continued_lines(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: id\\n"\n\n'
        '#: a.py\n#, fuzzy, python-format\nmsgid "Hello %(name)s"\nmsgstr "Halo"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\n"banyak"\n\n'
        '#~ msgid "gone"\n#~ msgstr "hilang"\n',
        encoding="utf-8",
    )

    first, second = po_entries(po)

    assert (first["msgid"], first["msgstr"], first["flags"]) == ("Hello %(name)s", ["Halo"], {"fuzzy", "python-format"})
    assert (second["msgid_plural"], second["msgstr"]) == ("many", ["banyak"])


def test_there_are_catalogs_to_check():
    assert PACKAGE / "locale/id/LC_MESSAGES/django.po" in CATALOGS


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_every_message_is_translated_and_none_is_fuzzy(po):
    entries = po_entries(po)
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]

    assert entries
    assert untranslated == [], f"{po}: empty msgstr"
    assert fuzzy == [], f"{po}: fuzzy entries"


def catalog(mo_path):
    with open(mo_path, "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_committed_mo_is_compiled_from_the_current_po(po, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)  # noqa: S607

    assert catalog(po.with_suffix(".mo")) == catalog(fresh), f"{po}: run manage.py compilemessages"


@pytest.mark.parametrize(
    ("path", "words", "absent"),
    [
        ("/", ["Langsung ke konten", "Media sosial", "Terpopuler"], ["Skip to content", "Most read"]),
        ("/en/", ["Skip to content", "Social media", "Most read"], ["Langsung ke konten", "Terpopuler"]),
    ],
)
def test_the_home_page_speaks_indonesian_by_default_and_english_under_en(client, site, path, words, absent):
    html = client.get(path).content.decode()

    assert [word for word in words if word not in html] == []
    assert [word for word in absent if word in html] == []

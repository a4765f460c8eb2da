"""Build article pages in the outlet's plain-text layout for the importer tests."""

from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "demo" / "data" / "articles" / "000_42ac34568c9be250.txt"
SEED_RELATED = "Kekuatan Rusia di Mana-mana, Sistem Rudal S-400 Gabung dalam Latihan Militer di Belarus"
NAVIGATION = ["Menu", "News", "EkBis", "Social Media"]
TRAILER = ["", "Bagikan Artikel:", "", "Video Pilihan"]


def article_text(
    headline="Harga Minyak Naik Tajam",
    credit_line="Kilang minyak di pantai Kredit Foto: Reuters/Fotografer",
    dateline="Warta Ekonomi, Jakarta -",
    body=("Paragraf pertama berita.", "Paragraf kedua berita."),
    editor="Editor: Redaktur Satu",
):
    """Return a page: navigation, headline, credit, dateline, body, editor, trailer; None leaves a part out."""
    lines = [*NAVIGATION, ""]
    for part in (headline, "", credit_line, dateline, ""):
        if part is not None:
            lines.append(part)
    for paragraph in body:
        lines += [paragraph, ""]
    if editor is not None:
        lines.append(editor)
    return "\n".join(lines + TRAILER) + "\n"


def write_page(directory, name, text=None, **parts):
    """Write a page (text, or article_text(**parts)) as UTF-8 to directory/name and return its path."""
    path = Path(directory) / name
    path.write_text(text if text is not None else article_text(**parts), encoding="utf-8")
    return path


def copy_seed(directory, name=SEED.name):
    """Copy the outlet's seed page into `directory`, keeping its name (and so its guid)."""
    path = Path(directory) / name
    path.write_bytes(SEED.read_bytes())
    return path

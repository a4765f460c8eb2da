"""Reading the IndoSum subset: which desk a record belongs to and how its text becomes a story."""

import json
import re
from collections import Counter

from django.utils.html import escape

# corpus `source` -> (name shown as the wire source, word that marks the outlet's own dateline)
SOURCES = {
    "cnn indonesia": ("CNN Indonesia", "cnn"),
    "kumparan": ("kumparan", "kumparan"),
    "dailysocial.id": ("DailySocial.id", "dailysocial"),
    "antaranews": ("ANTARA News", "antara"),
    "merdeka": ("Merdeka.com", "merdeka"),
    "juara.net": ("Juara.net", "juara"),
    "suara": ("Suara.com", "suara"),
    "poskotanews": ("Pos Kota", "pos kota"),
    "rimanews": ("Rimanews", "rimanews"),
    "goal indonesia": ("Goal Indonesia", "goal"),
}
LIFESTYLE_CATEGORIES = {"olahraga", "showbiz", "hiburan", "inspirasi"}

# Headline words that decide the desk of a "tajuk utama" story, checked in this order.
HARD_NEWS = {"kpk", "korupsi", "suap", "tersangka", "polisi", "hakim", "korban", "tewas", "bom", "teror"}
HARD_NEWS |= {"gempa", "banjir", "longsor", "kebakaran", "terbakar", "ditangkap", "pembunuhan"}
FINANCE = {"bank", "saham", "rupiah", "bursa", "ihsg", "kredit", "ojk", "obligasi", "asuransi", "inflasi"}
FINANCE |= {"dolar", "investasi", "investor", "pajak", "fintech", "bunga", "reksa", "keuangan", "utang", "apbn"}
FINANCE |= {"kurs", "sukuk", "bi", "perbankan"}
WORLD = {"amerika", "as", "rusia", "china", "tiongkok", "jepang", "korea", "korut", "korsel", "inggris", "eropa"}
WORLD |= {"trump", "putin", "obama", "arab", "malaysia", "singapura", "australia", "pbb", "kanada", "prancis"}
WORLD |= {"jerman", "india", "filipina", "suriah", "israel", "palestina", "iran", "turki", "myanmar", "rohingya"}
WORLD |= {"thailand", "vietnam", "meksiko", "venezuela", "asean", "nato", "ukraina", "irak", "washington"}
BUSINESS = {"ekonomi", "bisnis", "ekspor", "impor", "industri", "perusahaan", "harga", "pertamina", "bumn", "migas"}
BUSINESS |= {"tarif", "perdagangan", "umkm", "pabrik", "produksi", "listrik", "minyak", "pengusaha", "pangan"}
BUSINESS |= {"beras", "properti", "infrastruktur", "bbm", "pln", "energi", "garam", "gula", "daging"}
BUSINESS |= {"usaha", "cpo", "sawit", "kopi", "tambang", "freeport", "rokok", "ritel", "konsumsi", "bulog", "cabai"}
# Technology stories go to New Economy unless they are about money.
TECH_FINANCE = {"bank", "saham", "bursa", "ihsg", "ojk", "asuransi", "pajak", "fintech"}

# Acronyms the URL slug lower-cased and bodies often spell out.
ACRONYMS = {"ri", "as", "pm", "dpr", "mpr", "kpk", "bi", "tni", "pbb", "dki", "uu", "ojk", "bumn", "ukm", "umkm"}
# Words kept lower case inside a headline, as Warta Ekonomi writes them ("Dialog dengan Amerika").
SMALL_WORDS = {"di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "atau", "dalam", "oleh", "bagi"}

DATELINE = re.compile(r"^(?P<lead>.{1,60}?)\s*(?:--|[-–—])\s*", re.S)
DROPPED = re.compile(r"^(baca|simak|lihat) juga\b|adalah portal berita", re.I)
QUOTED = re.compile(r'"\s*(.*?)\s*"')
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def read_records(path, limit):
    """Return the first `limit` records of the JSON-lines file at `path`."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(records) == limit:
                break
            records.append(json.loads(line))
    return records


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def section_slug(record):
    """Return the slug of the desk that files `record`."""
    category, found = record["category"], words(record["title"])
    if category in LIFESTYLE_CATEGORIES:
        return "sport-lifestyle"
    if category == "teknologi":
        return "kabar-finansial" if found & TECH_FINANCE else "new-economy"
    for keywords, slug in ((HARD_NEWS, "news"), (FINANCE, "kabar-finansial"), (WORLD, "global-connections")):
        if found & keywords:
            return slug
    return "ekbis" if found & BUSINESS else "news"


def wire_source(record):
    return SOURCES.get(record["source"], (record["source"].title(), ""))[0]


def headline(record):
    """Re-case the URL-derived title: acronyms and brand spellings as the body writes them."""
    spellings = Counter(re.findall(r"[\w]+", " ".join(record["paragraphs"])))
    result = []
    for position, word in enumerate(record["title"].split()):
        lower = word.lower()
        if lower in ACRONYMS or (position and lower in SMALL_WORDS):
            result.append(lower.upper() if lower in ACRONYMS else lower)
            continue
        special = [s for s in spellings if s.lower() == lower and s not in (lower, lower.capitalize())]
        best = max(special, key=spellings.__getitem__, default=None)
        use_special = best and spellings[best] > spellings[lower.capitalize()]
        result.append(best if use_special else lower.capitalize())
    return " ".join(result)


def tidy(text):
    """Collapse whitespace and close the gaps the de-tokeniser left inside quotation marks."""
    text = re.sub(r"\s+", " ", text).strip()
    return QUOTED.sub(lambda match: f'"{match.group(1)}"', text)


def without_dateline(text, source):
    """Drop the original outlet's own dateline ("Jakarta, CNN Indonesia --") from a first paragraph."""
    match = DATELINE.match(text)
    if not match:
        return text
    lead, marker = match.group("lead"), SOURCES.get(source, ("", "\0"))[1]
    if marker in lead.lower() or lead.upper() == lead:
        return text[match.end() :]
    return text


def body_paragraphs(record):
    """The story's paragraphs as escaped HTML, without "Baca juga" links to stories we don't have."""
    texts = [tidy(text) for text in record["paragraphs"]]
    texts = [text for text in texts if text and not DROPPED.search(text)]
    if texts:
        texts[0] = without_dateline(texts[0], record["source"])
    return [f"<p>{escape(text)}</p>" for text in texts if text]


def standfirst(record, min_length=80):
    """The summary's first sentence, or two when the first is short."""
    sentences = SENTENCE_END.split(tidy(record["summary"]))
    lead = sentences[0]
    if len(lead) < min_length and len(sentences) > 1:
        lead = f"{lead} {sentences[1]}"
    return without_dateline(lead, record["source"])

"""The demo's controlled tag vocabulary and the keyword rules that tag corpus stories."""

import re

from django.utils.text import slugify

from redaksi.sections.models import Tag

# Tag name -> lower-case words in a story's headline or summary that earn it, most specific first.
TAG_KEYWORDS = {
    "Rusia": {"rusia", "putin", "moskow", "kremlin"},
    "Ukraina": {"ukraina", "kiev", "kyiv"},
    "Amerika Serikat": {"amerika", "as", "trump", "washington", "obama"},
    "China": {"china", "tiongkok", "beijing"},
    "Pasar Modal": {"saham", "ihsg", "bursa", "obligasi", "ipo"},
    "Perbankan": {"bank", "perbankan", "ojk", "kredit"},
    "Startup": {"startup", "pendanaan", "fintech", "unicorn", "ecommerce"},
    "Energi": {"migas", "pertamina", "listrik", "pln", "minyak", "bbm", "energi"},
    "Ekonomi": {"ekonomi", "inflasi", "ekspor", "impor", "perdagangan", "investasi"},
    "Teknologi": {"teknologi", "aplikasi", "digital", "internet", "smartphone", "android", "iphone"},
    "Hukum": {"kpk", "korupsi", "pengadilan", "hakim", "tersangka", "polisi"},
    "Politik": {"dpr", "partai", "pilkada", "pemilu", "mpr"},
    "Sepak Bola": {"sepak", "liga", "timnas", "persib", "persija", "madrid", "barcelona", "gol"},
    "Bulu Tangkis": {"bulutangkis", "badminton", "tangkis"},
    "Balap Motor": {"motogp", "rossi", "marquez", "lorenzo"},
    "Film": {"film", "bioskop", "sutradara", "aktor", "aktris"},
    "Musik": {"musik", "lagu", "album", "konser", "penyanyi"},
    "Wisata": {"wisata", "pariwisata", "liburan", "wisatawan"},
}

# The tag a story gets when no keyword matches, by section (sports stories get "Olahraga").
FALLBACK_TAGS = {
    "news": "Nasional",
    "ekbis": "Ekonomi",
    "new-economy": "Teknologi",
    "kabar-finansial": "Keuangan",
    "global-connections": "Internasional",
    "sport-lifestyle": "Gaya Hidup",
}
SPORT_TAG = "Olahraga"
MAX_TAGS = 3


def words(text):
    """The set of lower-case words in `text`."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def tag_names(text, section_slug, is_sport=False):
    """Return 1-3 tag names for a story from the words of its headline and summary."""
    found = words(text)
    names = [name for name, keywords in TAG_KEYWORDS.items() if found & keywords][:MAX_TAGS]
    return names or [SPORT_TAG if is_sport else FALLBACK_TAGS[section_slug]]


def all_tag_names():
    return sorted({*TAG_KEYWORDS, *FALLBACK_TAGS.values(), SPORT_TAG})


def load_tags():
    """Return the vocabulary's tags by name, creating the missing ones."""
    tags = {}
    for name in all_tag_names():
        tags[name], _created = Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return tags

"""Tell English on an Indonesian admin screen: untranslated catalog msgids and English function words.

A string is English when it is (or contains as a whole phrase) a msgid of Django's, an installed app's or the
project's catalogs that has no Indonesian translation at run time, or when it holds a word no Indonesian sentence
uses (`the`, `of`, `None`...). Strings that are themselves an Indonesian msgstr somewhere ("Status", "Editor")
are Indonesian by definition.
"""

import ast
import re
from functools import cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog

# Words that never occur in Indonesian prose but fill every English sentence or label.
FUNCTION_WORDS = {
    *("the", "of", "to", "and", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these"),
    *("those", "your", "you", "with", "for", "from", "has", "have", "had", "will", "would", "not", "none"),
    *("it", "its", "there", "which", "what", "when", "where", "should", "could", "can", "cannot", "must"),
    *("please", "here", "into", "only", "than", "by", "or", "on", "at", "in", "an", "if", "all", "any", "more"),
}
# English interface words that Indonesian never borrows; they catch strings written without gettext.
INTERFACE_WORDS = {
    *("save", "saved", "saving", "edit", "delete", "add", "cancel", "close", "help", "reports", "settings"),
    *("search", "schedule", "scheduled", "publish", "published", "unpublish", "draft", "preview", "upload"),
    *("choose", "collapse", "expand", "submit", "approve", "reject", "history", "comments", "page", "pages"),
    *("image", "images", "story", "stories", "section", "sections", "agency", "urgency", "language", "wire"),
    *("review", "reviewed", "moderation", "awaiting", "locked", "unlocked", "required", "optional", "error"),
    *("errors",),
}
# Names a Redaksi screen shows as they are, in every language; each is a proper noun or a standard abbreviation.
PROPER_NOUNS = {
    "Wagtail": "the CMS's name, shown in the admin's sidebar and titles",
    "Redaksi": "this product's name (and the Indonesian word for newsroom)",
    "WIB": "Waktu Indonesia Barat, the newsroom's time zone",
    "URL": "standard abbreviation, used as is in Indonesian",
    "id": "ISO 639 code of Indonesian, as a wire item's language column shows it",
}
JS_PACKAGES = ["wagtail.admin"]  # the packages Wagtail's admin JavaScript catalog serves (wagtail/admin/views/i18n.py)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
PLACEHOLDER_SPLIT = re.compile(r"(%\(\w+\)[sdif]|%[sdif]|\{\w*\})")
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|/\S*|\S+\.(?:jpe?g|png|gif|webp|avif)\b", re.I)


def normalise(text):
    """One line, single spaces, no tags, no trailing full stop, colon or required-field star."""
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".:…*").strip()


def po_msgids(path, plurals=True):
    """The msgids of a .po file (and its plural msgids), obsolete entries and the header left out."""
    ids, key = [], None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = re.match(r'(msgid|msgid_plural|msgstr|msgstr\[\d+\]|msgctxt)\s+(".*")$', line)
        if match:
            key = match.group(1)
            if key == "msgid" or (key == "msgid_plural" and plurals):
                ids.append(ast.literal_eval(match.group(2)))
        elif line.startswith('"') and (key == "msgid" or (key == "msgid_plural" and plurals)):
            ids[-1] += ast.literal_eval(line)
    return [msgid for msgid in ids if msgid]


def catalog_files():
    """(domain, .po) for every catalog folder: Django's, each installed app's and LOCALE_PATHS.

    One language per folder gives the msgids: English where the folder has it, else Indonesian (the project's).
    """
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    folders += [Path(path) for path in settings.LOCALE_PATHS]
    for folder in dict.fromkeys(folders):
        for domain in ("django", "djangojs"):
            for language in ("en", "id", "id_ID"):
                po = folder / language / "LC_MESSAGES" / f"{domain}.po"
                if po.exists():
                    yield domain, po
                    break


@cache
def runtime_catalogs():
    """Indonesian as the admin serves it: Django's catalog for templates and code, Wagtail's JavaScript catalog."""
    js_paths = JavaScriptCatalog().get_paths(JS_PACKAGES)
    return {
        "django": trans_real.translation("id")._catalog,
        "djangojs": trans_real.DjangoTranslation("id", domain="djangojs", localedirs=js_paths)._catalog,
    }


def indonesian_texts(catalogs):
    """Every Indonesian msgstr the admin may show, normalised and lower case."""
    return {normalise(str(text)).lower() for catalog in catalogs.values() for _key, text in catalog.items()}


def phrase_pattern(text):
    """A regex for a msgid as it reads on screen: placeholders match any text, spaces any white space."""
    return r"\s+".join(
        "".join(".+?" if PLACEHOLDER.fullmatch(bit) else re.escape(bit) for bit in PLACEHOLDER_SPLIT.split(part) if bit)
        for part in text.split()
    )


@cache
def leak_patterns():
    """({lower-case English string: msgid}, [(phrase regex, msgid)], one regex of all phrases) of untranslated msgids.

    Phrases are msgids of several words or with placeholders; a phrase of one word and placeholders needs a word
    that is not Indonesian, or "Status %(x)s" would match "Status halaman".
    """
    catalogs = runtime_catalogs()
    translated_keys = {
        domain: {(key if isinstance(key, str) else key[0]).split("\x04")[-1] for key in catalog.keys()}  # noqa: SIM118 (TranslationCatalog has no __iter__)
        for domain, catalog in catalogs.items()
    }
    indonesian = indonesian_texts(catalogs)
    indonesian_words = {word for text in indonesian for word in WORD.findall(text)}
    exact, phrases = {}, {}
    for domain, po in catalog_files():
        for msgid in po_msgids(po):
            text = normalise(msgid)
            words = [word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text))]
            if msgid in translated_keys[domain] or text.lower() in indonesian or not words or text in PROPER_NOUNS:
                continue
            if PLACEHOLDER.search(text) or len(text.split()) > 1:
                if len(words) > 1 or set(words) - indonesian_words:
                    phrases.setdefault(phrase_pattern(text), msgid)
            else:
                exact.setdefault(text.lower(), msgid)
    compiled = [(re.compile(rf"(?<!\w){pattern}(?!\w)", re.I), msgid) for pattern, msgid in phrases.items()]
    alternatives = "|".join(sorted(phrases, key=len, reverse=True))
    return exact, compiled, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def without_proper_nouns(text):
    return re.sub(r"\b(?:" + "|".join(map(re.escape, PROPER_NOUNS)) + r")\b", " ", text)


def english_words(text):
    """The function and interface words in text, addresses, file names and proper nouns left out."""
    words = {word.lower() for word in WORD.findall(NOT_WORDS.sub(" ", without_proper_nouns(text)))}
    return sorted(words & (FUNCTION_WORDS | INTERFACE_WORDS))


def why_english(text):
    """Why text is English (the untranslated msgid, or the English words), or None if it reads as Indonesian."""
    text = normalise(text)
    if not text or text in PROPER_NOUNS:
        return None
    exact, compiled, phrases = leak_patterns()
    if text.lower() in exact:
        return f"msgid {exact[text.lower()]!r}"
    if phrases.search(text):
        msgids = [msgid for pattern, msgid in compiled if pattern.search(text)]
        return f"msgid {max(msgids, key=len)!r}"
    words = english_words(text)
    if words:
        return f"English words {', '.join(words)}"
    return None


def leaks(strings):
    """{string: reason} for the English ones among strings."""
    found = {}
    for text in set(strings):
        reason = why_english(text)
        if reason:
            found[normalise(text)] = reason
    return found

"""The demo newsroom: desk editors, reporters and a photographer."""

from redaksi.media.placeholders import placeholder_photo
from redaksi.people.models import Person

FICTIONAL = "Nama rekaan untuk konten demo Redaksi."

# (slug, name, role, job title, bio); the seed page names Muhammad Syahrianto as its editor.
PEOPLE = [
    ("muhammad-syahrianto", "Muhammad Syahrianto", Person.Role.EDITOR, "Editor", ""),
    ("sri-wahyuningsih", "Sri Wahyuningsih", Person.Role.EDITOR, "Pemimpin Redaksi", FICTIONAL),
    ("hendra-kurniawan", "Hendra Kurniawan", Person.Role.EDITOR, "Redaktur Pelaksana", FICTIONAL),
    ("ratna-anggraini", "Ratna Anggraini", Person.Role.EDITOR, "Redaktur EkBis dan Kabar Finansial", FICTIONAL),
    ("yoga-pratama", "Yoga Pratama", Person.Role.EDITOR, "Redaktur New Economy", FICTIONAL),
    ("lestari-handayani", "Lestari Handayani", Person.Role.EDITOR, "Redaktur Sport & Lifestyle", FICTIONAL),
    ("dimas-prasetyo", "Dimas Prasetyo", Person.Role.REPORTER, "Wartawan", FICTIONAL),
    ("ayu-lestari-putri", "Ayu Lestari Putri", Person.Role.REPORTER, "Wartawan", FICTIONAL),
    ("rizky-ramadhan", "Rizky Ramadhan", Person.Role.REPORTER, "Wartawan", FICTIONAL),
    ("nadia-safitri", "Nadia Safitri", Person.Role.REPORTER, "Wartawan", FICTIONAL),
    ("bagus-setiawan", "Bagus Setiawan", Person.Role.REPORTER, "Wartawan", FICTIONAL),
    ("fajar-nugroho", "Fajar Nugroho", Person.Role.PHOTOGRAPHER, "Fotografer", FICTIONAL),
]

# The editor responsible for each section's stories.
DESK_EDITORS = {
    "news": "muhammad-syahrianto",
    "ekbis": "ratna-anggraini",
    "new-economy": "yoga-pratama",
    "kabar-finansial": "ratna-anggraini",
    "global-connections": "muhammad-syahrianto",
    "sport-lifestyle": "lestari-handayani",
}


# The masthead (Redaksi), position -> person, in print order. The seed's real editor is left out: the rest is fiction.
MASTHEAD = [
    ("Pemimpin Redaksi", "sri-wahyuningsih"),
    ("Redaktur Pelaksana", "hendra-kurniawan"),
    ("Redaktur", "ratna-anggraini"),
    ("Redaktur", "yoga-pratama"),
    ("Redaktur", "lestari-handayani"),
    ("Wartawan", "dimas-prasetyo"),
    ("Wartawan", "ayu-lestari-putri"),
    ("Wartawan", "rizky-ramadhan"),
    ("Wartawan", "nadia-safitri"),
    ("Wartawan", "bagus-setiawan"),
    ("Fotografer", "fajar-nugroho"),
]


def load_person(slug, name, role, job_title, bio):
    """Return the person with `slug`, creating them with a portrait when missing."""
    person = Person.objects.filter(slug=slug).first()
    if person:
        return person
    portrait = placeholder_photo(f"Potret {name}", "Warta Ekonomi", f"Potret {name}", caption=name)
    return Person.objects.create(slug=slug, name=name, role=role, job_title=job_title, bio=bio, photo=portrait)


def load_people():
    """Return the demo people by slug."""
    return {row[0]: load_person(*row) for row in PEOPLE}


def reporters(people):
    return [person for person in people.values() if person.role == Person.Role.REPORTER]

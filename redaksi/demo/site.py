"""The outlet's frame: site settings, sections, built-in pages and the main menu, as on the seed page."""

from pathlib import Path

from wagtail.models import Site

from redaksi.articles.models import ArticleIndexPage
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.media.models import VideoIndexPage
from redaksi.pages.models import HomePage, MastheadEntry, MastheadPage, StandardPage
from redaksi.sections.models import SectionPage

from .people import MASTHEAD, load_people

OUTLET = {
    "outlet_name": "Warta Ekonomi",
    "tagline": "Berita ekonomi, bisnis dan keuangan terkini",
    "brand_colour": "#0b4f8a",
    "facebook_url": "https://www.facebook.com/wartaekonomi",
    "x_url": "https://x.com/wartaekonomi",
    "instagram_url": "https://www.instagram.com/wartaekonomi",
    "youtube_url": "https://www.youtube.com/@wartaekonomi",
    "tiktok_url": "https://www.tiktok.com/@wartaekonomi",
    "linkedin_url": "https://www.linkedin.com/company/wartaekonomi",
}

# (slug, title, description) in the seed's menu order.
SECTIONS = [
    ("news", "News", "Peristiwa nasional dan daerah: politik, hukum, pemerintahan dan kehidupan publik."),
    ("ekbis", "EkBis", "Ekonomi dan bisnis: perdagangan, industri, energi, pangan dan kebijakan pemerintah."),
    ("new-economy", "New Economy", "Ekonomi digital: perusahaan rintisan, teknologi, aplikasi dan platform."),
    ("kabar-finansial", "Kabar Finansial", "Perbankan, pasar modal, investasi, pajak dan keuangan negara."),
    ("global-connections", "Global Connections", "Kabar dunia dan hubungan internasional yang menyentuh Indonesia."),
    ("sport-lifestyle", "Sport & Lifestyle", "Olahraga, hiburan, film, musik, wisata dan gaya hidup."),
]

ABOUT_PARAGRAPHS = [
    "Situs ini adalah demo Redaksi, sistem manajemen konten untuk ruang redaksi dan portal berita. "
    "Nama Warta Ekonomi, susunan rubrik dan satu artikel contoh diambil dari halaman publik media tersebut "
    "untuk menunjukkan bagaimana Redaksi menampilkan sebuah artikel berita.",
    "Berita arsip di situs demo ini berasal dari korpus IndoSum (Kurniawan &amp; Louvan, IALP 2018) "
    "berlisensi CC BY-SA 4.0. Setiap berita menyebut media asalnya dan menautkan laporan aslinya "
    "lewat tautan &quot;Baca selengkapnya&quot;. Judul dan tanggal terbit diturunkan dari alamat berita aslinya.",
    "Nama wartawan, redaktur dan fotografer di demo ini adalah rekaan, kecuali nama editor yang tercantum "
    "pada artikel contoh. Semua gambar adalah gambar pengganti yang dibuat otomatis; kredit foto hanya "
    "menunjukkan tempat kredit ditampilkan.",
]

# Dewan Pers' Pedoman Pemberitaan Media Siber (Peraturan Dewan Pers Nomor 1/Peraturan-DP/III/2012), as published.
GUIDELINE = Path(__file__).resolve().parent / "data" / "pedoman-media-siber.html"

MASTHEAD_INTRO = "<p>Susunan redaksi Warta Ekonomi (demo Redaksi: nama-nama di bawah ini rekaan).</p>"
ADDRESS = (
    "<p><b>Alamat redaksi</b><br/>Jalan Contoh Redaksi No. 1, Jakarta 10110 (alamat demo)</p>"
    "<p>Surel: redaksi@wartaekonomi.example<br/>Telepon: (021) 1234-5678 (nomor demo)</p>"
)
CONTACT = (
    "<p>Kirim kabar, ralat, hak jawab atau pertanyaan kepada redaksi lewat alamat di bawah ini. "
    "Semua data kontak di situs demo ini rekaan.</p>"
    "<h2>Redaksi</h2><p>Jalan Contoh Redaksi No. 1, Jakarta 10110</p>"
    '<p>Surel: <a href="mailto:redaksi@wartaekonomi.example">redaksi@wartaekonomi.example</a></p>'
    "<p>Telepon: (021) 1234-5678</p>"
    "<h2>Iklan dan kerja sama</h2>"
    '<p>Surel: <a href="mailto:iklan@wartaekonomi.example">iklan@wartaekonomi.example</a></p>'
)


def publish_child(parent, page):
    """Add `page` under `parent` and publish it with a first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child_page(parent, model, slug, **fields):
    """Return the child of `parent` with `slug`, creating and publishing it when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return existing or publish_child(parent, model(slug=slug, **fields))


def load_sections(home):
    """Return the demo sections by slug, in menu order."""
    return {
        slug: child_page(home, SectionPage, slug, title=title, description=description)
        for slug, title, description in SECTIONS
    }


def load_builtin_pages(home):
    """Return the Indeks, video hub and static pages (the footer lists the static ones in this order)."""
    about_body = "".join(f"<p>{text}</p>" for text in ABOUT_PARAGRAPHS)
    return {
        "indeks": child_page(home, ArticleIndexPage, "indeks", title="Indeks"),
        "video": child_page(home, VideoIndexPage, "video", title="Video"),
        "tentang-kami": child_page(home, StandardPage, "tentang-kami", title="Tentang Kami", body=about_body),
        "redaksi": load_masthead(home),
        "pedoman-media-siber": child_page(
            home, StandardPage, "pedoman-media-siber", title="Pedoman Media Siber", body=GUIDELINE.read_text()
        ),
        "kontak": child_page(home, StandardPage, "kontak", title="Kontak", body=CONTACT),
    }


def load_masthead(home):
    """Return Redaksi, the masthead, with the demo newsroom in print order."""
    people = load_people()
    entries = [
        MastheadEntry(position=position, person=people[slug], sort_order=order)
        for order, (position, slug) in enumerate(MASTHEAD)
    ]
    fields = {"title": "Redaksi", "intro": MASTHEAD_INTRO, "address": ADDRESS, "entries": entries}
    return child_page(home, MastheadPage, "redaksi", **fields)


def menu_entries(sections, pages):
    """(label, page, url) for the seed's main menu, in order."""
    entries = [(section.title, section, "") for section in sections.values()]
    entries += [("Video", pages["video"], ""), ("Indeks", pages["indeks"], "")]
    entries += [("About Us", pages["tentang-kami"], ""), ("Social Media", None, "#sosial-media")]
    return entries


DEMO_HOST, DEMO_PORT = "127.0.0.1", 8000


def load_settings(site, sections, pages):
    """Give a fresh site the outlet's identity and main menu; what editors have changed stays as it is."""
    settings = SiteSettings.for_site(site)
    if settings.outlet_name == SiteSettings._meta.get_field("outlet_name").default:
        for name, value in OUTLET.items():
            setattr(settings, name, value)
        settings.save()
    if not settings.menu_items.exists():
        MenuItem.objects.bulk_create(
            MenuItem(settings=settings, label=label, link_page=page, link_url=url, sort_order=order)
            for order, (label, page, url) in enumerate(menu_entries(sections, pages))
        )
    return settings


def load_site():
    """Build the outlet's frame and return its sections by slug."""
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == ("localhost", 80):  # as migrated: make absolute URLs match `make demo`
        site.hostname, site.port = DEMO_HOST, DEMO_PORT
        site.save()
    home = HomePage.objects.get(pk=site.root_page_id)
    sections = load_sections(home)
    load_settings(site, sections, load_builtin_pages(home))
    return sections

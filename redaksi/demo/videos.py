"""Featured videos for the hub and the "Video Pilihan" strip; the links are obviously demo ids."""

from datetime import datetime, timedelta

from django.utils.text import slugify

from redaksi.core.wib import WIB
from redaksi.media.models import Video
from redaksi.media.placeholders import placeholder_photo

# (title, description, minutes, published on in January 2022)
VIDEOS = [
    ("Sorotan Pasar: Rangkuman Sepekan", "Ringkasan pergerakan pasar sepanjang pekan.", 6, 21),
    ("Bincang Startup: Membangun Usaha dari Daerah", "Perbincangan tentang usaha rintisan di luar Jawa.", 14, 20),
    ("Kabar Finansial: Mengenal Reksa Dana untuk Pemula", "Penjelasan dasar tentang reksa dana.", 9, 19),
    ("Global Connections: Diplomasi dan Harga Energi", "Bagaimana kabar dunia memengaruhi harga energi.", 11, 18),
    ("EkBis: Rantai Pasok Pangan dari Petani ke Pasar", "Perjalanan hasil panen sampai ke pembeli.", 12, 17),
    ("New Economy: Dompet Digital di Warung", "Pembayaran digital di usaha kecil.", 8, 15),
    ("Sport & Lifestyle: Lari Pagi di Tengah Kota", "Komunitas lari dan ruang publik kota.", 5, 14),
]


def load_video(order, title, description, minutes, day):
    """Return the video with this title's slug, creating it with a poster when missing."""
    slug = slugify(title)
    video = Video.objects.filter(slug=slug).first()
    if video:
        return video
    poster = placeholder_photo(title, "Warta Ekonomi/Video", f"Cuplikan video: {title}", caption=description)
    return Video.objects.create(
        slug=slug,
        title=title,
        description=f"{description} Video demo Redaksi.",
        url=f"https://www.youtube.com/watch?v=demoVideo{order:02d}",
        poster=poster,
        duration=timedelta(minutes=minutes),
        is_featured=True,
        published_at=datetime(2022, 1, day, 19, 0, tzinfo=WIB),
    )


def load_videos():
    return [load_video(order, *row) for order, row in enumerate(VIDEOS, start=1)]

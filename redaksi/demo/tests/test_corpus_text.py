"""Turning an IndoSum record into a story: desk, headline, body, standfirst, tags; junk input included."""

import pytest

from redaksi.demo import corpus
from redaksi.demo.vocabulary import tag_names


def record(**fields):
    base = {
        "id": "1490674536-contoh",
        "title": "Ketua Mpr Minta Tarif Ojek Online Diatur",
        "category": "tajuk utama",
        "source": "cnn indonesia",
        "source_url": "https://www.cnnindonesia.com/contoh",
        "summary": "Ketua MPR meminta tarif diatur. Pemerintah akan membahasnya bersama operator pekan depan.",
        "paragraphs": ["Jakarta, CNN Indonesia -- Ketua MPR meminta tarif diatur.", "Paragraf kedua."],
    }
    return base | fields


@pytest.mark.parametrize(
    ("category", "title", "desk"),
    [
        ("olahraga", "Persib Menang Lagi", "sport-lifestyle"),
        ("showbiz", "Film Baru Tayang", "sport-lifestyle"),
        ("teknologi", "Aplikasi Baru Meluncur", "new-economy"),
        ("teknologi", "Fintech Dapat Izin Ojk", "kabar-finansial"),
        ("tajuk utama", "Kpk Periksa Direktur Bank", "news"),
        ("tajuk utama", "Ihsg Ditutup Menguat", "kabar-finansial"),
        ("tajuk utama", "Trump Kunjungi Jepang", "global-connections"),
        ("tajuk utama", "Harga Cabai Naik", "ekbis"),
        ("tajuk utama", "Warga Gelar Upacara", "news"),
        ("kategori baru", "Apa Saja", "news"),
    ],
)
def test_section_rules(category, title, desk):
    assert corpus.section_slug(record(category=category, title=title)) == desk


def test_headline_takes_acronyms_from_the_body_and_lowers_prepositions():
    item = record(title="Gotomalls Jalin Kerja Sama Dengan Paypro", paragraphs=["GoToMalls dan PayPro, PayPro."])
    assert corpus.headline(item) == "GoToMalls Jalin Kerja Sama dengan PayPro"
    assert corpus.headline(record()) == "Ketua MPR Minta Tarif Ojek Online Diatur"


def test_body_drops_outlet_dateline_and_baca_juga_and_escapes_html():
    item = record(paragraphs=["Jakarta, CNN Indonesia -- Isi <b>berita</b>.", "Baca juga: Berita Lain", 'Dia " kata "'])
    assert corpus.body_paragraphs(item) == ["<p>Isi &lt;b&gt;berita&lt;/b&gt;.</p>", "<p>Dia &quot;kata&quot;</p>"]


def test_body_keeps_hyphenated_words_at_the_start():
    item = record(source="goal indonesia", paragraphs=["Kans emas pertama tercipta pada menit ke-24, kata dia."])
    assert corpus.body_paragraphs(item) == ["<p>Kans emas pertama tercipta pada menit ke-24, kata dia.</p>"]


def test_standfirst_is_the_first_sentence_or_two_when_short():
    assert corpus.standfirst(record()) == (
        "Ketua MPR meminta tarif diatur. Pemerintah akan membahasnya bersama operator pekan depan."
    )
    long_first = "Kalimat pertama ini cukup panjang untuk berdiri sendiri sebagai ringkasan berita hari ini."
    assert corpus.standfirst(record(summary=f"{long_first} Kalimat kedua.")) == long_first


@pytest.mark.parametrize("paragraphs", [[], [""], ["   "], ["Baca juga: x"]])
def test_junk_bodies_give_no_paragraphs(paragraphs):
    assert corpus.body_paragraphs(record(paragraphs=paragraphs)) == []


def test_unknown_source_is_title_cased():
    assert corpus.wire_source(record(source="koran baru")) == "Koran Baru"


def test_tags_come_from_keywords_with_a_section_fallback():
    assert tag_names("Putin dan Trump bertemu", "global-connections") == ["Rusia", "Amerika Serikat"]
    assert tag_names("Laga seru", "sport-lifestyle", is_sport=True) == ["Olahraga"]
    assert tag_names("Upacara bendera", "news") == ["Nasional"]
    assert len(tag_names("saham bank fintech migas ekonomi", "ekbis")) == 3

"""A starter list of business acronyms and synonyms; editors maintain it under Snippets."""

from django.db import migrations

STARTER = {
    "IHSG": ["indeks harga saham gabungan"],
    "Rp": ["rupiah"],
    "BI": ["Bank Indonesia"],
    "OJK": ["Otoritas Jasa Keuangan"],
    "BUMN": ["badan usaha milik negara"],
    "BEI": ["Bursa Efek Indonesia"],
    "APBN": ["anggaran pendapatan dan belanja negara"],
    "PDB": ["produk domestik bruto"],
    "UMKM": ["usaha mikro kecil dan menengah"],
    "BBM": ["bahan bakar minyak"],
    "LPS": ["Lembaga Penjamin Simpanan"],
    "Kemenkeu": ["Kementerian Keuangan"],
    "USD": ["dolar AS"],
}


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for term, equivalents in STARTER.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"equivalents": "\n".join(equivalents)})


def unseed(apps, schema_editor):
    apps.get_model("search", "SearchSynonym").objects.filter(term__in=STARTER).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_story_text_storage")]

    operations = [migrations.RunPython(seed, unseed)]

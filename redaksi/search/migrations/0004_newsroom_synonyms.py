"""Synonyms and spellings the relevance judgments found missing (docs/search-measurements.md)."""

from django.db import migrations

STARTER = {
    "hoaks": ["hoax", "berita bohong"],
    "pilkada": ["pemilihan kepala daerah"],
    "pilgub": ["pemilihan gubernur"],
    "medsos": ["media sosial"],
    "Korut": ["Korea Utara"],
    "Korsel": ["Korea Selatan"],
    "OTT": ["operasi tangkap tangan"],
    "unjuk rasa": ["demo", "demonstrasi"],
    "KPK": ["Komisi Pemberantasan Korupsi"],
    "DPR": ["Dewan Perwakilan Rakyat"],
}


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for term, equivalents in STARTER.items():
        SearchSynonym.objects.get_or_create(term=term, defaults={"equivalents": "\n".join(equivalents)})


def unseed(apps, schema_editor):
    apps.get_model("search", "SearchSynonym").objects.filter(term__in=STARTER).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_starter_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]

"""Once built the reader index of a site from before search; 0007 does it now, with the current index code.

The code this ran (index.rebuild_story_index) writes the entry columns 0007 adds, so it cannot run here.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_section_lexeme"),
        ("articles", "0008_safe_source_link"),
        ("media", "0003_safe_links"),
        ("people", "0001_initial"),
        ("sections", "0001_initial"),
        ("core", "0004_safe_links"),
        ("pages", "0003_home_picks_and_masthead"),
    ]

    operations = []

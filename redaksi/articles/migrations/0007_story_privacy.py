from django.db import migrations, models


def mark_private_stories(apps, schema_editor):
    """Flag the stories existing privacy settings already cover."""
    restrictions = apps.get_model("wagtailcore", "PageViewRestriction")
    stories = apps.get_model("articles", "ArticlePage")
    for path in restrictions.objects.values_list("page__path", flat=True):
        stories.objects.filter(path__startswith=path).update(private=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_embargo"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="private",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Behind a privacy setting (password or login): served at its address, left out of every list.",
                verbose_name="private",
            ),
        ),
        migrations.RunPython(mark_private_stories, migrations.RunPython.noop),
    ]

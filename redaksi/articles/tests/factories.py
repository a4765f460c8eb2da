import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from redaksi.articles.models import ArticleAuthor, ArticlePage, ArticleTag
from redaksi.media.tests.factories import PhotoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory


def paragraphs(*texts):
    """Build a body of paragraph blocks from plain sentences."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A published story in a section's current month folder, with one author."""

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    class Params:
        section = factory.SubFactory(SectionPageFactory)
        with_image = factory.Trait(hero_image=factory.SubFactory(PhotoFactory))
        wire = factory.Trait(wire_source="Reuters", source_url="https://www.reuters.com/")
        draft = factory.Trait(live=False, first_published_at=None)

    parent = factory.LazyAttribute(lambda o: o.section.archive_month(timezone.now()))
    title = factory.Sequence(lambda n: f"Berita ekonomi nomor {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    dateline_city = "Jakarta"
    standfirst = "Ringkasan singkat berita."
    body = factory.LazyFunction(lambda: paragraphs("Paragraf pertama berita.", "Paragraf kedua berita."))
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, person in enumerate(extracted if extracted is not None else [PersonFactory()]):
            ArticleAuthor.objects.create(article=obj, person=person, sort_order=order)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            ArticleTag.objects.bulk_create(ArticleTag(content_object=obj, tag=tag) for tag in extracted)

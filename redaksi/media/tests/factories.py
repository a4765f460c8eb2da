import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from redaksi.media.models import Photo, Video


class PhotoFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = Photo

    title = factory.Sequence(lambda n: f"Foto {n}")
    description = factory.LazyAttribute(lambda o: f"Keterangan alternatif {o.title}")
    credit = "Reuters/Anna Kudriavtseva"
    caption = factory.LazyAttribute(lambda o: f"Keterangan {o.title}")
    file = factory.django.ImageField(width=1200, height=675, color="#355c7d")


class VideoFactory(DjangoModelFactory):
    class Meta:
        model = Video

    title = factory.Sequence(lambda n: f"Video pilihan {n}")
    slug = factory.Sequence(lambda n: f"video-pilihan-{n}")
    url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=demo{n:06d}")
    poster = factory.SubFactory(PhotoFactory)
    is_featured = True
    published_at = factory.LazyFunction(timezone.now)

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    """A picture in the body; credit and alt text come from the image, the caption may be overridden."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("caption"), required=False, help_text=_("Leave empty to use the image's caption.")
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class VideoBlock(SnippetChooserBlock):
    """A video from our library: an allow-listed link or a hosted file, never a third-party script."""

    def __init__(self, **kwargs):
        super().__init__("media.Video", **kwargs)

    class Meta:
        icon = "media"
        template = "blocks/video.html"


class RelatedStoryBlock(blocks.StructBlock):
    """The inline "Baca Juga" box: a link to another story, between paragraphs."""

    story = blocks.PageChooserBlock(label=_("story"), page_type="articles.ArticlePage")

    class Meta:
        icon = "link"
        label = _("Read also (Baca Juga)")
        template = "blocks/related_story.html"


class ArticleBodyBlock(blocks.StreamBlock):
    # Not required: a new story opens with one empty paragraph to type into; the story form drops empty ones.
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES, label=_("paragraph"), required=False)
    heading = HeadingBlock(label=_("heading"))
    quote = QuoteBlock(label=_("quote"))
    image = ImageBlock(label=_("image"))
    video = VideoBlock(label=_("video"))
    related_story = RelatedStoryBlock()

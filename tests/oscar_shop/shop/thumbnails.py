"""A thumbnailer that does not resize: the store has no product images worth resizing,
and this spares us sorl-thumbnail (another dependency, an image cache, a key-value table)."""

from dataclasses import dataclass

from django.conf import settings
from oscar.core.thumbnails import AbstractThumbnailer


@dataclass(frozen=True)
class _Thumbnail:
    url: str


class PassThrough(AbstractThumbnailer):
    def generate_thumbnail(self, source, **opts) -> _Thumbnail:
        name = getattr(source, "name", source)
        return _Thumbnail(url=settings.MEDIA_URL + str(name))

    def delete_thumbnails(self, source) -> None:
        pass

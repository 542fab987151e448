"""News photos: a post's `![Mô tả](anh/cho-que.jpg)` is published like a product photo.

The officer copies the phone's original (4000 × 3000, several megabytes) into docs/tin-tuc/posts/anh/ and
writes one Markdown line. A visitor on mobile data must not download that original: the photo goes
through the same PhotoCache as product photos (images.py: WebP and JPEG at 400, 800 and 1200 px, kept
in .cache/ocop/photos by content), and the page shows the same `<picture>` (templates/_pictures.md.j2).

    docs/tin-tuc/posts/anh/cho-que.jpg         the original: never published
    tin-tuc/posts/anh/cho-que-400.webp, …      its renditions, beside it (the blog then moves the
                                               posts' media out of posts/, as it moves the original)
    tin-tuc/posts/anh/cho-que.jpg              the address of the original serves the largest fallback
                                               rendition, so a link to the photo still works

The `<img>` is turned into a `<picture>` by a Markdown tree processor rather than by rewriting the
Markdown: a post is rendered at its own address and again, as an excerpt, in the news lists at other
depths (/tin-tuc/, /tin-tuc/chuyen-muc/…/); the processor runs in both Markdown converters (MkDocs' and
the blog's excerpt), before their link rewriting, and writes addresses relative to the page being made.
It reads that link rewriter's page and site files (MkDocs' objects), so it lives in engine/; what a post
photo is and where its renditions are published is web/pictures.py (`PostPhoto`).
"""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from urllib.parse import unquote

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..model.entries import PhotoFile
from ..model.fields import Photo
from ..pages.render import Renderer
from ..web.pictures import PostPhoto, PublishedPhoto


class _PicturesOfPosts(Treeprocessor):
    """`<img>` of a post photo → the `<picture>` of its renditions, addressed from the page being made."""

    def __init__(self, md, photos: dict[str, PostPhoto], renderer: Renderer):
        super().__init__(md)
        self.photos = photos
        self.pictures = renderer.env.get_template("_pictures.md.j2").module

    def run(self, root: etree.Element) -> None:
        # MkDocs' and the blog's link rewriter knows the page and the site's files (it runs after this).
        rewriter = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None
        page_file, files = getattr(rewriter, "file", None), getattr(rewriter, "files", None)
        if page_file is None or files is None or not self.photos:
            return
        folder = posixpath.dirname(page_file.src_uri)
        for parent in list(root.iter()):
            for index, image in reversed(list(enumerate(parent))):  # from the end: indices stay right
                if image.tag != "img" or "://" in image.get("src", ""):
                    continue
                # A name with spaces, `#` or `%` is written percent-encoded in Markdown (`ch%E1%BB%A3%20qu%C3%AA.jpg`).
                photo = self.photos.get(posixpath.normpath(posixpath.join(folder, unquote(image.get("src", "")))))
                if photo is not None:
                    html = self._picture(photo, image.get("alt", ""), page_file.url, files)
                    self._replace(parent, index, image, self.md.htmlStash.store(html))

    def _picture(self, photo: PostPhoto, alt: str, page_url: str, files) -> str:
        # The renditions' addresses as the blog publishes them (it moves the posts' media out of posts/).
        uris = tuple(files.get_file_from_path(uri).url for uri in photo.rendition_uris())
        shown = PhotoFile(Photo(file=photo.path.name, alt=alt or None), photo.path, photo.picture.width, photo.picture.height)
        link = PublishedPhoto(shown, photo.picture, uris).link(page_url, alt)
        return str(self.pictures.picture(link, self.pictures.PAGE_WIDTH))

    @staticmethod
    def _replace(parent: etree.Element, index: int, image: etree.Element, placeholder: str) -> None:
        text = placeholder + (image.tail or "")
        if index == 0:
            parent.text = (parent.text or "") + text
        else:
            before = list(parent)[index - 1]
            before.tail = (before.tail or "") + text
        parent.remove(image)


class PostPhotosExtension(Extension):
    """Registered in mkdocs.yml's Markdown extensions by the ocop plugin (on_config)."""

    def __init__(self, photos: dict[str, PostPhoto], renderer: Renderer):
        super().__init__()
        self.photos, self.renderer = photos, renderer

    def extendMarkdown(self, md) -> None:
        # After attr_list (8), before MkDocs' (0) and the blog excerpt's (1) link rewriting.
        md.treeprocessors.register(_PicturesOfPosts(md, self.photos, self.renderer), "ocop_post_photos", 2)

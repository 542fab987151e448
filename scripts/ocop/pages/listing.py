"""Long lists cut into pages of a fixed size, and the catalogue's filters as pages of their own.

A commune lists a few products, a province hundreds, a country thousands: a page holding every card
would grow without end, and a phone on slow data would fetch all of it. So the catalogue is made of
lists (all products; each group; each rating; each group with each rating), each cut into pages of
at most `size` cards. The filters are links between those lists, so they work without JavaScript,
by keyboard, across the whole catalogue, and a filtered list has an address that can be shared.
Only lists with products are made; a page never holds more than `size` items, a bounded number of
filter links and a bounded window of page numbers, whatever the number of products.

Where a list lives (the first page; page n is `<folder>/trang/<n>.md`):

    san-pham/index.md                          all products            /san-pham/
    san-pham/nganh/<group>/index.md            one group               /san-pham/nganh/thuc-pham/
    san-pham/hang/<rating>/index.md            one rating              /san-pham/hang/3-sao/
    san-pham/nganh/<group>/<rating>/index.md   a group and a rating    /san-pham/nganh/thuc-pham/3-sao/
    san-pham/xa-cu/<former>/index.md           one former commune      /san-pham/xa-cu/son-tay/

The last only in a site of several former communes (a merged commune), and not crossed with the others:
the pages stay as many as the former communes. The producer directory has the same (co-so/xa-cu/<former>/).

These never clash with a product (`san-pham/<slug>.md`, its files in `san-pham/<slug>/` named after
the slug): a product called "nganh" has its page at /san-pham/nganh/, a list at /san-pham/nganh/x/.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable, Generic, Sequence, TypeVar

from markupsafe import Markup

from ..web.addresses import FORMER_FOLDER, GROUP_FOLDER, PAGE_FOLDER, RATING_FOLDER

T = TypeVar("T")

WINDOW = 2  # page numbers shown on each side of the current one

# However many products there are, no page lists more than this.
CATALOGUE_PAGE_SIZE = 24
DIRECTORY_PAGE_SIZE = 50



@dataclass(frozen=True)
class Option:
    """One value of a filter: a group or a rating."""

    key: str  # in the address
    label: str


@dataclass(frozen=True)
class Page(Generic[T]):
    folder: str  # of its list, e.g. san-pham/nganh/thuc-pham
    root: str  # of all the lists, e.g. san-pham: links into the root are written from its first page
    number: int
    count: int  # pages in its list
    items: Sequence[T]
    total: int  # items in its list

    @property
    def uri(self) -> str:
        """Its Markdown file, e.g. san-pham/nganh/thuc-pham/trang/2.md."""
        return page_uri(self.folder, self.number)

    def link(self, number: int) -> str:
        """A link from this page to page `number` of the same list."""
        return self.href(page_uri(self.folder, number))

    def href(self, uri: str) -> Markup:
        """A link from this page to the Markdown file `uri`, as MkDocs resolves it.

        Markup: made of checked slugs and page numbers, it is printed as it is (escaping would turn the
        "2" of "2.md" at the start of a value into an entity, against list syntax)."""
        return Markup(posixpath.relpath(uri, posixpath.dirname(self.uri)))

    @property
    def up(self) -> str:
        """The way from this page back to the root's first page (`../../`), for links written there."""
        return "../" * (self.uri.count("/") - self.root.count("/") - 1)

    def numbers(self) -> list[int | None]:
        """Page numbers to link: the first, the last and a window around this one; None for a gap."""
        shown = {1, self.count} | set(range(self.number - WINDOW, self.number + WINDOW + 1))
        result: list[int | None] = []
        for number in sorted(n for n in shown if 1 <= n <= self.count):
            if result and number - result[-1] > 1:
                result.append(None)
            result.append(number)
        return result


def page_uri(folder: str, number: int) -> str:
    return f"{folder}/index.md" if number == 1 else f"{folder}/{PAGE_FOLDER}/{number}.md"


def paginate(items: Sequence[T], folder: str, size: int, root: str | None = None) -> list[Page[T]]:
    """`items` cut into pages of at most `size` (one empty page when there is nothing).

    `root` is the folder of the first list of a family (default: `folder` itself)."""
    count = max(1, -(-len(items) // size))
    pages = range(1, count + 1)
    return [Page(folder, root or folder, n, count, items[(n - 1) * size : n * size], len(items)) for n in pages]


@dataclass(frozen=True)
class Listing(Generic[T]):
    """The items that have one group and one rating (None: any)."""

    group: Option | None
    rating: Option | None
    items: Sequence[T]
    folder: str
    root: str
    former: Option | None = None  # a former commune's list (former_listings)

    def first_page_uri(self) -> str:
        return page_uri(self.folder, 1)

    def pages(self, size: int) -> list[Page[T]]:
        return paginate(self.items, self.folder, size, self.root)


@dataclass(frozen=True)
class Link:
    option: Option | None  # None: "all"
    count: int
    uri: str | None  # the list's first page; None when no product has this value
    current: bool


class FacetedListings(Generic[T]):
    """Every non-empty list of `items` by group and by rating, and the links between them."""

    def __init__(
        self,
        root: str,
        items: Sequence[T],
        group_of: Callable[[T], Option],
        rating_of: Callable[[T], Option | None],
        groups: Sequence[Option],
        ratings: Sequence[Option],
    ):
        self.groups: list[Option | None] = [None, *groups]
        self.ratings: list[Option | None] = [None, *ratings]
        selected: dict[tuple[str | None, str | None], list[T]] = {(None, None): []}
        for item in items:
            group, rating = group_of(item).key, rating_of(item)
            keys = [(None, None), (group, None)]
            if rating is not None:
                keys += [(None, rating.key), (group, rating.key)]
            for key in keys:
                selected.setdefault(key, []).append(item)
        self.listings: dict[tuple[str | None, str | None], Listing[T]] = {}
        for group in self.groups:  # in the order of the options, whatever the order of the items
            for rating in self.ratings:
                key = (group.key if group else None, rating.key if rating else None)
                if key in selected:
                    self.listings[key] = Listing(group, rating, selected[key], _folder(root, *key), root)

    def group_links(self, listing: Listing[T]) -> list[Link]:
        """Each group (and "all"), keeping the rating chosen on `listing`."""
        rating = listing.rating.key if listing.rating else None
        return [self._link(group, (group.key if group else None, rating), listing.group == group) for group in self.groups]

    def rating_links(self, listing: Listing[T]) -> list[Link]:
        """Each rating (and "all"), keeping the group chosen on `listing`."""
        group = listing.group.key if listing.group else None
        return [self._link(rating, (group, rating.key if rating else None), listing.rating == rating) for rating in self.ratings]

    def _link(self, option: Option | None, key: tuple[str | None, str | None], current: bool) -> Link:
        target = self.listings.get(key)
        return Link(option, len(target.items) if target else 0, target.first_page_uri() if target else None, current)


def former_listings(
    root: str, items: Sequence[T], former_of: Callable[[T], str | None], formers: Sequence[Option]
) -> list[Listing[T]]:
    """One list a former commune (an Option keyed by its slug), in the order of `formers`; `former_of` gives
    an item's key, or None (then it is only in the list of all). A former commune without items has none."""
    lists = []
    for option in formers:
        chosen = [item for item in items if former_of(item) == option.key]
        if chosen:
            lists.append(Listing(None, None, chosen, f"{root}/{FORMER_FOLDER}/{option.key}", root, former=option))
    return lists


def former_links(everything: Listing[T], lists: Sequence[Listing[T]], formers: Sequence[Option], current: Listing[T]) -> list[Link]:
    """"All" and each former commune, with their counts, from a page of `current` (marked when it is one of them)."""
    found = {listing.former.key: listing for listing in lists if listing.former}
    unfiltered = current.former is None and current.group is None and current.rating is None
    links = [Link(None, len(everything.items), everything.first_page_uri(), unfiltered)]
    for option in formers:
        listing = found.get(option.key)
        links.append(Link(option, len(listing.items) if listing else 0, listing.first_page_uri() if listing else None,
                          current.former == option))
    return links


def _folder(root: str, group: str | None, rating: str | None) -> str:
    parts = [root]
    if group:
        parts += [GROUP_FOLDER, group]
    if rating:
        parts += [rating] if group else [RATING_FOLDER, rating]
    return "/".join(parts)

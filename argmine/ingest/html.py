"""Saved web pages: the article's text, without the page around it.

Two readers share the work. trafilatura (chosen over readability-lxml and
jusText on five page layouts, see benchmarks/html_extractors.py) decides
what is the article and what is page furniture, and reads the page's
metadata (title, author, date, site name, canonical URL). But it keeps only
running text: it drops the byline and dateline lines, photo captions, the
names of commenters and the speaker labels of a debate. So argmine walks the
page itself, block by block in document order, and keeps

- every block trafilatura kept (the article, and readers' comments);
- inside the article (where trafilatura's blocks lie, widened to the
  enclosing ``<article>``): the byline, date lines, captions, and a short
  label heading the paragraphs of its own container (a debate's speaker);
- inside the comment section: each commenter's name (the comment's signer),
  the comment's date and the section's heading.

Everything else (navigation, cookie banners, related links, share buttons,
newsletter boxes, footers) is left out. The kept blocks are laid out as
plain text, one block per paragraph (`extracted.TextBuilder`), which is what
every offset of the document points into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from argmine.errors import InputError
from argmine.ingest.extracted import Extracted, TextBuilder
from argmine.records import DocumentMeta, SegmentKind as K

if TYPE_CHECKING:  # pragma: no cover
    from lxml.html import HtmlElement

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template svg button input select textarea option iframe head".split())
_OUTSIDE_ARTICLE = frozenset({"nav", "aside", "form", "footer"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ENDS_LIKE_PROSE = re.compile(r"[.!?:;,]['\"”’)]*$")
_BYLINE_START = re.compile(r"^(?:by|words by|written by|posted by)\s+\S", re.IGNORECASE)
_SAYS_AT_END = re.compile(r"\s*(?:says|said|wrote)\s*:?\s*$", re.IGNORECASE)
_COMMENT_AUTHOR_CLASSES = frozenset({"fn", "comment-author", "comment_author", "commenter", "username", "user-name", "author-name"})
_BR = "\x00"  # stands for <br> while whitespace is normalised (a page's text holds no NUL)
_MAX_LABEL_WORDS = 16
_MAX_LINE_WORDS = 20


@dataclass
class DomBlock:
    """A block of the page as a browser would lay it out: its element and its text."""

    element: "HtmlElement"
    text: str

    @property
    def key(self) -> str:
        return " ".join(self.text.split())


def read_html(data: bytes) -> Extracted:
    """The article of a saved page, as text with block hints and the page's metadata.

    Raises:
        InputError: trafilatura is missing, the page cannot be parsed, or it holds no text.
    """
    try:
        import lxml.html
        import trafilatura
    except ImportError as error:
        raise InputError(f"reading web pages needs trafilatura ({error.name} is missing): pip install trafilatura lxml_html_clean") from None
    page = decode_html(data)
    try:
        found = trafilatura.bare_extraction(
            page, include_comments=True, include_tables=True, with_metadata=True, as_dict=False
        )
        tree = lxml.html.document_fromstring(page)
    except Exception as error:  # lxml and trafilatura raise many types for a broken page
        raise InputError(f"cannot parse the page as HTML ({type(error).__name__})") from None
    if found is None or found.body is None:
        raise InputError("no article text found in the page")
    main_keys = _kept_keys(found.body)
    comment_keys = _kept_keys(found.commentsbody) if found.commentsbody is not None else []
    builder = TextBuilder()
    _lay_out(list(_dom_blocks(tree)), main_keys, comment_keys, builder)
    if not builder.blocks:
        raise InputError("no article text found in the page")
    meta = DocumentMeta(
        title=found.title or None,
        author=found.author or None,
        date=found.date or None,
        outlet=found.sitename or None,
        url=found.url or None,
    )
    return Extracted(builder.text(), builder.blocks, meta, "html", f"trafilatura {trafilatura.__version__}")


def decode_html(data: bytes) -> str:
    """A page's characters: byte-order mark, then the charset the page declares, then UTF-8, then argmine's fallback."""
    from argmine.ingest.reading import decode_bytes

    for mark, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(mark):
            return _without_declaration(data.decode(codec, "replace"))
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return _without_declaration(data.decode(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    return _without_declaration(decode_bytes(data).text)


def _without_declaration(text: str) -> str:
    """lxml refuses a str that still carries an XML encoding declaration (XHTML pages)."""
    return _XML_DECLARATION.sub("", text, count=1)


def _kept_keys(body: "HtmlElement") -> list[str]:
    """The whitespace-normalised text of each leaf block trafilatura kept, in order."""
    text_tags = {"p", "head", "item", "cell", "quote", "code"}
    keys = []
    for element in body.iter():
        if element.tag in text_tags and not any(child.tag in text_tags for child in element):
            key = " ".join("".join(element.itertext()).split())
            if key:
                keys.append(key)
    return keys


# -- the page as blocks --------------------------------------------------------


def _dom_blocks(root: "HtmlElement") -> Iterator[DomBlock]:
    """Blocks in document order: the text between block-level boundaries, with the innermost block element."""
    buffer: list[str] = []
    owner: list["HtmlElement"] = [root]

    def flush() -> Optional[DomBlock]:
        # Only <br> breaks a line; the page source's own line ends are spaces, as a browser shows them.
        text = "\n".join(" ".join(line.split()) for line in "".join(buffer).split(_BR))
        buffer.clear()
        text = text.strip()
        return DomBlock(owner[-1], text) if text else None

    def walk(element: "HtmlElement") -> Iterator[DomBlock]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_TAGS or (tag and element.get("hidden") is not None):
            return
        block = tag in _BLOCK_TAGS
        if block:
            done = flush()
            if done:
                yield done
            owner.append(element)
        if tag == "br":
            buffer.append(_BR)
        if tag and element.text:
            buffer.append(element.text)
        for child in element:
            yield from walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            done = flush()
            if done:
                yield done
            owner.pop()

    yield from walk(root)
    done = flush()
    if done:
        yield done


# -- choosing and typing blocks ------------------------------------------------


def _lay_out(blocks: list[DomBlock], main_keys: list[str], comment_keys: list[str], builder: TextBuilder) -> None:
    """Keep trafilatura's blocks and the structure around them (see the module docstring)."""
    main = _matched(blocks, main_keys)
    comments = _matched(blocks, comment_keys, exclude=main)
    article = _region([blocks[i].element for i in sorted(main)], widen_to=_is_article)
    comment_area = _region([blocks[i].element for i in sorted(comments)], widen_to=_is_comment_area)
    title_given = False
    first_comment = min(comments, default=len(blocks))
    for i, block in enumerate(blocks):
        if i in main:
            is_title = block.element.tag == "h1" and not title_given
            title_given = title_given or is_title
            builder.add(block.text, K.title if is_title else None, "html-h1" if is_title else "")
        elif i in comments:
            builder.add(block.text, K.comment, "html-comment", signer=_signer(block.element, comment_area))
        elif comment_area is not None and _inside(block.element, comment_area):
            kind_rule = _comment_furniture(block, before_comments=i < first_comment)
            if kind_rule:
                builder.add(block.text, *kind_rule)
        elif article is not None and _inside(block.element, article):
            kind_rule = _article_structure(blocks, i, main, title_given)
            if kind_rule:
                title_given = title_given or kind_rule[0] is K.title
                builder.add(block.text, *kind_rule)


def _matched(blocks: list[DomBlock], keys: list[str], exclude: Optional[set[int]] = None) -> set[int]:
    """Indexes of the page blocks whose text trafilatura kept (each kept text used once).

    A text the page shows twice (a headline repeated in the breadcrumb trail) is
    matched to the copy outside navigation, asides, forms and footers first.
    """
    remaining: dict[str, int] = {}
    for key in keys:
        remaining[key] = remaining.get(key, 0) + 1
    found: set[int] = set()
    for pass_outside in (True, False):
        for i, block in enumerate(blocks):
            if (exclude and i in exclude) or i in found or remaining.get(block.key, 0) <= 0:
                continue
            if pass_outside and _in_furniture(block.element):
                continue
            remaining[block.key] -= 1
            found.add(i)
    return found


def _in_furniture(element: "HtmlElement") -> bool:
    return any(a.tag in _OUTSIDE_ARTICLE for a in _within(element, 8))


def _region(elements: list["HtmlElement"], *, widen_to) -> Optional["HtmlElement"]:
    """The smallest element holding all `elements`, widened to the nearest ancestor `widen_to` accepts."""
    if not elements:
        return None
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    if common is None:
        return None
    for ancestor in [common, *common.iterancestors()]:
        if widen_to(ancestor):
            return ancestor
    return common


def _tokens(element: "HtmlElement") -> set[str]:
    return set((element.get("class", "") + " " + element.get("id", "")).lower().split())


def _is_article(element: "HtmlElement") -> bool:
    return element.tag == "article" or element.get("role") == "article" or "Article" in element.get("itemtype", "")


def _is_comment_area(element: "HtmlElement") -> bool:
    return any(token in ("comments", "comments-area", "comment-section", "comments-section") for token in _tokens(element))


def _inside(element: "HtmlElement", region: "HtmlElement") -> bool:
    return element is region or any(a is region for a in element.iterancestors())


def _within(element: "HtmlElement", levels: int) -> list["HtmlElement"]:
    """The element and its ancestors up to `levels` above it."""
    out = [element]
    for ancestor in element.iterancestors():
        if len(out) > levels:
            break
        out.append(ancestor)
    return out


def _article_structure(blocks: list[DomBlock], i: int, main: set[int], title_given: bool) -> Optional[tuple]:
    """(kind, rule) of a block trafilatura dropped inside the article, or None to leave it out."""
    block = blocks[i]
    element = block.element
    if _in_furniture(element):
        return None
    words = len(block.key.split())
    if element.tag == "h1" and not title_given:
        return (K.title, "html-h1")
    if element.tag == "figcaption" or any(a.tag == "figcaption" or "caption" in " ".join(_tokens(a)) for a in _within(element, 2)):
        return (K.caption, "html-caption")
    if words <= _MAX_LINE_WORDS and _is_byline(block):
        return (K.byline, "html-byline")
    if words <= _MAX_LINE_WORDS and _is_dateline(element):
        return (K.byline, "html-date")
    if i + 1 in main and _labels(block, blocks[i + 1]):
        return (None, "html-label")
    return None


def _is_byline(block: DomBlock) -> bool:
    if _BYLINE_START.match(block.key):
        return True
    for element in _within(block.element, 3):
        if element.get("rel") == "author" or element.get("itemprop") == "author":
            return True
        tokens = _tokens(element)
        if any("byline" in t for t in tokens) or tokens & {"author", "authors", "author-name"}:
            return True
    return any(
        d.get("rel") == "author" or d.get("itemprop") == "author" or any("byline" in t for t in _tokens(d))
        for d in block.element.iter()
    )


def _is_dateline(element: "HtmlElement") -> bool:
    if any(d.tag == "time" for d in element.iter()):
        return True
    return any(t in ("date", "dateline", "published", "timestamp") or t.endswith("-date") for t in _tokens(element))


def _labels(block: DomBlock, following: DomBlock) -> bool:
    """A short line heading the paragraphs of its own container: a debate's speaker, an interview's name.

    `following` is the next block, one trafilatura kept.
    """
    if len(block.key.split()) > _MAX_LABEL_WORDS or _ENDS_LIKE_PROSE.search(block.key):
        return False
    if following.element.tag not in ("p", "div") or len(following.key.split()) < 8:
        return False
    container = block.element.getparent()
    return container is not None and _inside(following.element, container)


def _comment_furniture(block: DomBlock, *, before_comments: bool) -> Optional[tuple]:
    """(kind, rule) of a dropped block in the comment section worth keeping: names, dates, the heading."""
    element = block.element
    words = len(block.key.split())
    if words > _MAX_LINE_WORDS or any(a.tag == "form" for a in _within(element, 6)):
        return None
    if _author_element(element) is not None:
        return (K.byline, "html-comment-author")
    if _is_dateline(element):
        return (K.byline, "html-comment-date")
    if before_comments and element.tag in ("h1", "h2", "h3", "h4"):
        return (K.comment_marker, "html-comments-heading")
    return None


def _author_element(element: "HtmlElement") -> Optional["HtmlElement"]:
    for candidate in element.iter():
        if candidate.tag == "cite" or candidate.get("itemprop") == "author" or _tokens(candidate) & _COMMENT_AUTHOR_CLASSES:
            return candidate
    return None


def _signer(element: "HtmlElement", area: Optional["HtmlElement"]) -> Optional[str]:
    """The name of the reader who wrote the comment holding `element`, when the page gives one."""
    for ancestor in element.iterancestors():
        if area is not None and ancestor is area:
            break
        if not any("comment" in t for t in _tokens(ancestor)) and ancestor.tag not in ("li", "article"):
            continue
        author = _author_element(ancestor)
        if author is not None:
            names = [n for n in author.iter() if _tokens(n) & {"fn"}]
            text = " ".join("".join((names[0] if names else author).itertext()).split())
            text = _SAYS_AT_END.sub("", text).strip()
            return text or None
    return None

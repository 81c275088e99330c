"""Blank out site boilerplate inside an article's text, keeping every offset.

Boilerplate is found line by line (see ``eventcoder.clean.rules``): calls to follow or
share, PREV/NEXT teasers, related-story lists, ads, copyright and cookie notices. At the
end of an article, a trailing block that starts with such a line is removed whole,
including the teaser titles inside it. Removed characters become spaces (newlines kept),
so the cleaned text has the length of the original and offsets need no mapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.clean.rules import (
    MAX_TEASER_LINES,
    is_prev_next_inline,
    is_prev_next_marker,
    is_teaser,
    match_rule,
)
from eventcoder.records import Article, CleanedArticle, Span

LABEL_PREFIX = "boilerplate:"
PREV_NEXT = "prev-next"
# Teaser titles inside a trailing block of boilerplate ("Related" lists).
TRAILER = "trailer"


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the text: ``text`` stripped, ``start``/``end`` its stripped bounds."""

    start: int
    end: int
    text: str


def clean_article(article: Article) -> CleanedArticle:
    """The article with boilerplate lines blanked out and listed in ``removed``.

    Example::

        cleaned = clean_article(article)
        [(s.label, article.text[s.start:s.end]) for s in cleaned.removed]
        # [('boilerplate:follow-us', 'For Latest Updates Follow us on Google News'), ...]
    """
    spans = find_boilerplate(article.text)
    return CleanedArticle(article=article, text=blank_spans(article.text, spans), removed=spans)


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of ``text`` that are boilerplate, in order, labelled ``boilerplate:<rule>``."""
    lines = _split_lines(text)
    labels = _label_lines(lines)
    _label_trailing_block(lines, labels)
    return tuple(
        Span(lines[i].start, lines[i].end, LABEL_PREFIX + labels[i]) for i in sorted(labels)
    )


def blank_spans(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` with every character of ``spans`` except newlines replaced by a space."""
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position : span.start])
        parts.append("".join("\n" if ch == "\n" else " " for ch in text[span.start : span.end]))
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        raw = text[start:end]
        stripped = raw.strip()
        first = start + (len(raw) - len(raw.lstrip()))
        lines.append(_Line(first, first + len(stripped), stripped))
        start = end + 1
    return lines


def _label_lines(lines: list[_Line]) -> dict[int, str]:
    """Line index -> rule label, for lines that are boilerplate on their own."""
    labels: dict[int, str] = {}
    index = 0
    while index < len(lines):
        line = lines[index].text
        if is_prev_next_marker(line):
            labels[index] = PREV_NEXT
            index += 1
            for _ in range(MAX_TEASER_LINES):
                if index >= len(lines) or not _is_teaser_line(lines[index].text):
                    break
                labels[index] = PREV_NEXT
                index += 1
            continue
        if is_prev_next_inline(line):
            labels[index] = PREV_NEXT
        elif label := match_rule(line):
            labels[index] = label
        index += 1
    return labels


def _is_teaser_line(line: str) -> bool:
    """A teaser title that is not itself the next PREV/NEXT marker or a boilerplate line."""
    return is_teaser(line) and not is_prev_next_marker(line) and match_rule(line) is None


def _label_trailing_block(lines: list[_Line], labels: dict[int, str]) -> None:
    """Extend ``labels`` over the article's trailing block of boilerplate.

    The block is the longest run of blank, boilerplate and teaser-title lines at the end
    of the text, starting at its first boilerplate line; titles in it are teasers of
    other stories ("Related" lists), so they go too. A prose line ends the search.
    """
    block_start = None
    for index in range(len(lines) - 1, -1, -1):
        if index in labels:
            block_start = index
        elif lines[index].text and not is_teaser(lines[index].text):
            break
    if block_start is None:
        return
    for index in range(block_start, len(lines)):
        if lines[index].text and index not in labels:
            labels[index] = TRAILER

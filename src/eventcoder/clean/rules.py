"""The boilerplate rules: named regular expressions over one line of text.

A rule matches a whole line (leading/trailing blanks stripped), never part of one, so a
sentence that merely mentions "follow" or "share" is never touched. Each rule's name
becomes the label of what it removes (``boilerplate:follow-us``).
"""

from __future__ import annotations

import re

# Lines longer than this are story paragraphs, never boilerplate: calls to action,
# copyright and cookie notices are short. Checked before any regex runs.
MAX_BOILERPLATE_CHARS = 400
# A teaser title (PREV/NEXT, "Related" lists) is one headline: short, no final period.
MAX_TEASER_CHARS = 160
# A bare PREV/NEXT marker line is followed by its teaser title, at most this many lines
# (titles wrap onto a second line on narrow layouts).
MAX_TEASER_LINES = 2

# Names of social networks and share buttons, as they appear in share bars.
_PLATFORM = (
    r"(?:google\s+news|google\s+play|apple\s+news|twitter|x|facebook|fb|instagram|telegram|"
    r"whatsapp|youtube|tiktok|linkedin|threads|snapchat|pinterest|reddit|messenger|vk|viber|"
    r"bluesky|mastodon|flipboard|rss|e-?mail|print|copy\s+link|sms)"
)
# Between names: a separator with optional blanks, or blanks alone. Each way of splitting
# the line is unique, so a failing match cannot backtrack exponentially.
_SEPARATOR = r"(?:\s*(?:,|/|\||&|•|·|\band\b|\bor\b)\s*|\s+)"
_PLATFORMS = rf"{_PLATFORM}(?:{_SEPARATOR}{_PLATFORM})*"
# Punctuation that may end a call to action ("Follow us!", "Share:").
_END = r"\s*[.!:»›>]?"


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (label, pattern) in the order they are tried; each pattern must match the whole line.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "For Latest Updates Follow us on Google News", "Like us on Facebook", "Follow
    # Reuters on X", "Join our Telegram channel", "Follow us": a call to follow.
    (
        "follow-us",
        _rule(
            r"(?:(?:for|get)\s+(?:the\s+)?(?:latest|more|all|breaking)\b[^.!?]{0,40}?"
            r"[,:;.\-–—!]?\s*)?(?:please\s+)?(?:follow|like|find|join)\s+"
            r"(?:us|@?[\w.]+(?:\s+[\w.]+){0,3}?)\s+(?:on|at|via|in)\s+"
            rf"(?:our\s+)?{_PLATFORMS}(?:\s+(?:channel|page|group|account))?{_END}"
            r"|(?:follow|join)\s+(?:us|our\s+\w+\s+(?:channel|group))"
            rf"(?:\s+for\s+[^.!?]{{0,40}})?{_END}"
        ),
    ),
    # A share bar: "Share this:", "Share on Facebook (Opens in new window)",
    # "Click to share on WhatsApp", "Share via Email".
    (
        "share",
        _rule(
            r"(?:click\s+to\s+)?share(?:\s+this(?:\s+(?:article|story|post|page|video))?)?"
            rf"(?:\s+(?:on|via|to|with)\s+{_PLATFORMS})?{_END}"
            rf"(?:\s*{_PLATFORMS})?(?:\s*\(opens\s+in\s+(?:a\s+)?new\s+window\))?"
        ),
    ),
    # A line of nothing but network names: the text left of a row of share icons.
    ("social-names", _rule(rf"{_PLATFORMS}{_END}")),
    # "Subscribe now", "Sign up for our daily newsletter", "Subscribe to our YouTube channel".
    (
        "subscribe",
        _rule(
            r"(?:subscribe|sign\s*-?\s*up)(?:\s+(?:now|today|here|for\s+free))?"
            r"(?:\s+(?:to|for)\s+[^.!?]{0,60}?(?:newsletter|channel|updates|alerts|bulletin|"
            r"digest|podcast|e-?mails?|mailing\s+list)s?)?(?:\s+(?:now|today|here))?"
            rf"{_END}"
        ),
    ),
    # Newsletter promotions: "Newsletter", "Get the best of our journalism delivered to
    # your inbox".
    (
        "newsletter",
        _rule(
            r"(?:(?:our\s+|daily\s+|weekly\s+)?newsletters?"
            rf"|[^.!?]{{0,100}}\bto\s+your\s+inbox){_END}"
        ),
    ),
    # Links to another story: "Read more: ...", "Also read - ...", "See also", "READ MORE".
    (
        "read-more",
        _rule(
            r"(?:(?:(?:read|see|watch|listen)\s+(?:more|also|next)|also\s+(?:read|see|watch))"
            r"(?:\s*[:»›>|\-–—]\s*.{0,160}|\s+(?:about|on|from)\s+[^.!?]{1,80})?"
            rf"|read\s+(?:the\s+)?full\s+(?:story|article|report)(?:\s+here)?){_END}"
        ),
    ),
    # Section headers of teaser lists: "Related", "Related: ...", "More stories",
    # "You may also like", "Most read", "Trending now".
    (
        "related",
        _rule(
            r"(?:related(?:\s+(?:articles?|stories|news|posts?|topics?|coverage|content|"
            r"links?|reading))?|more\s+(?:stories|news|articles|on\s+this\s+story)|"
            r"more\s+from\s+[^.!?]{1,40}|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|"
            r"be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles))?|"
            r"most\s+(?:read|popular|viewed|shared)|trending(?:\s+(?:now|stories))?|"
            rf"popular\s+(?:posts|stories|now)|latest\s+(?:news|stories|posts)){_END}"
            r"|related\s*:\s*.{1,160}"
        ),
    ),
    # Ad slots and their labels: "Advertisement", "Sponsored content", "Story continues
    # below advertisement", "Scroll to continue with content".
    (
        "advertisement",
        _rule(
            r"(?:advertisement|advertising|advert|ads?|sponsored(?:\s+(?:content|links?))?|"
            r"promoted(?:\s+(?:content|stories))?|paid\s+(?:partner\s+)?content|"
            r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:with\s+content|reading))?|"
            r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|"
            r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?)\s*[-–—:.]?"
        ),
    ),
    # "© 2023 Sahel Daily. All rights reserved.", "Copyright 2021 The Associated Press",
    # and the wire services' "This material may not be published, broadcast...".
    (
        "copyright",
        _rule(
            r"(?:copyright\s*)?(?:©|\(c\)|copyright\s+\d{4}).{0,200}"
            r"|.{0,160}\ball\s+rights\s+reserved\b.{0,80}"
            r"|this\s+(?:material|article|content)\s+may\s+not\s+be\s+(?:published|reproduced|"
            r"republished|copied).{0,160}"
        ),
    ),
    # Cookie banners: "We use cookies to improve your experience...", "Accept all cookies".
    (
        "cookies",
        _rule(
            r".{0,200}\b(?:we|this\s+(?:site|website)|our\s+(?:site|website))\s+uses?\s+"
            r"cookies\b.{0,300}"
            r"|.{0,200}\b(?:accept|agree\s+to|consent\s+to)\s+(?:the\s+|our\s+)?(?:use\s+of\s+)?"
            r"cookies\b.{0,200}"
            r"|(?:accept|reject|manage|allow)(?:\s+all)?\s+cookies\W*|cookie\s+(?:policy|"
            r"settings|preferences)\W*"
        ),
    ),
    # "Click here to subscribe", "To watch the video, tap here": always a link label.
    ("click-here", _rule(r".{0,100}\b(?:click|tap)\s+here\b.{0,120}")),
    # "Tags: Syria, Idlib", "Filed under: World", "Topics: ...": the site's taxonomy.
    (
        "tags",
        _rule(r"(?:tags?|topics?|keywords|filed\s+under|categories)\s*:.{0,200}"),
    ),
    # App promotions: "Download our app for the latest news".
    ("app", _rule(r"(?:download|get)\s+(?:the|our)\s+.{0,40}\bapp\b.{0,80}")),
    # Comment widgets: "Leave a comment", "12 comments", "Comments (3)".
    (
        "comments",
        _rule(
            r"(?:leave|post|add)\s+a\s+(?:comment|reply)|\d+\s+comments?|comments?\s*(?:\(\d+\))?:?"
        ),
    ),
)

# A bare PREV/NEXT navigation marker on its own line; its teaser title follows.
PREV_NEXT_MARKER = _rule(
    r"(?:prev|previous|next)(?:\s+(?:article|post|story|page|item))?\s*[:»«›‹<>]*"
)
# A marker with its teaser on the same line: upper-case "PREV ..."/"NEXT ..." as site
# templates print them, or "Previous article: ...". Lower-case "Next week, the army..."
# is prose and does not match; the teaser must also look like a title (see is_teaser).
PREV_NEXT_INLINE = (
    re.compile(r"(?:PREV|PREVIOUS|NEXT)\s+(?P<teaser>\S.*)"),
    _rule(r"(?:previous|next)\s+(?:article|post|story)\s*[:»«›‹<>\-–—]\s*(?P<teaser>\S.*)"),
)
# Separators between calls to action printed on one line. Not "," or ".": those are
# inside sentences, and a sentence must never be split into "boilerplate" parts.
_CALL_SEPARATOR = re.compile(r"\s*[;|]\s*|\s+[•·]\s+")
# A line ending like a sentence (". ", "?", '!"', '.)'): prose, not a title.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def match_rule(line: str) -> str | None:
    """The label of the rule matching this (stripped) line, or None.

    A line of several calls to action ("Like us on Facebook; Follow us on Twitter; Daily
    Newsletter.") matches when every part does; it takes the first part's label.
    """
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return None
    label = _match_whole(line)
    if label is None and _CALL_SEPARATOR.search(line):
        parts = [part.strip() for part in _CALL_SEPARATOR.split(line) if part.strip()]
        labels = [_match_whole(part) for part in parts]
        if len(parts) > 1 and all(labels):
            label = labels[0]
    return label


def _match_whole(line: str) -> str | None:
    for label, pattern in RULES:
        if pattern.fullmatch(line):
            return label
    return None


def is_teaser(line: str) -> bool:
    """A headline-like line: short and not ending like a sentence."""
    return 0 < len(line) <= MAX_TEASER_CHARS and not _SENTENCE_END.search(line)


def is_prev_next_marker(line: str) -> bool:
    """A bare "PREV"/"NEXT"/"Previous article" line, whose teaser follows."""
    return bool(PREV_NEXT_MARKER.fullmatch(line))


def is_prev_next_inline(line: str) -> bool:
    """A "PREV <teaser title>" line: the marker and its teaser together."""
    for pattern in PREV_NEXT_INLINE:
        match = pattern.fullmatch(line)
        if match and is_teaser(match.group("teaser")):
            return True
    return False

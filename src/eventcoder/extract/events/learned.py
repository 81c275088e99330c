"""The learned event detector: MiniLM + logistic regression per sentence, then shared
vetoes and merging.

Each sentence gets calibrated probabilities for 25 ACLED sub-types and "no event"; a
sentence founds an event when P(event) reaches DETECT_THRESHOLD and may join one from
SUPPORT_THRESHOLD. The trigger span is the sentence's first trigger word of the
predicted type (else of any type, else the whole sentence).
"""

from __future__ import annotations

from pathlib import Path

from eventcoder.extract.events.codebook import apply_codebook
from eventcoder.extract.events.lexicon import any_trigger, trigger_for
from eventcoder.extract.events.merge import SentenceCall, to_mentions
from eventcoder.extract.events.model import EventModel, SentencePrediction
from eventcoder.extract.events.taxonomy import sub_event_type
from eventcoder.records import EventMention, ParsedArticle, Sentence

METHOD = "model.events.minilm-logreg.v1"
# Minimum calibrated P(event) for a sentence to found an event. On 1,000 ACLED dev notes
# (benchmarks/events.py): 0.4 gives P 0.973 / R 0.865, 0.25 gives 0.969 / 0.901, 0.15
# gives 0.966 / 0.917; 0.25 keeps the hand-written non-event tests clean.
DETECT_THRESHOLD = 0.25
# Minimum P(event) for a sentence to join an event another sentence founded: headlines
# and reported-speech sentences read as less eventful, but name the same event.
SUPPORT_THRESHOLD = 0.02
# A first line without final punctuation and at most this long is a headline; headlines
# summarise the article's main event in telegraphic style the classifier finds weak, so
# they may join an event of a compatible type whatever their P(event).
HEADLINE_MAX_CHARS = 200


class LearnedEventDetector:
    """Finds and classifies events with the trained sentence classifier.

    ``model_dir`` picks a model trained with ``eventcoder train``; by default
    ``$EVENTCODER_EVENT_MODEL`` or the shipped model (built on first use, then cached).
    The model loads lazily, on the first ``detect``.

    Example::

        detector = LearnedEventDetector()
        for mention in detector.detect(parsed):
            print(mention.sub_event_type, mention.confidence)
    """

    def __init__(self, model_dir: Path | str | None = None, threshold: float = DETECT_THRESHOLD):
        self.model_dir = model_dir
        self.threshold = threshold
        self._model: EventModel | None = None

    @property
    def model(self) -> EventModel:
        if self._model is None:
            from eventcoder.train import load_model

            self._model = load_model(self.model_dir)
        return self._model

    def classify(self, sentences: list[Sentence]) -> list[SentencePrediction]:
        """The classifier's reading of each sentence (also used by the benchmark)."""
        return self.model.predict([s.text for s in sentences])

    def detect(self, parsed: ParsedArticle) -> list[EventMention]:
        sentences = list(parsed.sentences)
        headline = sentences[0].index if sentences and _is_headline(sentences[0]) else None
        calls = [
            _call(sentence, prediction, can_found=prediction.p_event >= self.threshold)
            for sentence, prediction in zip(sentences, self.classify(sentences), strict=True)
            if prediction.p_event >= SUPPORT_THRESHOLD or sentence.index == headline
        ]
        return to_mentions(parsed, calls, METHOD)


def _is_headline(sentence: Sentence) -> bool:
    text = sentence.text.rstrip()
    return len(text) <= HEADLINE_MAX_CHARS and not text.endswith((".", "!", "?", '"', "”"))


def _call(sentence: Sentence, prediction: SentencePrediction, can_found: bool) -> SentenceCall:
    row = sub_event_type(apply_codebook(sentence.text, prediction.sub_event_type))
    local = trigger_for(sentence.text, row.event_type) or any_trigger(sentence.text)
    start, end = local or (0, len(sentence.text))
    return SentenceCall(
        sentence=sentence,
        event_type=row.event_type,
        sub_event_type=row.name,
        confidence=prediction.p_event * prediction.type_prob,
        trigger=(sentence.start + start, sentence.start + end),
        type_probs=prediction.type_probs,
        sub_probs=prediction.sub_probs,
        can_found=can_found,
    )

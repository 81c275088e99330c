"""NLP stage: spaCy parse of cleaned articles, loaded once, run in batches."""

from eventcoder.nlp.parser import Parser, load_pipeline

__all__ = ["Parser", "load_pipeline"]

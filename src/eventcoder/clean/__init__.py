"""Clean stage: blank out site boilerplate so no evidence can come from it."""

from eventcoder.clean.boilerplate import clean_article

__all__ = ["clean_article"]

"""Boilerplate removal (first cut: keeps everything; the clean stage replaces it)."""

from __future__ import annotations

from eventcoder.records import Article, CleanedArticle


def clean_article(article: Article) -> CleanedArticle:
    return CleanedArticle(article=article, text=article.text)

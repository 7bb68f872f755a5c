"""Article extraction: text, headline, publication date and byline from one page."""

from .article import Article, ExtractionError, extract_article, parse_html

__all__ = ["Article", "ExtractionError", "extract_article", "parse_html"]

"""Article extraction: text, headline, publication date and byline from one page."""

from .article import Article, ExtractionError, article_from_tree, extract_article, parse_html

__all__ = ["Article", "ExtractionError", "article_from_tree", "extract_article", "parse_html"]

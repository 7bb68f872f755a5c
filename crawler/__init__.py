"""The newsarchive crawler, in layers that import only downward: ``extract`` (one page in, one
article out) < ``sources`` (site facts) < ``discovery`` (which links are articles) < ``crawl`` (the
Scrapy machinery, with ``spiders.portal``) < ``scaleout`` and ``corpus`` < ``cli``. The import
contract in pyproject.toml (``make check``) holds them to it."""

"""Every stats key the project sets or reads, named once (namespaced ``newsarchive/``).

Scrapy's stats collector keys counters by string; a key spelt twice can drift, so every module
takes its keys from here (``tests/test_stats.py`` finds any ``"newsarchive/...`` written elsewhere).
The names are what ``NEWSARCHIVE_STATS_FILE``, the log's stats dump and the tests see.
"""

from __future__ import annotations

PREFIX = "newsarchive/"

# What came of each article page
ARTICLES_NEW = PREFIX + "articles/new"  # articles stored for the first time
ARTICLES_UPDATED = PREFIX + "articles/updated"  # stored articles whose extraction changed
ARTICLES_UNCHANGED = PREFIX + "articles/unchanged"  # stored articles fetched again, nothing changed
ARTICLES_FAILED = PREFIX + "articles/failed"  # pages whose extraction raised or timed out
ARTICLES_OLD = PREFIX + "articles/old"  # articles published before --since, not stored
ARTICLES_QUEUED = PREFIX + "articles/queued"  # Redis mode: articles queued for `newsarchive write`
NOT_ARTICLE = PREFIX + "not_article"  # pages the verdict found no article (listings, contact pages...)

# The walk of a portal
START_PAGES = PREFIX + "start_pages"  # start pages asked for
START_FAILURES = PREFIX + "start_failures"  # start pages that could not be had
START_ERROR = PREFIX + "start_error"  # the latest start page failure, "URL (reason)"
LISTING_PAGES = PREFIX + "listing_pages"  # listing pages read
LISTING_FAILURES = PREFIX + "listing_failures"  # listing pages (not start pages) that could not be had
NOT_MODIFIED = PREFIX + "not_modified"  # listing pages, feeds, sitemaps answered 304
POSTBACK_PAGINATION = PREFIX + "postback_pagination"  # listings whose pager only posts back (not followed)
ARTICLE_LINKS = PREFIX + "article_links"  # article links found on listings
CANDIDATES = PREFIX + "candidates"  # links a listing's structure alone proposed, not yet asked for
CANDIDATES_NOT_FETCHED = PREFIX + "candidates_not_fetched"  # candidates left once a listing missed too often
LISTINGS_FOUND_AS_PAGES = PREFIX + "listings_found_as_pages"  # pages asked for as articles that were listings
KNOWN_SKIPPED = PREFIX + "known_skipped"  # article links not fetched: already archived
OLD_SKIPPED = PREFIX + "old_skipped"  # article links not fetched: dated before --since
ARTICLE_PAGES = PREFIX + "article_pages"  # article pages fetched (HTML)
NOT_HTML = PREFIX + "not_html"  # article links that answered something else than HTML
FORBIDDEN_BY_ROBOTS = PREFIX + "robots_forbidden"  # requests robots.txt forbade
FETCH_FAILURES = PREFIX + "fetch_failures"  # requests that failed on the network (refused, timeout, reset)
BUDGET_EXHAUSTED = PREFIX + "budget_exhausted"  # 1 when --max-pages ended the run

# Politeness
RETRY_AFTER_WAITED = PREFIX + "retry_after/waited"  # 503/429 answers whose Retry-After was waited for
RETRY_AFTER_SECONDS = PREFIX + "retry_after/seconds"  # the seconds so waited
RETRY_AFTER_TOO_LONG = PREFIX + "retry_after/too_long"  # Retry-After beyond NEWSARCHIVE_RETRY_AFTER_MAX: failed
BACKLOG_WAITS = PREFIX + "backlog/waits"  # times downloads paused for the extraction backlog

# Storage and corpus work
PAGES_STORED = PREFIX + "pages/stored"  # raw pages kept for reextract
PAGES_REEXTRACTED = PREFIX + "pages/reextracted"  # stored pages run through the pipelines by reextract
CORPUS_ANNOTATED = PREFIX + "corpus/annotated"  # articles given province, topic and duplicate links
WARC_RECORDS = PREFIX + "warc/records"  # WARC records written with --warc

# CPU seconds per stage
CPU_EXTRACT = PREFIX + "cpu/extract"  # extraction, in the workers
CPU_STORE = PREFIX + "cpu/store"  # writing articles and raw pages
CPU_ANNOTATE = PREFIX + "cpu/annotate"  # province, topic and duplicates
CPU_LINKS = PREFIX + "cpu/links"  # reading a listing's links (the spider, in the reactor's thread)

# The run's verdict
MODE = PREFIX + "mode"  # full, incremental, backfill, ... (the run log's mode)
STATUS = PREFIX + "status"  # finished, incomplete, stopped, killed, failed
PROBLEM = PREFIX + "problem"  # why the source looks broken, when it does

ARTICLE_OUTCOMES = {  # Archive.save_article's outcome -> its counter
    "new": ARTICLES_NEW,
    "updated": ARTICLES_UPDATED,
    "unchanged": ARTICLES_UNCHANGED,
}
REJECTED = {  # why ExtractionPipeline dropped a page -> its counter
    "failed": ARTICLES_FAILED,
    "old": ARTICLES_OLD,
    "not_article": NOT_ARTICLE,
}
SKIPPED = {"known": KNOWN_SKIPPED, "old": OLD_SKIPPED}  # why the plan skips a link -> its counter

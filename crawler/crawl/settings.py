"""Scrapy settings for newsarchive: every tunable the project reads is declared here.

Polite by default (robots.txt, AutoThrottle, two requests per domain, bounded retries); the
``NEWSARCHIVE_*`` settings are the project's own and are read only in the components'
``from_crawler``.
"""

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "newsarchive/0.1 (+https://github.com/newsarchive/newsarchive; party-building news archive)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Every source runs its own crawler in one process, each holding up to this much of responses being
# processed; Scrapy's 5 MB each would let fifty sources keep 250 MB of pages in flight.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "crawler.crawl.logformatter.PageLogFormatter"
# Scrapy's default disk queue, naming each request's callbacks without searching the spider for them.
SCHEDULER_DISK_QUEUE = "crawler.crawl.queues.PickleLifoDiskQueue"

# Each article page yields one item; Scrapy starts this many tasks for every response it scrapes.
CONCURRENT_ITEMS = 1
# Scrapy's check re-reads and parses a callback's source for every response (its cache is keyed by
# the bound method, made anew each time); the spider's callbacks return no values.
WARN_ON_GENERATOR_RETURN_VALUE = False
ITEM_PIPELINES = {
    "crawler.crawl.rawpages.RawPagePipeline": 200,
    "crawler.crawl.pipelines.ExtractionPipeline": 300,
    "crawler.crawl.pipelines.ArchivePipeline": 800,
    "crawler.corpus.annotate.CorpusPipeline": 850,
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.crawl.middlewares.RetryAfter": 550,
    "crawler.crawl.middlewares.RedirectLoops": 650,
    "crawler.crawl.middlewares.ArticleBacklog": 950,
}
EXTENSIONS = {
    "crawler.crawl.extensions.CrawlSummary": 500,
    "crawler.crawl.warc.WarcRecorder": 600,
    "crawler.crawl.runlog.RunLog": 510,
}

# The project's own settings.
NEWSARCHIVE_DB = "archive.db"
NEWSARCHIVE_SOURCES = None  # folder of source TOML files; None: the bundled registry
NEWSARCHIVE_STATS_FILE = None  # append each source's final stats here as JSON lines
NEWSARCHIVE_MAX_PAGES = 0  # requests per source and run; 0: no bound
NEWSARCHIVE_EXTRACT_WORKERS = None  # extraction processes beside the reactor; None: one per core (none on one core)
NEWSARCHIVE_EXTRACT_TIMEOUT = 60.0  # seconds a worker may spend on one page before it is recorded as failed; 0: no limit
NEWSARCHIVE_ARTICLE_BACKLOG = 32  # article pages downloading or awaiting extraction at once, over every source; 0: no bound
NEWSARCHIVE_DERIVE = "crawler.corpus.derive.derive"  # what the extraction workers compute from each article's title and text for the corpus columns; None: computed as stored
NEWSARCHIVE_MIN_TEXT_CHARS = 200  # shorter extractions are not articles
NEWSARCHIVE_GENERIC_MIN_TEXT_CHARS = 120  # a portal with no registry entry: its page decides (crawler.extract.verdict); a short item counts
NEWSARCHIVE_CANDIDATE_MISSES_PER_LISTING = 5  # a listing's candidates found by structure alone: after this many non-articles, none stored, the rest are not asked for
NEWSARCHIVE_KEEP_PAGES = True  # store every fetched article page (compressed) for `newsarchive reextract`
NEWSARCHIVE_WARC_DIR = None  # folder to write what a crawl fetched as WARC files; None: no WARC
NEWSARCHIVE_REFRESH = False  # fetch and extract again the articles the archive already holds
NEWSARCHIVE_SINCE = None  # ISO date: a backfill goes back to it and stores nothing published before it
NEWSARCHIVE_KNOWN_DEPTH = 1  # a listing's pagination stops after this many pages in a row of known articles
NEWSARCHIVE_RESUMING = False  # set by the runner when JOBDIR holds a stopped run's queue
NEWSARCHIVE_BATCH_ARTICLES = 100  # a crawl commits its writes every this many articles ...
NEWSARCHIVE_BATCH_SECONDS = 1.0  # ... or this many seconds, whichever comes first
NEWSARCHIVE_RETRY_AFTER_MAX = 120  # seconds: a server's longer Retry-After is not waited for, the request fails
NEWSARCHIVE_RUNLOG_INTERVAL = 5.0  # seconds between rewrites of the run's row in table crawls
NEWSARCHIVE_REDIS_URL = None  # redis://HOST:PORT/DB: share the frontier there and queue articles for `newsarchive write`
NEWSARCHIVE_REDIS_PREFIX = "newsarchive"  # the Redis keys' prefix: one prefix, one shared crawl and one archive
NEWSARCHIVE_REDIS_STALE = 30.0  # seconds without a heartbeat after which a crawl process counts as gone


def bad_setting(overrides: dict[str, str]) -> str | None:
    """Why one of ``-s NAME=VALUE`` cannot be read as its setting's type (that of its value here or
    in Scrapy's defaults), or None: checked before a crawl starts, where Scrapy would fail in the
    middle of one with a page of traceback."""
    from scrapy.settings import BaseSettings, default_settings

    given = BaseSettings(overrides)
    checks = ((bool, given.getbool, "true or false"), ((int, float), given.getfloat, "a number"), (dict, given.getdict, "a JSON object"))
    for name, value in overrides.items():
        default = globals().get(name, getattr(default_settings, name, None))
        for kind, read, wanted in checks:
            if isinstance(default, kind):
                try:
                    read(name)
                except (TypeError, ValueError):
                    return f"-s {name}={value}: {name} must be {wanted}"
                break
    return None

"""The crawl machinery: Scrapy settings, spider plumbing, pipelines, workers, the run log."""

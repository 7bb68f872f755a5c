"""The newsarchive Scrapy project: settings, items, pipelines, extraction and the CLI."""

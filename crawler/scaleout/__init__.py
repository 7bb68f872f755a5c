"""Redis mode (``crawl --redis URL``): several crawl processes, one frontier, one archive writer.

The crawl processes share each source's request queue and duplicate filter in Redis (``frontier``)
and, instead of writing SQLite, push what they would store onto one Redis list (``itemqueue``);
``newsarchive write`` drains that list into the archive (``writer``), so the archive keeps a single
writer. ``connection`` holds the server and the key names; the settings that turn a crawl into one
of these processes are ``crawler.crawl.shared``, in the layer below.
"""

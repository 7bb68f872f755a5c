"""Datasette for the archive, configured from this folder: metadata.json (descriptions, facets,
canned queries), settings.json, templates/ and the hooks in datasette_plugin.py.

The archive is always the database named ``archive`` (so URLs and templates do not depend on the
file's name), opened read-only by every connection, with arbitrary SQL off unless asked for.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
from pathlib import Path

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from . import datasette_plugin
from .datasette_plugin import DATABASE
from .store import read_uri

HERE = Path(__file__).parent
METADATA = HERE / "metadata.json"
SETTINGS = HERE / "settings.json"
TEMPLATES = HERE / "templates"


class ReadOnlyDatabase(Database):
    """Every connection opens the file read-only, Datasette's write connection included: the archive
    is written by crawls, never through the web. Not immutable where it can be helped, so a crawl
    may run while it is served (``read_uri``)."""

    def connect(self, write=False):
        conn = sqlite3.connect(read_uri(Path(self.path)), uri=True, check_same_thread=False)
        self._all_file_connections.append(conn)
        return conn


def load_metadata() -> dict:
    return json.loads(METADATA.read_text("utf-8"))


def build_datasette(db_path: Path, *, sql: bool = False, settings: dict | None = None) -> Datasette:
    """The configured Datasette for the archive at ``db_path``; ``sql`` allows arbitrary SQL queries,
    ``settings`` override settings.json (the benchmark turns on ``trace_debug``)."""
    if pm.get_plugin("newsarchive") is None:
        pm.register(datasette_plugin, name="newsarchive")
    settings = {**json.loads(SETTINGS.read_text("utf-8")), **(settings or {}), "default_allow_sql": sql}
    datasette = Datasette(metadata=load_metadata(), settings=settings, template_dir=str(TEMPLATES))
    datasette.remove_database("_memory")  # added when no file is given; an empty scratch database is noise here
    datasette.add_database(ReadOnlyDatabase(datasette, str(db_path)), name=DATABASE)
    return datasette


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, before Datasette starts: a busy or forbidden port fails
    here, as an OSError, rather than in uvicorn's log after startup."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is no obstacle
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def serve_archive(db_path: Path, sock: socket.socket, *, sql: bool = False) -> None:
    """Serve on ``sock`` (from ``listen``) until interrupted."""
    import uvicorn

    datasette = build_datasette(db_path, sql=sql)
    asyncio.run(datasette.invoke_startup())
    host, port = sock.getsockname()[:2]
    config = uvicorn.Config(datasette.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
    uvicorn.Server(config).run(sockets=[sock])

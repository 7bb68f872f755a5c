"""Serve the sample portals in ``tests/sites`` on 127.0.0.1, one port per site.

Each site folder holds ``source.toml`` (a registry entry whose URLs use the
``{origin}`` and ``{host}`` placeholders), ``expected.json`` and ``www/`` with
the pages. A request maps to ``www/<path>`` (``index.html`` for a folder); URLs
with a query string, such as ``Default.aspx?tabid=91&ItemID=12``, map through
``www/_routes.json``. Every request is appended to an access log so tests can
count what a crawl fetched.

Pages carry an ``ETag`` (a hash of the bytes) and a ``Last-Modified`` (the file's
mtime), and a conditional request (``If-None-Match`` / ``If-Modified-Since``) for
an unchanged page gets ``304 Not Modified``, as most real servers do. A test can
make a path fail by listing it in ``www/_status.json`` (``{"/xay-dung-dang/": 500}``,
read on every request, so it may change while serving), ``--delay`` slows
every response so a crawl can be stopped mid-way, and ``--hold FILE`` keeps every
response waiting while FILE exists, so that several crawlers can be ready first.

Run as a script it serves every site until interrupted and writes a registry
with the real ports, which is what ``make demo`` and the end-to-end tests use::

    python tests/sampleweb.py --registry DIR [--log FILE] [--port-file FILE] [--sites DIR] [--delay S] [--hold FILE]
                              [--base-port N] [--prefix P]

``--base-port N`` serves the sites on N, N+1, ... in name order, so every run has the same URLs
(``make demo``: a second demo crawl finds nothing new); when one of them is taken, every site
gets a free port instead and a line says so. ``--prefix sample-`` names the registry entries
``sample-<site>``, apart from the real registry's keys.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import mimetypes
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITES_DIR = Path(__file__).parent / "sites"


def site_dirs(root: Path = SITES_DIR) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "source.toml").is_file())


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "SamplePortal/1.0"

    def __init__(
        self, *args, site: Path, log_lock: threading.Lock, log_path: Path | None, delay: float = 0.0,
        hold: Path | None = None, **kw,
    ):
        self.site = site
        self.log_lock = log_lock
        self.log_path = log_path
        self.delay = delay
        self.hold = hold
        super().__init__(*args, **kw)

    def resolve(self) -> Path | None:
        routes_file = self.site / "www" / "_routes.json"
        parts = urlsplit(self.path)
        if parts.query and routes_file.is_file():
            routes = json.loads(routes_file.read_text("utf-8"))
            target = routes.get(f"{parts.path}?{parts.query}")
            return self.site / "www" / target if target else None
        path = unquote(parts.path)
        candidate = (self.site / "www" / path.lstrip("/")).resolve()
        www = (self.site / "www").resolve()
        if www not in candidate.parents and candidate != www:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() and not candidate.name.startswith("_") else None

    def forced_status(self) -> int | None:
        status_file = self.site / "www" / "_status.json"
        if not status_file.is_file():
            return None
        return json.loads(status_file.read_text("utf-8")).get(self.path)

    def not_modified(self, etag: str, mtime: float) -> bool:
        """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in {tag.strip() for tag in if_none_match.split(",")} or if_none_match.strip() == "*"
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                return int(mtime) <= parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        while self.hold and self.hold.exists():
            time.sleep(0.05)
        if self.delay:
            time.sleep(self.delay)
        target = self.resolve()
        status = self.forced_status() or (200 if target else 404)
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if status != 200 or target is None:
            body = f"<html><body><h1>{status}</h1></body></html>".encode()
        else:
            body = target.read_bytes()
            mtime = target.stat().st_mtime
            headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers["Last-Modified"] = formatdate(mtime, usegmt=True)
            ctype = mimetypes.guess_type(target.name)[0] or "text/html"
            if target.suffix in {".aspx", ".html", ".htm", ""}:
                ctype = "text/html"
            if ctype.startswith("text/") or ctype.endswith("xml"):
                ctype += "; charset=utf-8"
            headers["Content-Type"] = ctype
            if self.not_modified(headers["ETag"], mtime):
                status, body = 304, b""
                del headers["Content-Type"]
        if self.log_path:
            with self.log_lock, self.log_path.open("a", encoding="utf-8") as log:
                log.write(json.dumps({"site": self.site.name, "path": self.path, "status": status}) + "\n")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - quiet: the access log above is the record
        pass


def serve_sites(
    sites: list[Path], log_path: Path | None = None, delay: float = 0.0, hold: Path | None = None, base_port: int = 0,
) -> dict[str, ThreadingHTTPServer]:
    """Start one server thread per site, on ``base_port`` + its index (free ports with 0, or when one
    of those is taken); return them by site key."""
    lock = threading.Lock()
    handlers = {site.name: partial(SiteHandler, site=site, log_lock=lock, log_path=log_path, delay=delay, hold=hold) for site in sites}
    servers = {}
    try:
        for index, (name, handler) in enumerate(handlers.items()):
            servers[name] = ThreadingHTTPServer(("127.0.0.1", base_port + index if base_port else 0), handler)
    except OSError as exc:
        for server in servers.values():
            server.server_close()
        print(f"port {base_port + len(servers)} is taken ({exc.strerror}): serving on free ports, "
              "so these URLs differ from an earlier run's", flush=True)
        servers = {name: ThreadingHTTPServer(("127.0.0.1", 0), handler) for name, handler in handlers.items()}
    for server in servers.values():
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return servers


def write_registry(sites: list[Path], ports: dict[str, int], registry: Path, prefix: str = "") -> None:
    """Write each site's ``source.toml`` into ``registry`` with its real origin filled in, as ``<prefix><site>.toml``."""
    registry.mkdir(parents=True, exist_ok=True)
    for site in sites:
        host = f"127.0.0.1:{ports[site.name]}"
        text = (site / "source.toml").read_text("utf-8")
        text = text.replace("{origin}", f"http://{host}").replace("{host}", host)
        (registry / f"{prefix}{site.name}.toml").write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=Path, default=SITES_DIR)
    parser.add_argument("--registry", type=Path, required=True, help="folder to write the registry into")
    parser.add_argument("--log", type=Path, help="append one JSON line per request here")
    parser.add_argument("--port-file", type=Path, help="write {site: port} here once serving")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each response")
    parser.add_argument("--hold", type=Path, help="keep every response waiting while this file exists")
    parser.add_argument("--base-port", type=int, default=0, help="serve the sites on this port and the next ones (0: free ports)")
    parser.add_argument("--prefix", default="", help="prefix of the registry keys written (make demo: sample-)")
    args = parser.parse_args()
    sites = site_dirs(args.sites)
    servers = serve_sites(sites, args.log, args.delay, args.hold, args.base_port)
    ports = {key: server.server_address[1] for key, server in servers.items()}
    write_registry(sites, ports, args.registry, args.prefix)
    if args.port_file:
        args.port_file.write_text(json.dumps(ports), "utf-8")
    for key, port in ports.items():
        print(f"{key}: http://127.0.0.1:{port}/", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

"""Requests of a full crawl of the sample portals and of a re-run on the unchanged sites.

Serves tests/sites on 127.0.0.1, crawls every portal into a fresh archive twice with the
installed ``newsarchive`` command, and counts what the servers' access log shows per site:

    .venv/bin/python benchmarks/rerun_requests.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from sampleweb import serve_sites, site_dirs, write_registry  # noqa: E402

CLI = Path(sys.executable).parent / "newsarchive"
# Local servers need no politeness delays; the requests made are the same with them.
ENV = {**os.environ, "NEWSARCHIVE_SCRAPY_SETTINGS": json.dumps({"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False})}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        log = tmp / "access.log"
        sites = site_dirs()
        servers = serve_sites(sites, log)
        write_registry(sites, {key: s.server_address[1] for key, s in servers.items()}, tmp / "sources")
        counts = []
        for _run in ("full crawl", "re-run"):
            before = len(log.read_text().splitlines()) if log.exists() else 0
            subprocess.run([str(CLI), "crawl", "--all", "--sources", str(tmp / "sources"), "--db", str(tmp / "a.db")],
                           check=True, env=ENV, capture_output=True)
            counts.append([json.loads(line) for line in log.read_text().splitlines()[before:]])
        full, rerun = counts
        print(f"{'site':<14} {'full crawl':>10} {'re-run':>7}  re-run requests (status)")
        for site in sorted({r["site"] for r in full}):
            again = [r for r in rerun if r["site"] == site]
            detail = ", ".join(f"{path} ({status})" for (path, status), _ in Counter((r["path"], r["status"]) for r in again).items())
            print(f"{site:<14} {sum(r['site'] == site for r in full):>10} {len(again):>7}  {detail}")
        print(f"{'all':<14} {len(full):>10} {len(rerun):>7}")
        for server in servers.values():
            server.shutdown()


if __name__ == "__main__":
    main()

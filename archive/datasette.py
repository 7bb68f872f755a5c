"""Datasette for the archive: metadata built for the database's own name, served on localhost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

METADATA = Path(__file__).parent / "metadata.json"


def metadata_for(db_path: Path) -> dict:
    """The bundled metadata, keyed by this database's name (Datasette names a database by its file stem)."""
    template = json.loads(METADATA.read_text("utf-8"))
    databases = template.pop("databases")
    template["databases"] = {db_path.stem: databases["archive"]}
    return template


def serve_archive(db_path: Path, *, host: str, port: int) -> None:
    from datasette.cli import cli as datasette_cli

    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False), "utf-8")
        datasette_cli.main(
            ["serve", str(db_path), "-h", host, "-p", str(port),
             "--metadata", str(metadata), "--setting", "sql_time_limit_ms", "3000"],
            standalone_mode=True,
        )

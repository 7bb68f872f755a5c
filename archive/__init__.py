"""The SQLite archive: schema, migrations, writes, and the Datasette configuration."""

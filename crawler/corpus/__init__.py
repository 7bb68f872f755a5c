"""What the archive derives and hands on: annotations, syndication, topic, export, re-extraction."""

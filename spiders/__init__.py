"""Spiders: one engine (``portal``) that every source in the registry runs through."""

"""Families of documents: each module builds its documents' context and registers them."""

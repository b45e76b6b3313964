"""Allows ``python -m docgen``."""

from __future__ import annotations

from docgen.cli import main

if __name__ == "__main__":  # not when a spawned worker process imports this module
    main()

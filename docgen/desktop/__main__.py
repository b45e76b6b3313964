"""``python -m docgen.desktop``: the windowed app, for shortcuts where docgen-app is not found."""

from __future__ import annotations

import sys

from docgen.desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

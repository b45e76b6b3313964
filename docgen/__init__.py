"""docgen: SEN Word input forms in, editable SEN documents out."""

import sys

# First, in syntax any Python reads (2.7 included), so an older Python says in one line what
# docgen needs instead of failing with a SyntaxError deep inside newer code. That is also why
# this file alone has no `from __future__ import annotations` and no f-string.
if sys.version_info < (3, 11):  # noqa: UP036 - the point is to run on older Pythons
    sys.exit("docgen needs Python 3.11 or newer, and this is Python %d.%d: install a newer "  # noqa: UP031
             "Python (python.org, or the Microsoft Store on Windows) and docgen with it."
             % tuple(sys.version_info[:2]))

__version__ = "0.1.0"

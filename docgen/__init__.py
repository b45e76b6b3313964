"""docgen: SEN Word input forms in, editable SEN documents out."""

from __future__ import annotations

__version__ = "0.1.0"

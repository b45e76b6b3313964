"""Typed form data to and from JSON-friendly values (dates as ISO text)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def to_json_data(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: to_json_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value

"""The guidance's facts and rules as plain data and pure functions (no I/O)."""

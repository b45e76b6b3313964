"""The SEND Code of Practice 2015 framework's documents (registered in docgen/frameworks.py)."""

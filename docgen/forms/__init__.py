"""Word input forms: blank forms with content controls, and reading filled ones."""

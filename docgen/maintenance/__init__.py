"""Tools for handbook maintainers: checking templates and forms, variable reference, previews."""

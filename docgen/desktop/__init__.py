"""docgen as a desktop program: the windowed app that opens the page, and its shortcuts."""

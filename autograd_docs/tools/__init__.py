"""Command-line tools behind `make outputs`, `make bench`, `make lock` and `make translation-status`."""

"""The build: `python -m autograd_docs.build` (source checks, notebooks, one MkDocs build per language, serve)."""

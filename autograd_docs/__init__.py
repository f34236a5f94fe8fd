"""The machinery behind the site, one sub-package per role.

- `pages` (the page model: paths, languages, fences, examples, picture markers) and `comments`
  (bilingual code comments) are asked by everything else;
- `harness/`: the doctest (run an example, compare its output; the pytest plugin);
- `build/`: the build (`python -m autograd_docs.build`): source checks, graph pictures, exercise
  notebooks, CJK line joining, MathML, and the one MkDocs hooks file;
- `tools/`: command-line tools (`make outputs`, `make bench`, `make translation-status`, `make lock`).
"""

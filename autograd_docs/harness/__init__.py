"""The doctest: run each example of each page and compare what it prints with the output block under it."""

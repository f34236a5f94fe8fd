"""Shared test setup."""

# Import torch before any pytester run: pytester restores sys.modules after an in-process run,
# which would drop a torch first imported inside it, and torch cannot be imported twice (segfault).
import torch  # noqa: F401

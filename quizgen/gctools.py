"""The cyclic garbage collector paused while a large, garbage-free structure is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused. Composing a large bank, or reading a long article,
    makes hundreds of thousands of objects, none of them garbage, and every full collection
    would walk them all again (a bank of 20,000 questions: 3.1 -> 1.2 s to load). Cycles
    made meanwhile are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

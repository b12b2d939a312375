"""``quizgen scan``: scanned answer sheets -> placed pages -> box readings -> results.

OpenCV, NumPy, zxing-cpp and pypdfium2 are imported by this package alone (and by the sheet
renderer, for its QR code), so the other commands start fast:

- ``inputs``: PDF and image files -> grey pages, one at a time;
- ``place``: QR code and corner marks -> the page warped onto the sheet's coordinates;
- ``read``: each box filled, empty or needing review; a question's cell;
- ``run``: pages gathered per student, review items and decisions, results written through
  ``quizgen.results``.
"""

from __future__ import annotations

from .run import REVIEW_COLUMNS, scan

__all__ = ["REVIEW_COLUMNS", "scan"]

"""Scans in: PDF pages (rasterised with pypdfium2) and images (PNG, JPEG, TIFF, multi-page
TIFF), one grey page at a time, so memory stays flat however many pages there are."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

PDF_DPI = 200
"""Resolution PDF scans are rasterised at (their own images are usually 200-300 dpi)."""
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


@dataclass(frozen=True)
class ScanPage:
    origin: str
    """``scans.pdf page 3``, ``photo.jpg``: how messages name the page."""
    file: str
    page: int
    image: np.ndarray | None
    """Grey levels (uint8), or None when the page could not be read."""
    error: str = ""


def _grey(image: np.ndarray) -> np.ndarray:
    if image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if image.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        image = cv2.cvtColor(image, code)
    return image


def _pdf_pages(path: Path, dpi: int) -> Iterator[ScanPage]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception as exc:  # noqa: BLE001 - pdfium's errors name no common base
        yield ScanPage(str(path), str(path), 0, None, f"not a readable PDF ({exc})")
        return
    try:
        for index in range(len(pdf)):
            origin = f"{path} page {index + 1}"
            try:
                page = pdf[index]
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = np.array(bitmap.to_numpy(), copy=True)
                bitmap.close()
                page.close()
            except Exception as exc:  # noqa: BLE001
                yield ScanPage(origin, str(path), index + 1, None, f"cannot rasterise ({exc})")
                continue
            yield ScanPage(origin, str(path), index + 1, _grey(image))
    finally:
        pdf.close()


def _image_pages(path: Path) -> Iterator[ScanPage]:
    if path.suffix.lower() in (".tif", ".tiff"):
        ok, images = cv2.imreadmulti(str(path), flags=cv2.IMREAD_UNCHANGED)
        if ok and images:
            for index, image in enumerate(images, start=1):
                origin = f"{path} page {index}" if len(images) > 1 else str(path)
                yield ScanPage(origin, str(path), index, _grey(image))
            return
    image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if image is None:
        yield ScanPage(str(path), str(path), 1, None, "not a readable image")
        return
    yield ScanPage(str(path), str(path), 1, _grey(image))


def pages(paths: list[Path], dpi: int = PDF_DPI) -> Iterator[ScanPage]:
    """Every page of every input, in the order given; unreadable ones carry their error."""
    for path in paths:
        if not path.is_file():
            yield ScanPage(str(path), str(path), 0, None, "no such file")
        elif path.suffix.lower() == ".pdf":
            yield from _pdf_pages(path, dpi)
        elif path.suffix.lower() in IMAGE_SUFFIXES:
            yield from _image_pages(path)
        else:
            with open(path, "rb") as f:
                head = f.read(5)
            if head == b"%PDF-":
                yield from _pdf_pages(path, dpi)
            else:
                yield from _image_pages(path)

"""Offline validation against the vendored IMS schemas (``schemas/``), for the QTI tests."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from lms_support import LMS
from lxml import etree

SCHEMAS = LMS / "schemas"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"


class _Local(etree.Resolver):
    """Every schema import resolves inside ``schemas/``; ``xml.xsd`` wherever it is asked for
    (the QTI 1.2 schema imports it from its parent folder) is the W3C one in ``w3/``."""

    def resolve(self, url, pubid, context):
        if url.endswith("/xml.xsd") or url == "xml.xsd":
            return self.resolve_filename(str(SCHEMAS / "w3" / "xml.xsd"), context)
        path = Path(url.removeprefix("file://"))
        if not path.resolve().is_relative_to(SCHEMAS.resolve()):
            raise AssertionError(f"schema import outside the vendored schemas: {url}")
        return None


@functools.cache
def schema(relative: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / relative), parser))


def parse(data: bytes) -> etree._ElementTree:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.ElementTree(etree.fromstring(data, parser))


def assert_valid(document: etree._ElementTree, relative: str, name: str) -> None:
    xsd = schema(relative)
    assert xsd.validate(document), f"{name}: {xsd.error_log}"


def package(path: Path) -> dict[str, bytes]:
    """Every file of a content package; its manifest is valid IMS CP 1.1 and lists exactly
    the package's other files, each of them present."""
    with zipfile.ZipFile(path) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = parse(files["imsmanifest.xml"])
    assert_valid(manifest, "imscp_v1p1.xsd", "imsmanifest.xml")
    listed = {f.get("href") for f in manifest.iter(f"{{{CP_NS}}}file")}
    assert listed == set(files) - {"imsmanifest.xml"}
    return files

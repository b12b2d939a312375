"""SCORM packages: ``scorm12.zip`` (SCORM 1.2) and ``scorm2004.zip`` (SCORM 2004 4th edition).

Each package is one SCO: ``imsmanifest.xml`` and ``index.html``, the launch page, which holds
every version of the quiz in test mode. In the LMS the page finds the API (parent frames,
then the opener), shows the learner the version their learner id hashes to, keeps answers in
suspend data, and on submission records the score, pass or fail against ``--pass-mark``,
completion, session time and one interaction per question (see templates/scorm.js). Without
an LMS the page works on its own. Role ``lms``: the build puts the packages in ``teacher/``.

The zips are byte-stable: fixed entry order, timestamps and permissions.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from ..model import Quiz
from . import OutputFile, RenderOptions

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
LAUNCH = "index.html"

_NS_12 = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
)
_NS_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
    "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
    'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
)


def _number(value: float) -> str:
    return format(value, "g")


def manifest(quiz: Quiz, options: RenderOptions, *, edition: str) -> bytes:
    """``imsmanifest.xml`` of the package (valid against the SCORM schemas)."""
    ident = f"quizgen-{quiz.bank.id}"
    title = escape(quiz.title)
    if edition == "1.2":
        namespaces, version = _NS_12, "1.2"
        item_extra = f"<adlcp:masteryscore>{_number(options.pass_mark)}</adlcp:masteryscore>"
        scorm_type = 'adlcp:scormtype="sco"'
    else:
        namespaces, version = _NS_2004, "2004 4th Edition"
        measure = _number(round(options.pass_mark / 100, 4))
        item_extra = (
            "<imsss:sequencing><imsss:objectives>"
            '<imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">'
            f"<imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>"
            "</imsss:primaryObjective></imsss:objectives></imsss:sequencing>"
        )
        scorm_type = 'adlcp:scormType="sco"'
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<manifest identifier={quoteattr(ident)} version="1" {namespaces}>',
        "  <metadata>",
        "    <schema>ADL SCORM</schema>",
        f"    <schemaversion>{version}</schemaversion>",
        "  </metadata>",
        '  <organizations default="quizgen-org">',
        '    <organization identifier="quizgen-org">',
        f"      <title>{title}</title>",
        '      <item identifier="quizgen-item" identifierref="quizgen-sco">',
        f"        <title>{title}</title>",
        f"        {item_extra}",
        "      </item>",
        "    </organization>",
        "  </organizations>",
        "  <resources>",
        f'    <resource identifier="quizgen-sco" type="webcontent" {scorm_type} href="{LAUNCH}">',
        f'      <file href="{LAUNCH}"/>',
        "    </resource>",
        "  </resources>",
        "</manifest>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def package(quiz: Quiz, options: RenderOptions, *, edition: str) -> bytes:
    """The zip an LMS uploads: ``imsmanifest.xml`` first, then the launch page."""
    from .html import launch_page

    page = launch_page(quiz, options, edition=edition)
    return _zip([("imsmanifest.xml", manifest(quiz, options, edition=edition)), (LAUNCH, page)])


def render_file(quiz: Quiz, options: RenderOptions, *, edition: str) -> OutputFile:
    name, fmt = ("scorm12.zip", "scorm12") if edition == "1.2" else ("scorm2004.zip", "scorm2004")
    return OutputFile(name, fmt, "lms", package(quiz, options, edition=edition))

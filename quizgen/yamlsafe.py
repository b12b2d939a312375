"""Safe, bounded YAML reading that keeps the line and column of every value.

The document is composed into nodes (nothing is constructed from tags), then walked into plain
Python values: mappings become ``Map`` and sequences ``Seq``, which remember where each of their
entries stands. Aliases are counted every time they are used, so an alias bomb is refused after
a bounded number of nodes instead of exhausting memory.
"""

from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor

from .errors import BankError, Location, Problem
from .gctools import gc_paused
from .text import NotText, bad_character, decode_text

MAX_BYTES = 16 * 1024 * 1024
"""Largest bank file read (bytes): room for 20,000 questions and more."""
MAX_NODES = 500_000
"""Most YAML nodes walked, aliases counted each time they are used."""

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class Map(dict):
    """A YAML mapping; ``where`` is its own location, ``key_at``/``value_at`` its entries'.

    Entries' places are kept as the parser's marks and made into a ``Location`` only when
    asked for (most never are: a 20,000-question bank has 300,000 of them)."""

    where: Location
    key_locations: dict
    value_locations: dict

    def key_at(self, key: str) -> Location:
        mark = self.key_locations.get(key)
        return self.where if mark is None else _loc(self.where.file, mark)

    def value_at(self, key: str) -> Location:
        mark = self.value_locations.get(key)
        return self.where if mark is None else _loc(self.where.file, mark)


class Seq(list):
    """A YAML sequence; ``where`` is its own location, ``at(i)`` its i-th entry's."""

    where: Location
    locations: list

    def at(self, index: int) -> Location:
        if index < len(self.locations):
            return _loc(self.where.file, self.locations[index])
        return self.where


def _tag(tag: str) -> str:
    """A tag as it was written: 'tag:yaml.org,2002:python/object' -> '!!python/object'."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _loc(file: str, mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def decode(data: bytes, file: str) -> str:
    """Bytes to text (see ``decode_text``); ``BankError`` with the place when they are not."""
    try:
        return decode_text(data)
    except NotText as exc:
        raise BankError(
            problems=(Problem(str(exc), Location(file, exc.line, exc.column)),)
        ) from None


def _compose(text: str):
    """Compose with libyaml when PyYAML has it (about 15 times faster); on any error, compose
    again with the pure-Python parser, whose messages and marks are the ones reported."""
    fast = getattr(yaml, "CSafeLoader", None)
    with gc_paused():
        if fast is not None:
            try:
                return yaml.compose(text, Loader=fast)
            except yaml.YAMLError:
                pass
        return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(data: bytes, file: str):
    """Parse one YAML document from ``data`` into plain values with locations.

    Raises ``BankError`` for oversized input, bad encoding, syntax errors, tags that would
    construct objects, duplicate keys and too many nodes.
    """
    if len(data) > MAX_BYTES:
        raise BankError(
            problems=(
                Problem(
                    f"file too large: {len(data)} bytes (the limit is {MAX_BYTES} bytes)",
                    Location(file),
                ),
            )
        )
    text = decode(data, file)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _loc(file, mark) if mark else Location(file)
        message = "YAML syntax error: " + (exc.problem or exc.context or "cannot parse")
        if exc.context and exc.problem:
            message = f"YAML syntax error: {exc.problem} ({exc.context})"
        if "'\\t'" in (exc.problem or ""):
            message = "YAML syntax error: a tab character; YAML indents with spaces only"
        raise BankError(problems=(Problem(message, where),)) from None
    except yaml.YAMLError as exc:
        raise BankError(problems=(Problem(f"YAML error: {exc}", Location(file)),)) from None
    if node is None:
        raise BankError(problems=(Problem("the file holds no YAML document", Location(file)),))
    walker = _Walker(file)
    with gc_paused():
        value = walker.walk(node)
    if walker.problems:
        raise BankError(problems=tuple(walker.problems))
    return value


class _Walker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0
        self.constructor = SafeConstructor()
        self.problems: list[Problem] = []

    def fail(self, message: str, node) -> None:
        """Note a problem and go on, so that every problem of the file is reported."""
        self.problems.append(Problem(message, _loc(self.file, node.start_mark)))

    def walk(self, node):
        self.count += 1
        if self.count > MAX_NODES:
            where = _loc(self.file, node.start_mark)
            message = f"too many YAML nodes (the limit is {MAX_NODES}, aliases included)"
            raise BankError(problems=(Problem(message, where),))
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                return self.fail(f"YAML tag '{_tag(node.tag)}' is not allowed", node)
            if node.tag == _STR_TAG:  # what the constructor would return, without the call
                value = node.value
                bad = bad_character(value)
                return self.fail(bad, node) if bad else value
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                problem = str(exc)
                if len(node.value) > 100:  # beyond Python's limit on digits of an int
                    problem = f"{len(node.value):,} characters is too long for a number"
                return self.fail(f"bad {node.tag.rsplit(':', 1)[-1]} value: {problem}", node)
            if node.tag == "tag:yaml.org,2002:timestamp":
                value = value.isoformat()
            if isinstance(value, str):
                bad = bad_character(value)
                if bad:
                    return self.fail(bad, node)
            return value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self.fail(f"YAML tag '{_tag(node.tag)}' is not allowed", node)
            seq = Seq(self.walk(child) for child in node.value)
            seq.where = _loc(self.file, node.start_mark)
            seq.locations = [child.start_mark for child in node.value]
            return seq
        if node.tag != _MAP_TAG:
            return self.fail(f"YAML tag '{_tag(node.tag)}' is not allowed", node)
        mapping = Map()
        mapping.where = _loc(self.file, node.start_mark)
        mapping.key_locations = {}
        mapping.value_locations = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail("YAML merge keys ('<<') are not supported", key_node)
                continue
            key = self.walk(key_node)
            if not isinstance(key, str):
                self.fail(f"keys must be text, got {type(key).__name__} {key!r}", key_node)
                continue
            if key in mapping:
                self.fail(f"duplicate key '{key}'", key_node)
                continue
            mapping[key] = self.walk(value_node)
            mapping.key_locations[key] = key_node.start_mark
            mapping.value_locations[key] = value_node.start_mark
        return mapping

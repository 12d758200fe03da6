"""The native module (Rust, PyO3). Use the functions of `xxgk`; these return the core's JSON."""

from collections.abc import Sequence
from os import PathLike

__version__: str

class ParseError(ValueError):
    """The input is not a report xxgk can read."""

    #: ``decode``, ``no_tables``, ``too_large`` or ``internal``.
    kind: str | None
    #: Byte offset in the input the error is about, when it has one.
    offset: int | None
    #: 1-based line the error is about, when it has one.
    line: int | None
    #: The file that was read, when one was.
    path: str | None

def parse_text(text: str) -> str:
    """A report's JSON; raises ParseError."""

def parse_bytes(data: bytes) -> str:
    """A report's JSON from UTF-8, UTF-16 (BOM), GBK or GB18030 bytes; raises ParseError."""

def parse_files(
    paths: Sequence[str | PathLike[str]], workers: int = 0
) -> list[str | ParseError | OSError]:
    """Each file's report JSON or its exception, in order, parsed on `workers` threads (0: one
    per core) with the GIL released."""

def template() -> str:
    """``{table: {edition: [[row key, row label, [[field key, field label, kind], ...]], ...]}}``
    as JSON, rows and fields in source order, kind ``int`` or ``decimal``."""

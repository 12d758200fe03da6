"""xxgk reads China's 政府信息公开工作年度报告 (annual reports on government information
disclosure) and returns the data of their tables — 二 主动公开, 三 收到和处理政府信息公开申请,
四 行政复议、行政诉讼 — exactly, whatever state the text is in (web page, PDF or OCR text,
markdown, TSV, HTML…).

>>> import xxgk
>>> r = xxgk.parse_file("report.txt")          # doctest: +SKIP
>>> r.requests.new_received.total               # doctest: +SKIP
49
>>> r.requests_frame(labels="zh")               # doctest: +SKIP

A cell is an int (or a float for amounts), or None where the source cell is blank: a blank is
never 0. A value whose path is not in ``r.uncertain`` is what the source says.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Union

from . import _xxgk
from ._frames import to_frame
from ._report import Diagnostic, FailedCheck, Layouts, Report, Row, Table
from ._xxgk import ParseError

__version__: str = _xxgk.__version__
__all__ = [
    "Diagnostic", "FailedCheck", "Layouts", "ParseError", "Report", "Row", "Table",
    "parse", "parse_file", "parse_many", "to_frame",
]  # fmt: skip

PathLike = Union[str, "os.PathLike[str]"]  # a runtime alias: Union, for Python 3.9


def parse(text: str | bytes | bytearray | memoryview) -> Report:
    """Parses a report from text, or from bytes in UTF-8, UTF-16 (with BOM), GBK or GB18030.

    Raises :class:`ParseError` when the input is not readable text or has none of the tables.
    """
    if isinstance(text, str):
        return Report(json.loads(_xxgk.parse_text(text)))
    if isinstance(text, (bytes, bytearray, memoryview)):
        return Report(json.loads(_xxgk.parse_bytes(bytes(text))))
    raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")


def parse_file(path: PathLike) -> Report:
    """Parses the report in the file ``path`` (any encoding :func:`parse` reads).

    Raises :class:`ParseError` (with ``path`` set) or :class:`OSError`.
    """
    result = parse_many([path], workers=1)[0]
    if isinstance(result, BaseException):
        raise result
    return result


def parse_many(
    paths: Iterable[PathLike], workers: int | None = None
) -> list[Report | ParseError | OSError]:
    """Parses many files in parallel, on ``workers`` threads (default: one per core), with the
    GIL released.

    Returns a list in the order of ``paths``: a :class:`Report` for each file that parses, and
    in place of each file that does not, the exception it raised — a :class:`ParseError` (with
    ``path``) or an :class:`OSError` (with ``filename``) — so that a bad file never stops the
    batch. :func:`to_frame` takes the list as it is.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    names = [os.fspath(p) for p in paths]
    results = _xxgk.parse_files(names, workers or 0)
    return [_attach(name, result) for name, result in zip(names, results)]


def _attach(path: str, result: str | ParseError | OSError) -> Report | ParseError | OSError:
    if isinstance(result, str):
        return Report(json.loads(result), source=path)
    if isinstance(result, ParseError):
        result.path = path
    else:
        result.filename = path
    return result

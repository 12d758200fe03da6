"""Python objects over the JSON the core serializes (SCHEMA.md): a view, never a second parser."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from . import _xxgk

if TYPE_CHECKING:
    import pandas as pd

# Runtime aliases, so in the spelling Python 3.9 evaluates.
Cell = Union[int, float, None]
#: A template row: its key, official label and fields as ``(key, label, kind)``.
RowSpec = tuple[str, str, list[tuple[str, str, str]]]

#: ``{table: {edition: [RowSpec, ...]}}``, from the core, in source order.
TEMPLATE: dict[str, dict[str, list[RowSpec]]] = json.loads(_xxgk.template())
TABLES = ("active_disclosure", "requests", "appeals")


class Row:
    """One row of a table: ``row.total``, ``row["total"]``; a blank cell is None."""

    __slots__ = ("key", "label", "_cells", "_labels")

    def __init__(self, spec: RowSpec, cells: dict[str, Cell]) -> None:
        self.key, self.label, fields = spec
        self._labels = {key: label for key, label, _ in fields}
        self._cells = cells

    def __getattr__(self, name: str) -> Cell:
        # Private names fall through, so that copy and pickle never recurse into the cells.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(*e.args) from None

    def __getitem__(self, field: str) -> Cell:
        if field not in self._labels:
            raise KeyError(f"row {self.key!r} has no field {field!r}; it has {self.keys()}")
        return self._cells.get(field)

    def keys(self) -> list[str]:
        """The field keys, in source order."""
        return list(self._labels)

    def items(self) -> Iterator[tuple[str, Cell]]:
        """``(field key, value)`` pairs, in source order."""
        return ((key, self._cells.get(key)) for key in self._labels)

    def labels(self) -> dict[str, str]:
        """The official Chinese label of each field."""
        return dict(self._labels)

    def to_dict(self) -> dict[str, Cell]:
        """The row as in the JSON."""
        return dict(self._cells)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Row) and (self.key, self._cells) == (other.key, other._cells)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking view: compare, don't hash

    def __repr__(self) -> str:
        cells = ", ".join(f"{k}={v!r}" for k, v in self.items())
        return f"Row({self.key}: {cells})"


class Table:
    """A table of the report: ``table.new_received`` is a :class:`Row`, or None when the source
    lacks the row (a truncated excerpt). Iterating gives the rows present, in source order."""

    __slots__ = ("name", "edition", "spec", "_rows")

    def __init__(self, name: str, edition: str, spec: list[RowSpec], data: dict[str, Any]):
        self.name, self.edition, self.spec = name, edition, spec
        self._rows = {s[0]: Row(s, data[s[0]]) if s[0] in data else None for s in spec}

    def __getattr__(self, name: str) -> Row | None:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(*e.args) from None

    def __getitem__(self, key: str) -> Row | None:
        if key not in self._rows:
            raise KeyError(f"{self.name} (edition {self.edition}) has no row {key!r}")
        return self._rows[key]

    def __iter__(self) -> Iterator[Row]:
        return (row for row in self._rows.values() if row is not None)

    def __len__(self) -> int:
        return sum(row is not None for row in self._rows.values())

    def keys(self) -> list[str]:
        """Every row key of the template, in source order, present or not."""
        return list(self._rows)

    def to_dict(self) -> dict[str, dict[str, Cell]]:
        """The table as in the JSON."""
        return {row.key: row.to_dict() for row in self}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and (self.name, self._rows) == (other.name, other._rows)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Table {self.name}, edition {self.edition}: {len(self)} of {len(self._rows)} rows>"


def _table(name: str, data: dict[str, Any] | None, edition: str | None) -> Table | None:
    if data is None:
        return None
    # The JSON of table 二 does not say its edition, and it may differ from the report's (the
    # core notes `editions_disagree`): take the first edition, the report's first, whose rows
    # and fields hold every key of the table.
    specs = TEMPLATE[name]
    for candidate in sorted(specs, key=lambda e: e != edition):
        fields = {key: {f[0] for f in row_fields} for key, _, row_fields in specs[candidate]}
        if all(key in fields and fields[key].issuperset(row) for key, row in data.items()):
            return Table(name, candidate, specs[candidate], data)
    raise ValueError(f"table {name} follows neither template: {data}")


class FailedCheck(NamedTuple):
    """A cross-check (勾稽关系) the values break: ``expected`` is the sum of the parts, ``found``
    the total the report states."""

    rule: str
    at: str
    expected: int
    found: int


class Diagnostic(NamedTuple):
    """Something the parser noticed, with where it is in the (decoded) input."""

    code: str
    message: str
    offset: int | None = None
    line: int | None = None
    column: int | None = None


class Layouts(NamedTuple):
    """The layout each table was read from (``html``, ``markdown``, ``tsv``…), None if absent."""

    active_disclosure: str | None
    requests: str | None
    appeals: str | None


class Report:
    """A parsed 政府信息公开工作年度报告.

    Attributes mirror SCHEMA.md: ``edition`` (``"2021"``, ``"2019"`` or None), ``year``,
    ``organ``, the tables ``active_disclosure``, ``requests`` and ``appeals`` (a :class:`Table`,
    or None when absent), ``failed_checks``, ``uncertain`` (paths such as
    ``requests.new_received.total``), ``layout``, ``diagnostics``, and ``source``: the file it
    was read from, or None.
    """

    __slots__ = (
        "edition", "year", "organ", "active_disclosure", "requests", "appeals",
        "failed_checks", "uncertain", "layout", "diagnostics", "source", "_data",
    )  # fmt: skip

    def __init__(self, data: dict[str, Any], source: str | None = None) -> None:
        """A report from its JSON object (``to_dict()``, or a saved ``xxgk parse`` output)."""
        self._data = data
        self.source = source
        self.edition: str | None = data["edition"]
        self.year: int | None = data["year"]
        self.organ: str | None = data["organ"]
        self.active_disclosure = _table(
            "active_disclosure", data["active_disclosure"], self.edition
        )
        self.requests = _table("requests", data["requests"], self.edition)
        self.appeals = _table("appeals", data["appeals"], self.edition)
        self.failed_checks = [FailedCheck(**c) for c in data.get("failed_checks", [])]
        self.uncertain: list[str] = list(data.get("uncertain", []))
        layout = data.get("layout") or {}
        self.layout = Layouts(*(layout.get(t) for t in Layouts._fields))
        self.diagnostics = [Diagnostic(**d) for d in data.get("diagnostics", [])]

    def to_dict(self) -> dict[str, Any]:
        """The report as the core serializes it: SCHEMA.md's fields, plus layout and diagnostics."""
        return copy.deepcopy(self._data)

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text (Chinese kept as is)."""
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    # The frame methods import ._frames when called: it imports this module, and pandas is
    # optional.

    def requests_frame(self, labels: str = "en") -> pd.DataFrame | None:
        """Table 三 as a pandas DataFrame: the template's rows (25 in edition 2021, 23 in 2019)
        by the 7 applicant columns, ``Int64`` with blanks and missing rows as ``<NA>``.
        ``labels="zh"`` names rows and columns by their official labels. None if absent."""
        from ._frames import table_frame

        return table_frame(self.requests, labels)

    def appeals_frame(self, labels: str = "en") -> pd.DataFrame | None:
        """Table 四 as a DataFrame: 3 groups by 5 fields (see :meth:`requests_frame`)."""
        from ._frames import table_frame

        return table_frame(self.appeals, labels)

    def active_disclosure_frame(self, labels: str = "en") -> pd.DataFrame | None:
        """Table 二 as a DataFrame: its rows by the union of their fields, in source order; a
        field a row does not have is ``<NA>``. Amounts are ``Float64``, counts ``Int64``."""
        from ._frames import table_frame

        return table_frame(self.active_disclosure, labels)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and (self._data, self.source) == (
            other._data,
            other.source,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        tables = [t for t in TABLES if getattr(self, t) is not None]
        return (
            f"<Report {self.organ or '?'} {self.year or '?'}, edition {self.edition}: "
            f"tables {', '.join(tables) or 'none'}; {len(self.failed_checks)} failed checks, "
            f"{len(self.uncertain)} uncertain cells>"
        )

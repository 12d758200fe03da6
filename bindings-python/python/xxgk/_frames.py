"""pandas DataFrames of reports. pandas is optional: it is imported only when a frame is asked for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ._report import TABLES, TEMPLATE, Report, Table

if TYPE_CHECKING:
    import pandas as pd

LONG_COLUMNS = [
    "report", "file", "organ", "year", "edition", "table", "row", "column", "value", "uncertain",
]  # fmt: skip


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'xxgk\'s DataFrames need pandas: pip install "xxgk[pandas]" (or pip install pandas)'
        ) from None
    return pandas


def _zh(labels: str) -> bool:
    if labels not in ("en", "zh"):
        raise ValueError(f'labels must be "en" (keys) or "zh" (official labels), not {labels!r}')
    return labels == "zh"


def _dtype(kind: str) -> str:
    # Amounts (万元) are written with decimals; every other cell is a count. Both dtypes are
    # nullable, so a blank cell is <NA>, never 0 or NaN.
    return "Float64" if kind == "decimal" else "Int64"


def table_frame(table: Table | None, labels: str = "en") -> pd.DataFrame | None:
    """``table`` as a wide DataFrame: every template row, by the union of the rows' fields."""
    zh = _zh(labels)
    if table is None:
        return None
    pandas = _pandas()
    columns: dict[str, tuple[str, str]] = {}  # key -> (label, kind), in source order
    for _, _, fields in table.spec:
        for key, label, kind in fields:
            columns.setdefault(key, (label, kind))
    rows = [table[key] for key, _, _ in table.spec]
    cells = [dict(row.items()) if row else {} for row in rows]
    data = {
        label if zh else key: pandas.array([row.get(key) for row in cells], dtype=_dtype(kind))
        for key, (label, kind) in columns.items()
    }
    index = pandas.Index([label if zh else key for key, label, _ in table.spec], name="row")
    frame: pd.DataFrame = pandas.DataFrame(data, index=index).rename_axis(columns="column")
    return frame


def to_frame(
    reports: Iterable[Any],
    tables: Sequence[str] = TABLES,
    labels: str = "en",
) -> pd.DataFrame:
    """One long ("tidy") DataFrame of many reports: a line per cell the sources contain.

    Columns: ``report`` (position in ``reports``), ``file`` (the report's source), ``organ``,
    ``year``, ``edition``, ``table``, ``row``, ``column``, ``value`` and ``uncertain`` (the cell
    is in the report's ``uncertain``). Items of ``reports`` that are not reports (the errors
    :func:`xxgk.parse_many` puts in place of bad files) are skipped; rows a source lacks have no
    lines, blank cells have ``<NA>`` values. ``value`` is ``Int64``, or ``Float64`` when
    ``tables`` includes ``active_disclosure``, whose amounts have decimals.
    """
    zh = _zh(labels)
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise ValueError(f"unknown tables {sorted(unknown)}; tables are {list(TABLES)}")
    pandas = _pandas()
    lines: list[tuple[Any, ...]] = []
    for position, report in enumerate(reports):
        if not isinstance(report, Report):
            continue
        uncertain = set(report.uncertain)
        head = (position, report.source, report.organ, report.year, report.edition)
        for name in tables:
            for row in getattr(report, name) or ():
                labels_of = row.labels()
                for key, value in row.items():
                    path = f"{name}.{row.key}.{key}"
                    cell = (row.label, labels_of[key]) if zh else (row.key, key)
                    lines.append((*head, name, *cell, value, path in uncertain))
    # The dtype of `value` follows the tables asked for, not the data, so that every batch of
    # the same tables gives the same dtypes.
    kinds = {kind for name in tables for kind in _kinds(name)}
    value = _dtype("decimal" if "decimal" in kinds else "int")
    frame: pd.DataFrame = pandas.DataFrame(lines, columns=LONG_COLUMNS).astype(
        {"report": "int64", "year": "Int64", "value": value, "uncertain": bool}
    )
    return frame


def _kinds(table: str) -> Iterable[str]:
    for spec in TEMPLATE[table].values():
        for _, _, fields in spec:
            yield from (kind for _, _, kind in fields)

"""parse_many over a folder with bad files in it, and to_frame of the batch."""

import shutil

import pytest
import xxgk
from conftest import SEEDS, gold


@pytest.fixture
def folder(tmp_path):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "002_zz_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (tmp_path / "003_zz_notes.txt").write_text("会议纪要，没有表格。", encoding="utf-8")
    return tmp_path


def test_a_bad_file_does_not_stop_the_batch(folder):
    paths = sorted(folder.iterdir()) + [folder / "missing.txt"]
    results = xxgk.parse_many(paths)
    assert len(results) == len(paths)
    for path, result in zip(paths, results):
        if path.stem.endswith("zz_image"):
            assert isinstance(result, xxgk.ParseError) and result.kind == "decode"
            assert result.path == str(path)
        elif path.stem.endswith("zz_notes"):
            assert isinstance(result, xxgk.ParseError) and result.kind == "no_tables"
        elif path.name == "missing.txt":
            assert isinstance(result, FileNotFoundError) and result.filename == str(path)
        else:
            assert isinstance(result, xxgk.Report) and result.source == str(path)
            assert result.requests.to_dict() == gold(path)["requests"]


def test_workers(folder):
    paths = sorted(folder.iterdir())
    assert xxgk.parse_many(paths, workers=1)[0] == xxgk.parse_many(paths, workers=3)[0]
    assert xxgk.parse_many([]) == []
    with pytest.raises(ValueError):
        xxgk.parse_many(paths, workers=0)


def test_to_frame(folder):
    pytest.importorskip("pandas")
    results = xxgk.parse_many(sorted(folder.iterdir()))
    reports = [r for r in results if isinstance(r, xxgk.Report)]
    frame = xxgk.to_frame(results)
    columns = "report file organ year edition table row column value uncertain".split()
    assert list(frame.columns) == columns
    cells = sum(
        len(row.keys())
        for r in reports
        for t in (r.active_disclosure, r.requests, r.appeals)
        for row in t
    )
    assert len(frame) == cells
    assert set(frame["report"]) == {i for i, r in enumerate(results) if isinstance(r, xxgk.Report)}
    assert str(frame["value"].dtype) == "Float64" and str(frame["year"].dtype) == "Int64"
    # `uncertain` may also name metadata fields (`year`); the frame flags the cells.
    cell_paths = [p for r in reports for p in r.uncertain if p.count(".") == 2]
    assert frame["uncertain"].sum() == len(cell_paths)

    first = reports[0]
    line = frame[
        (frame.file == first.source)
        & (frame.table == "requests")
        & (frame.row == "new_received")
        & (frame.column == "total")
    ]
    assert line["value"].tolist() == [first.requests.new_received.total]


def test_to_frame_of_some_tables_in_chinese(folder):
    pytest.importorskip("pandas")
    reports = xxgk.parse_many(sorted(folder.iterdir()))
    frame = xxgk.to_frame(reports, tables=["requests"], labels="zh")
    assert set(frame["table"]) == {"requests"} and str(frame["value"].dtype) == "Int64"
    assert "一、本年新收政府信息公开申请数量" in set(frame["row"]) and "自然人" in set(
        frame["column"]
    )
    blank = frame[
        (frame.organ == "南昌经济技术开发区")
        & (frame.row == "一、本年新收政府信息公开申请数量")
        & (frame.column == "商业企业")
    ]
    assert blank["value"].isna().all() and len(blank) == 1
    assert xxgk.to_frame([]).empty
    with pytest.raises(ValueError):
        xxgk.to_frame(reports, tables=["nope"])

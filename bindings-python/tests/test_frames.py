"""The per-report DataFrames: template rows and columns in source order, blanks as <NA>."""

import sys

import pytest
import xxgk
from conftest import SEEDS, gold

pd = pytest.importorskip("pandas")

COLUMNS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
]


def test_requests_frame(seed):
    r = xxgk.parse_file(seed)
    frame = r.requests_frame()
    assert frame.shape == ((25, 7) if r.edition == "2021" else (23, 7))
    assert list(frame.columns) == COLUMNS and list(frame.index) == r.requests.keys()
    assert all(str(t) == "Int64" for t in frame.dtypes)
    expected = gold(seed)["requests"]
    for row, cells in expected.items():
        for column, value in cells.items():
            got = frame.loc[row, column]
            assert (got is pd.NA) if value is None else got == value, (row, column)


def test_blank_is_na_not_zero():
    r = xxgk.parse_file(next(s for s in SEEDS if s.stem.startswith("001")))
    assert r.edition == "2019"
    frame = r.requests_frame()
    assert frame.shape == (23, 7)
    assert frame.loc["new_received", "commercial_enterprise"] is pd.NA
    assert frame.loc["new_received", "total"] == 10


def test_chinese_labels(seed):
    r = xxgk.parse_file(seed)
    frame = r.requests_frame(labels="zh")
    assert frame.index[0] == "一、本年新收政府信息公开申请数量"
    assert list(frame.columns) == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert list(r.appeals_frame(labels="zh").index) == [
        "行政复议",
        "行政诉讼 未经复议直接起诉",
        "行政诉讼 复议后起诉",
    ]
    with pytest.raises(ValueError):
        r.requests_frame(labels="fr")


def test_appeals_and_active_disclosure_frames(seed):
    r = xxgk.parse_file(seed)
    appeals = r.appeals_frame()
    assert appeals.shape == (3, 5)
    assert list(appeals.columns) == ["upheld", "corrected", "other", "pending", "total"]
    active = r.active_disclosure_frame()
    if r.edition == "2021":
        assert active.shape == (6, 5)
        assert list(active.columns) == ["issued", "repealed", "in_force", "decisions", "amount"]
        assert str(active["amount"].dtype) == "Float64" and active.loc["fees", "issued"] is pd.NA
    else:
        assert active.shape == (8, 8)
        assert (
            active.loc["licensing", "change"]
            == gold(seed)["active_disclosure"]["licensing"]["change"]
        )


def test_frames_without_pandas(monkeypatch):
    r = xxgk.parse_file(SEEDS[0])
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r'pip install "xxgk\[pandas\]"'):
        r.requests_frame()
    with pytest.raises(ImportError, match="xxgk"):
        xxgk.to_frame([r])

"""Every seed against its gold, through the Python API."""

import json

import xxgk
from conftest import gold

SCHEMA_FIELDS = ["edition", "year", "organ", "active_disclosure", "requests", "appeals"]


def test_seed_matches_gold(seed):
    expected = gold(seed)
    got = xxgk.parse_file(seed).to_dict()
    for field in SCHEMA_FIELDS:
        assert got[field] == expected[field], field


def test_to_dict_is_the_core_json(seed):
    report = xxgk.parse_file(seed)
    data = report.to_dict()
    assert list(data)[:6] == SCHEMA_FIELDS
    assert {"failed_checks", "uncertain", "layout", "diagnostics"} <= set(data)
    assert json.loads(report.to_json()) == data
    assert xxgk.Report(json.loads(report.to_json(indent=1))) == xxgk.parse(seed.read_text("utf-8"))


def test_text_bytes_and_gbk_agree(seed):
    text = seed.read_text(encoding="utf-8")
    from_text = xxgk.parse(text).to_dict()
    assert xxgk.parse(text.encode("utf-8")).to_dict() == from_text
    assert xxgk.parse(bytearray(text.encode("gb18030"))).to_dict() == from_text

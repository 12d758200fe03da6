"""The Report object: attribute access mirrors SCHEMA.md."""

import pickle

import pytest
import xxgk
from conftest import FIXTURES, gold

SEED_2019 = FIXTURES / "seeds" / "001_4c71ed4f08d5563c.txt"
SEED_2021 = FIXTURES / "seeds" / "000_034c575a3250bd2b.txt"


def test_attributes_mirror_the_schema():
    r = xxgk.parse_file(SEED_2019)
    g = gold(SEED_2019)
    assert (r.edition, r.year, r.organ) == ("2019", 2019, "南昌经济技术开发区")
    assert r.requests.new_received.total == g["requests"]["new_received"]["total"]
    assert r.requests.new_received.commercial_enterprise is None  # blank, not 0
    assert r.requests["other"]["total"] == g["requests"]["other"]["total"]
    assert r.appeals.review.upheld == g["appeals"]["review"]["upheld"]
    assert r.active_disclosure.procurement.amount == 3010869.24
    assert r.active_disclosure.licensing.change == -8
    assert r.source == str(SEED_2019)
    assert r.layout.requests in {
        "html",
        "markdown",
        "tsv",
        "csv",
        "cell_per_line",
        "tab_cells",
        "aligned",
        "reading_order",
        "column_major",
        "glued",
    }


def test_rows_and_fields_in_source_order():
    r = xxgk.parse_file(SEED_2021)
    assert r.requests.keys()[:2] == ["new_received", "carried_over"]
    assert len(r.requests) == 25 and "other" not in r.requests.keys()  # noqa: SIM118 (a Table is no mapping)
    row = r.requests.new_received
    assert row.keys() == [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_org",
        "legal_service_org",
        "other_org",
        "total",
    ]
    assert row.labels()["natural_person"] == "自然人"
    assert row.label == "一、本年新收政府信息公开申请数量"
    assert [r.key for r in r.appeals] == ["review", "litigation_direct", "litigation_after_review"]
    assert r.active_disclosure.fees.amount == gold(SEED_2021)["active_disclosure"]["fees"]["amount"]


def test_failed_checks_and_uncertain():
    r = xxgk.parse_file(SEED_2021)
    check = next(c for c in r.failed_checks if c.rule == "row_sum")
    assert (check.at, check.expected, check.found) == ("new_received", 2, 1)
    assert all(isinstance(c, xxgk.FailedCheck) for c in r.failed_checks)
    assert r.uncertain and all(isinstance(p, str) for p in r.uncertain)
    assert all(isinstance(d, xxgk.Diagnostic) and d.code for d in r.diagnostics)
    assert "赣州经济技术开发区党政办公室" in repr(r) and "2 failed checks" in repr(r)


def test_absent_rows_and_tables_are_none():
    data = gold(SEED_2021)
    del data["requests"]["withheld_query"]
    data["appeals"] = None
    r = xxgk.Report(data)
    assert r.requests.withheld_query is None
    assert len(r.requests) == 24 and "withheld_query" not in r.requests.to_dict()
    assert r.appeals is None and r.appeals_frame() is None
    assert r.failed_checks == [] and r.uncertain == [] and r.layout.requests is None
    with pytest.raises(AttributeError, match="no row 'no_such_row'"):
        _ = r.requests.no_such_row
    with pytest.raises(AttributeError, match="no field 'no_such_field'"):
        _ = r.requests.new_received.no_such_field


def test_table_two_of_the_other_edition():
    # A 2021 report whose table 二 follows the 2019 template (the core notes editions_disagree).
    data = gold(SEED_2021)
    data["active_disclosure"] = gold(SEED_2019)["active_disclosure"]
    r = xxgk.Report(data)
    assert r.active_disclosure.edition == "2019" and r.requests.edition == "2021"
    assert r.active_disclosure.procurement.projects == 149


def test_report_pickles():
    r = xxgk.parse_file(SEED_2021)
    assert pickle.loads(pickle.dumps(r)) == r

"""Errors: ParseError (a ValueError) with its position, never a Rust panic."""

import pytest
import xxgk


def test_binary_bytes():
    with pytest.raises(xxgk.ParseError) as info:
        xxgk.parse(b"%PDF-1.7\n\xff\xfe\x00\x01\x02\x80\x81" * 10)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.kind == "decode" and isinstance(err.offset, int) and err.line is None
    assert "not readable text" in str(err) and err.path is None


def test_message_and_position_are_the_cores_as_in_javascript():
    # bindings-wasm/tests/api.test.mjs expects the same message for the same bytes.
    with pytest.raises(xxgk.ParseError) as info:
        xxgk.parse("规章\n".encode() + b"\x00\x01")
    assert str(info.value) == (
        "the input is not readable text: a NUL byte at byte 7 (line 2),"
        " as in binary files and UTF-16 without a byte-order mark"
    )
    assert (info.value.kind, info.value.offset, info.value.line) == ("decode", 7, 2)


def test_text_without_tables():
    with pytest.raises(xxgk.ParseError, match="no report tables") as info:
        xxgk.parse("这是一段普通的文字，没有任何表格。\n" * 3)
    assert info.value.kind == "no_tables" and info.value.offset is None


def test_title_without_tables_gives_its_line():
    text = (
        "政府网站\n\n某某县2022年政府信息公开工作年度报告\n\n一、总体情况\n今年我们做了很多工作。\n"
    )
    with pytest.raises(xxgk.ParseError) as info:
        xxgk.parse(text)
    assert info.value.kind == "no_tables" and info.value.line == 3


def test_too_large():
    with pytest.raises(xxgk.ParseError) as info:
        xxgk.parse(b" " * ((64 << 20) + 1))
    assert info.value.kind == "too_large"


def test_empty_and_wrong_types():
    with pytest.raises(xxgk.ParseError):
        xxgk.parse("")
    with pytest.raises(TypeError):
        xxgk.parse(42)


def test_files(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"\x00\x9f\x92\x96" * 4)
    with pytest.raises(xxgk.ParseError) as info:
        xxgk.parse_file(bad)
    assert info.value.path == str(bad) and info.value.offset == 0
    with pytest.raises(FileNotFoundError) as missing:
        xxgk.parse_file(tmp_path / "missing.txt")
    assert missing.value.filename == str(tmp_path / "missing.txt")


def test_parse_error_raised_from_python_has_the_attributes():
    err = xxgk.ParseError("made by hand")
    assert (err.kind, err.offset, err.line, err.path) == (None, None, None, None)

"""Fixtures shared by the tests: the seeds and their gold, found relative to this file so that
a clone is self-contained."""

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
assert SEEDS, f"no seeds under {FIXTURES}"


def gold(seed: Path) -> dict:
    return json.loads((FIXTURES / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=SEEDS, ids=lambda p: p.stem)
def seed(request) -> Path:
    return request.param

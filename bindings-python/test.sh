#!/usr/bin/env bash
# The Python package's tests on a bare machine: builds xxgk from source into a fresh virtual
# environment (pip runs maturin, which compiles the Rust core with PyO3), with pandas and
# pytest, then runs pytest. Needs only python3 (with venv and pip) and a Rust toolchain.
# Usage: bindings-python/test.sh [pytest arguments]     (scripts/test.sh calls it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"   # git-ignored; kept between runs so that reruns skip the downloads
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off

python3 -m venv "$venv"
pip=("$venv/bin/python" -m pip --quiet)
"${pip[@]}" install --upgrade pip
# maturin is the build backend (pyproject.toml): pip fetches it for the build on its own.
# pip rebuilds a local directory on every install, so a rerun tests the tree as it is now.
"${pip[@]}" install "$here[pandas,test]"

cd "$here"
exec "$venv/bin/python" -m pytest "$@"

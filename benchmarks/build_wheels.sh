#!/usr/bin/env bash
# Wheels of argmine and every dependency of argmine[dask] for another machine's Python,
# into .whl/ (or $WHEELS), so `scaling.sh` can install there with no network:
#
#     benchmarks/build_wheels.sh               # CPython 3.12, manylinux x86_64
#     PY=3.11 benchmarks/build_wheels.sh
#
# argmine itself is built from this checkout (the model travels inside its wheel);
# the rest is downloaded as binary wheels for the target Python and platform.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-3.12}"
WHEELS="${WHEELS:-.whl}"
mkdir -p "$WHEELS"
rm -f "$WHEELS"/argmine-*.whl
python3 -m pip wheel --no-deps --no-build-isolation -q -w "$WHEELS" . 2>/dev/null \
    || python3 -m pip wheel --no-deps -q -w "$WHEELS" .
ARGMINE_WHEEL="$(ls "$WHEELS"/argmine-*.whl | head -n 1)"
python3 -m pip download -q --only-binary=:all: --python-version "$PY" --implementation cp \
    --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64 \
    --platform manylinux_2_5_x86_64 --platform manylinux1_x86_64 --platform linux_x86_64 \
    -d "$WHEELS" "${ARGMINE_WHEEL}[dask]"
echo "$(ls "$WHEELS" | wc -l) wheels in $WHEELS ($(du -sh "$WHEELS" | cut -f1)) for CPython $PY" >&2

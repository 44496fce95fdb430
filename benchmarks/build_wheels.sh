#!/usr/bin/env bash
# Wheels of argmine and every dependency of argmine[dask] for another machine's Python,
# into .whl/ (or $WHEELS), so `scaling.sh` can install there with no network:
#
#     benchmarks/build_wheels.sh               # CPython 3.12, manylinux x86_64
#     PY=3.11 benchmarks/build_wheels.sh
#
# argmine itself is built from this checkout (the model travels inside its wheel);
# the rest is downloaded as binary wheels for the target Python and platform. The
# wheels (~112 MB) are then split into $WHEELS/part1, part2, ... of at most 50 MiB each,
# so each part fits one device call's carry (64 MiB); a warm machine keeps the parts
# carried by earlier calls, and scaling.sh installs from every part.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-3.12}"
WHEELS="${WHEELS:-.whl}"
rm -rf "$WHEELS"  # a fresh set: no duplicates between earlier parts and this download
mkdir -p "$WHEELS"
python3 -m pip wheel --no-deps --no-build-isolation -q -w "$WHEELS" . 2>/dev/null \
    || python3 -m pip wheel --no-deps -q -w "$WHEELS" .
ARGMINE_WHEEL="$(ls "$WHEELS"/argmine-*.whl | head -n 1)"  # just built, at the top level
python3 -m pip download -q --only-binary=:all: --python-version "$PY" --implementation cp \
    --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64 \
    --platform manylinux_2_5_x86_64 --platform manylinux1_x86_64 --platform linux_x86_64 \
    -d "$WHEELS" "${ARGMINE_WHEEL}[dask]"
python3 - "$WHEELS" <<'PYEOF'
import sys
from pathlib import Path
folder, limit = Path(sys.argv[1]), 50 * 1024 * 1024
wheels = sorted((p for p in folder.rglob("*.whl")), key=lambda p: -p.stat().st_size)
parts: list[int] = []  # bytes in each part
for wheel in wheels:  # largest first, into the first part with room
    size = wheel.stat().st_size
    index = next((i for i, used in enumerate(parts) if used + size <= limit), None)
    if index is None:
        parts.append(0)
        index = len(parts) - 1
    parts[index] += size
    target = folder / f"part{index + 1}"
    target.mkdir(exist_ok=True)
    if wheel.parent != target:
        wheel.rename(target / wheel.name)
for i, used in enumerate(parts, 1):
    print(f"{folder}/part{i}: {used / 1e6:.0f} MB", file=sys.stderr)
PYEOF
echo "$(find "$WHEELS" -name '*.whl' | wc -l) wheels in $WHEELS ($(du -sh "$WHEELS" | cut -f1)) for CPython $PY" >&2

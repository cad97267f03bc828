#!/bin/sh
# Generates the shared benchmark workload (200,000 posts, see ../shared/bench/README.md) into
# Benchmarks/.workload/ (git-ignored), and converts its reference rule set into a conduct rules
# folder, Benchmarks/.workload/reference-rules/ (see scripts/convert-reference-rules.py).
# Needs python3 and, for its word list, better_profanity.
# Usage: Benchmarks/scripts/make-workload.sh [path to the shared bench folder]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bench=${1:-$(cd "$here/../.." && pwd)/shared/bench}
[ -f "$bench/gen_workload.py" ] || bench=$(cd "$here/.." && pwd)/../shared/bench
if [ ! -f "$bench/gen_workload.py" ]; then
    echo "error: gen_workload.py not found in $bench; pass the shared bench folder as the first argument" >&2
    exit 1
fi
python3 -c "import better_profanity" 2>/dev/null || python3 -m pip install --quiet better_profanity==0.7.0
python3 "$bench/gen_workload.py" --out "$here/.workload"
python3 "$here/scripts/convert-reference-rules.py" "$here/.workload" "$here/.workload/reference-rules" | head -1
echo "workload written to $here/.workload"

#!/bin/sh
# Runs the built CLI end to end on the workload (JSONL in, JSONL out, the whole process:
# start-up, rule loading and compiling, reading, classifying, writing) and prints posts per
# second for --jobs 1 and --jobs 2, best of N runs each, with user CPU time, peak memory and
# the load average. Checks that every run writes one line per post and that --jobs 2 writes
# exactly what --jobs 1 writes.
#
#   Benchmarks/scripts/cli-throughput.sh [RUNS] [INPUT]
#
# RUNS defaults to 5, INPUT to Benchmarks/.workload/posts.jsonl (make it with
# scripts/make-workload.sh). Builds the CLI in release mode first (swift build -c release in
# the repository). The machine is shared: compare best-of-N figures taken at similar load.
# Runs read the compiled bundled rules from the CLI's cache, as a user's runs do after the
# first (an untimed run fills it first); CLASSIFY_FLAGS=--no-cache times loading and compiling
# at every start instead.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/.." && pwd)
runs=${1:-5}
input=${2:-$here/.workload/posts.jsonl}
[ -f "$input" ] || { echo "cli-throughput: no input $input; run scripts/make-workload.sh" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "cli-throughput: needs /usr/bin/time" >&2; exit 2; }

(cd "$repo" && swift build -c release --product conduct >/dev/null)
conduct="$repo/.build/release/conduct"
flags=${CLASSIFY_FLAGS:-}
"$conduct" classify $flags /dev/null > /dev/null
posts=$(wc -l < "$input" | tr -d ' ')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "input: $input ($posts posts, $(wc -c < "$input" | tr -d ' ') bytes); $runs runs each${flags:+; flags: $flags}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for jobs in 1 2; do
    best=""
    for run in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$conduct" classify $flags --jobs "$jobs" "$input" > "$out/jobs$jobs.jsonl"
        lines=$(wc -l < "$out/jobs$jobs.jsonl" | tr -d ' ')
        [ "$lines" = "$posts" ] || { echo "cli-throughput: --jobs $jobs wrote $lines lines for $posts posts" >&2; exit 1; }
        read -r wall user sys rss < "$out/time"
        if [ -z "$best" ] || [ "$(echo "$wall < $bestwall" | bc)" = 1 ]; then
            best="$wall $user $sys $rss"
            bestwall=$wall
        fi
    done
    set -- $best
    rate=$(echo "$posts / $1" | bc)
    echo "--jobs $jobs: best of $runs: $1 s wall ($2 s user, $3 s sys), $rate posts/s, peak memory $(($4 / 1024)) MB"
    eval "rate$jobs=$rate"
done
cmp -s "$out/jobs1.jsonl" "$out/jobs2.jsonl" || { echo "cli-throughput: --jobs 2 output differs from --jobs 1" >&2; exit 1; }
echo "--jobs 2 / --jobs 1: $(echo "scale=2; $rate2 / $rate1" | bc)x; outputs identical; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

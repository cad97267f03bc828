#!/usr/bin/env bash
# Builds and runs the libFuzzer targets under Fuzz/ (Linux, Swift 6 toolchain, libicu-dev).
#
#   scripts/fuzz.sh <normalize|rules|classify|jsonline> <seconds>   fuzz one target
#   scripts/fuzz.sh ci [seconds]             every target for [seconds] each (default 30), seed 1
#   scripts/fuzz.sh build [target...]        build only (default: every target)
#   scripts/fuzz.sh replay <target> <file>...   run inputs once, e.g. to reproduce a crash
#   scripts/fuzz.sh timing [options]         build Fuzz/Timing (release, no sanitizers) and run it
#
# How it builds: SwiftPM compiles the library modules with -sanitize=fuzzer,address into
# .build-fuzz/ (SwiftPM cannot link a libFuzzer binary itself: an executable target's entry
# point clashes with libFuzzer's main); then swiftc compiles Fuzz/<Target>/main.swift,
# Fuzz/Shared/ and the target's Fuzz/Properties/ files against those modules and links their
# object files.
#
# Corpus: the committed seeds in Fuzz/corpus/<target>/ are read, never written; new inputs go
# to .build-fuzz/corpus/<target>/. Every input that crashes, times out (-timeout, seconds per
# input) or exceeds -rss_limit_mb is copied to Tests/<suite>/FuzzCrashers/<target>/, where
# `swift test` replays it: commit it together with the fix.
#
# Seeds: an exploratory run (`fuzz.sh <target> <seconds>`) takes a random seed and grows the
# kept corpus, so each run tries new inputs. A ci run is reproducible: every target runs with
# -seed=$FUZZ_SEED (default 1) from the committed seeds alone (new inputs go to a scratch
# folder emptied first), with address randomization off (setarch -R) and Swift's hashing
# deterministic, so it generates the same inputs in the same order on every run; the time
# budget only decides how far along that sequence it gets. A failure in CI replays with
# `fuzz.sh replay`, or reappears with `fuzz.sh ci` on the same commit.
#
# Leak detection is off: LeakSanitizer cannot see the pointers Swift keeps with tag bits in
# multi-payload enums (indirect enum boxes), so it reports reachable memory as leaked. Memory
# that grows per input still fails the run through -rss_limit_mb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=.build-fuzz
RSS_LIMIT_MB=${FUZZ_RSS_LIMIT_MB:-2048}
TIMEOUT=${FUZZ_TIMEOUT:-10}
# FUZZ_KEEP_GOING=1: record every failing input and go on fuzzing (libFuzzer's fork mode)
# instead of stopping at the first; for long exploratory runs, not for CI.
KEEP_GOING=${FUZZ_KEEP_GOING:-0}
# The libFuzzer seed of ci runs (exploratory runs take a random one).
CI_SEED=${FUZZ_SEED:-1}
# The Swift runtime's crash backtracer fights AddressSanitizer over the dying process.
export SWIFT_BACKTRACE=enable=no
# See -detect_leaks below; this also covers the check at exit of fork-mode children.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
TARGETS=(normalize rules classify jsonline)

# target -> source folder, property files, module set, crasher folder, max input length, dictionary
source_dir() { case $1 in normalize) echo Normalize ;; rules) echo RuleLoading ;; classify) echo Classify ;; jsonline) echo JSONLine ;; esac; }
properties() {
    case $1 in
        normalize) echo Fuzz/Properties/NormalizationProperties.swift ;;
        rules) echo Fuzz/Properties/RuleLoadingProperties.swift Fuzz/Properties/ClassifyProperties.swift ;;
        classify) echo Fuzz/Properties/ClassifyProperties.swift ;;
        jsonline) echo Fuzz/Properties/JSONLineProperties.swift ;;
    esac
}
modules() { case $1 in jsonline) echo ConductIO ;; *) echo ConductKit ConductRules ConductMatching ConductNormalization CConductICU Yams CYaml ;; esac; }
crasher_dir() { case $1 in jsonline) echo Tests/ConductIOTests/FuzzCrashers/jsonline ;; *) echo "Tests/ConductKitTests/FuzzCrashers/$1" ;; esac; }
max_len() { case $1 in rules) echo 8192 ;; *) echo 4096 ;; esac; }
dictionary() { case $1 in rules) echo Fuzz/dict/rules.dict ;; jsonline) echo Fuzz/dict/json.dict ;; *) echo Fuzz/dict/posts.dict ;; esac; }

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

is_target() { local t; for t in "${TARGETS[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }

# SwiftPM build of the library modules (incremental), with or without sanitizers.
build_modules() {  # <build path> <swift build flags...>
    local path=$1; shift
    swift build -c release --build-path "$path" "$@" --target ConductKit >&2
    swift build -c release --build-path "$path" "$@" --target ConductIO >&2
}

# Compiles and links one program against the modules in <bin>, unless it is up to date.
link_program() {  # <bin> <output> <modules> <swiftc flags> -- <sources...>
    local bin=$1 output=$2 mods=$3 flags=$4; shift 5
    local objects=() module
    for module in $mods; do
        while IFS= read -r object; do objects+=("$object"); done < <(find "$bin/$module.build" -name '*.o' | sort)
    done
    if [[ -x $output ]] && [[ -z $(find "$@" "${objects[@]}" -newer "$output" -print -quit) ]]; then
        return
    fi
    mkdir -p "$(dirname "$output")"
    # shellcheck disable=SC2086
    swiftc -O -g -parse-as-library -swift-version 6 $flags \
        -I "$bin/Modules" \
        -Xcc -fmodule-map-file="$bin/CConductICU.build/module.modulemap" \
        -Xcc -I -Xcc "$(dirname "$bin")/../checkouts/Yams/Sources/CYaml/include" \
        "$@" "${objects[@]}" -licuuc -licui18n -licudata -o "$output"
}

build_fuzzer() {  # <target>
    local target=$1 bin
    bin=$(swift build -c release --build-path "$BUILD" --show-bin-path)
    # shellcheck disable=SC2046
    link_program "$bin" "$BUILD/fuzzers/$target" "$(modules "$target")" "-sanitize=fuzzer,address -use-ld=lld" -- \
        "$ROOT/Fuzz/$(source_dir "$target")/main.swift" "$ROOT"/Fuzz/Shared/*.swift $(properties "$target" | sed "s|Fuzz/|$ROOT/Fuzz/|g")
}

build_all() {  # <targets...>
    local started=$SECONDS target
    # One comma-joined flag: swiftc keeps only the last of several -sanitize= flags, so
    # SwiftPM's "--sanitize fuzzer --sanitize address" compiles Swift code without coverage.
    build_modules "$BUILD" -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
    for target in "$@"; do build_fuzzer "$target"; done
    echo "fuzz build: $((SECONDS - started)) s" >&2
}

# Runs one fuzzer for <seconds>; on a failure copies the offending inputs for replay. With a
# seed, the run is reproducible: that libFuzzer seed, and the committed seeds as the only
# corpus (its new inputs go to a scratch folder emptied first).
run_fuzzer() {  # <target> <seconds> [seed]
    local target=$1 seconds=$2 seed=${3:-}
    local corpus="$BUILD/corpus/$target" artifacts="$BUILD/artifacts/$target/" crashers
    crashers=$(crasher_dir "$target")
    local log="$BUILD/logs/$target.log" status=0 mode=()
    [[ $KEEP_GOING == 1 ]] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    local launch=()
    if [[ -n $seed ]]; then
        corpus="$BUILD/corpus-ci/$target"
        rm -rf "$corpus"
        mode+=(-seed="$seed")
        # The seed alone is not enough: libFuzzer learns the operands of comparisons, pointers
        # among them, so with address randomization two runs drift apart after a few hundred
        # inputs; Swift's hashing is randomized per process too.
        launch=(env SWIFT_DETERMINISTIC_HASHING=1)
        if setarch "$(uname -m)" -R true 2>/dev/null; then
            launch+=(setarch "$(uname -m)" -R)
        else
            echo "fuzz $target: setarch -R cannot turn off address randomization here; the run is seeded but may differ between runs" >&2
        fi
    fi
    mkdir -p "$corpus" "$artifacts" "$crashers"
    mkdir -p "$(dirname "$log")"
    echo "fuzz $target: ${seconds} s, seeds Fuzz/corpus/$target${seed:+, seed $seed}, log $log" >&2
    local marker="$BUILD/logs/$target.started"
    touch "$marker"
    "${launch[@]}" "$BUILD/fuzzers/$target" "$corpus" "Fuzz/corpus/$target" \
        -max_total_time="$seconds" -rss_limit_mb="$RSS_LIMIT_MB" -timeout="$TIMEOUT" \
        -max_len="$(max_len "$target")" -dict="$(dictionary "$target")" \
        -artifact_prefix="$artifacts" -print_final_stats=1 -detect_leaks=0 "${mode[@]}" >"$log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | sort -u | sed "s/^/  $target: /" >&2 || true
    local found=0 file
    if [[ $status -ne 0 || $KEEP_GOING == 1 ]]; then
        while IFS= read -r file; do
            cp "$file" "$crashers/"
            echo "fuzz $target: FAILED; input saved as $crashers/$(basename "$file")" >&2
            found=1
        done < <(find "$artifacts" -type f -newer "$marker" \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \))
        if [[ $found -eq 0 && $status -ne 0 ]]; then echo "fuzz $target: FAILED (exit $status) without an input; see $log" >&2; fi
        grep -E -A12 'properties? do(es)? not hold|ERROR: (libFuzzer|AddressSanitizer)|Fatal error' "$log" | head -40 >&2 || true
        if [[ $found -eq 1 || $status -ne 0 ]]; then return 1; fi
    fi
}

command=${1:-}
case $command in
    ci)
        seconds=${2:-30}
        started=$SECONDS
        build_all "${TARGETS[@]}"
        failed=()
        for target in "${TARGETS[@]}"; do run_fuzzer "$target" "$seconds" "$CI_SEED" || failed+=("$target"); done
        echo "fuzz ci: $((SECONDS - started)) s in all" >&2
        if [[ ${#failed[@]} -gt 0 ]]; then echo "fuzz ci: failed: ${failed[*]}" >&2; exit 1; fi
        ;;
    build)
        shift
        if [[ $# -eq 0 ]]; then set -- "${TARGETS[@]}"; fi
        for target in "$@"; do is_target "$target" || usage; done
        build_all "$@"
        ;;
    replay)
        [[ $# -ge 3 ]] && is_target "$2" || usage
        target=$2; shift 2
        build_all "$target"
        "$BUILD/fuzzers/$target" -rss_limit_mb="$RSS_LIMIT_MB" -timeout="$TIMEOUT" -detect_leaks=0 "$@"
        ;;
    timing)
        shift
        build_modules .build
        bin=$(swift build -c release --show-bin-path)
        link_program "$bin" .build-timing/hostile-timing "$(modules classify) ConductIO" "" -- \
            Fuzz/Timing/*.swift
        .build-timing/hostile-timing --repository "$ROOT" "$@"
        ;;
    *)
        is_target "$command" && [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
        build_all "$command"
        run_fuzzer "$command" "$2"
        ;;
esac

#!/bin/sh
# Regenerates Sources/ConductNormalization/ConfusableTable.swift from the system ICU's UTS #39
# confusables data (needs a C compiler and libicu-dev). Usage: scripts/generate-confusables.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/generate-confusables" "$root/scripts/generate-confusables.c" -licui18n -licuuc -licudata
"$work/generate-confusables" > "$work/ConfusableTable.swift"
mv "$work/ConfusableTable.swift" "$root/Sources/ConductNormalization/ConfusableTable.swift"
echo "wrote Sources/ConductNormalization/ConfusableTable.swift"

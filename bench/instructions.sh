#!/usr/bin/env bash
# Copyright (c) 2026 The graphschema developers
#
# Distributed under the Boost Software License, Version 1.0.
#
# Instructions per document, counted by callgrind, for graphschema and the
# do-nothing parser on the same documents: a measure that does not move
# with the machine's load (docs/benchmarks.md, "Instructions").
#
#   bash bench/instructions.sh [BUILD_DIR]
#
# BUILD_DIR holds bench/graphschema-instructions, built optimised (default:
# build/bench-run, which bench/run.sh makes). Prints one line per case and
# writes BUILD_DIR/instructions.json for bench/report.py.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
build=${1:-$root/build/bench-run}
tool="$build/bench/graphschema-instructions"
if [ ! -x "$tool" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
        -DCMAKE_CXX_STANDARD=17 -DGRAPHSCHEMA_BUILD_BENCHMARKS=ON \
        -DGRAPHSCHEMA_BUILD_TESTS=OFF -DGRAPHSCHEMA_BUILD_DOCS=OFF >/dev/null
    cmake --build "$build" --target graphschema-instructions
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Instructions of one counted pass, and the documents it went over.
count() {
    local out="$scratch/callgrind.out"
    rm -f "$out"
    local line
    line=$(valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out" \
        "$tool" "$1" "$2" 2>/dev/null) || { echo "instructions: $1 on $2 failed" >&2; exit 1; }
    local docs total
    docs=$(sed -nE 's/.* documents=([0-9]+).*/\1/p' <<<"$line")
    total=$(sed -nE 's/^(summary|totals): ([0-9]+).*/\2/p' "$out" | head -1)
    echo "$total $docs"
}

cases=(
    "floor.basic_parser_null small"
    "floor.basic_parser_lookup small"
    "graphschema.validate small"
    "graphschema.is_valid small"
    "graphschema.decode small"
    "floor.basic_parser_null current"
    "graphschema.validate current"
    "graphschema.is_valid current"
    "graphschema.decode current"
    "floor.basic_parser_null large"
    "graphschema.validate large"
    "graphschema.is_valid large"
    "graphschema.decode large"
    "floor.basic_parser_null invalid"
    "graphschema.validate invalid"
    "graphschema.is_valid invalid"
    "graphschema.decode invalid"
)
declare -A per_doc
json="["
printf '%-28s %-8s %14s %10s %8s\n' case set instructions per-doc vs-null
for c in "${cases[@]}"; do
    read -r name set <<<"$c"
    read -r total docs < <(count "$name" "$set")
    per=$(( total / docs ))
    per_doc["$name/$set"]=$per
    null=${per_doc["floor.basic_parser_null/$set"]:-$per}
    ratio=$(python3 -c "print(f'{$per / $null:.2f}')")
    printf '%-28s %-8s %14s %10s %8s\n' "$name" "$set" "$total" "$per" "$ratio"
    json+="{\"case\":\"$name\",\"set\":\"$set\",\"instructions\":$total,\"documents\":$docs,\"per_document\":$per,\"vs_null\":$ratio},"
done
echo "${json%,}]" >"$build/instructions.json"

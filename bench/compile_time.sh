#!/usr/bin/env bash
# Copyright (c) 2026 The graphschema developers
#
# Distributed under the Boost Software License, Version 1.0.
#
# What a user pays to compile a translation unit that decodes one model,
# against one that does Boost.JSON's parse + value_to of a similar
# described struct (docs/benchmarks.md, "Compile time").
#
#   bash bench/compile_time.sh [COMPILER]
#
# COMPILER defaults to g++. Each translation unit of bench/compile_time/ is
# compiled with -std=c++17 -O2 -c three times; the best user CPU time
# (from /usr/bin/time) is kept, since a shared machine only ever adds.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
cxx=${1:-g++}
src="$bench/compile_time"

best() {
    local b="" t
    for _ in 1 2 3; do
        t=$( { /usr/bin/time -f '%U' "$cxx" -std=c++17 -O2 -I"$root/include" "$@" -o /dev/null; } 2>&1 >/dev/null | tail -1)
        if [ -z "$b" ] || python3 -c "import sys; sys.exit(0 if $t < $b else 1)"; then b=$t; fi
    done
    echo "$b"
}

peer=$(best -c "$src/peer_value_to.cpp")
floor=$(best -c "$src/floor_basic_parser.cpp")
header_only=$(best -c "$src/graphschema_decode.cpp")
separate=$(best -DGRAPHSCHEMA_SEPARATE_COMPILATION -c "$src/graphschema_decode.cpp")
engine=$(best -DGRAPHSCHEMA_SEPARATE_COMPILATION -c "$root/src/graphschema.cpp")

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo "$($cxx --version | head -1), -std=c++17 -O2, best of 3, user CPU seconds"
printf '%-52s %8s %8s\n' "translation unit" seconds "vs peer"
printf '%-52s %8s %8s\n' "peer: boost::json::parse + value_to" "$peer" 1.00
printf '%-52s %8s %8s\n' "floor: basic_parser with a do-nothing handler" "$floor" "$(ratio "$floor" "$peer")"
printf '%-52s %8s %8s\n' "graphschema decode, header-only" "$header_only" "$(ratio "$header_only" "$peer")"
printf '%-52s %8s %8s\n' "graphschema decode, separate compilation" "$separate" "$(ratio "$separate" "$peer")"
printf '%-52s %8s %8s\n' "the engine, once (src/graphschema.cpp)" "$engine" "$(ratio "$engine" "$peer")"

#!/usr/bin/env bash
# The fuzzing kit's figures (issue 15; docs/fuzzing.md gives the last run's):
#
#   fuzz/measure_kit.sh [SECONDS [PARTS...]]
#
# PARTS (default: figures seeded empty):
#
#   figures  fuzz/kit_figures.cpp: 10,000 chained mutations from a create body
#      (example/payloads/create.json, and the body of the seed page,
#      which has no id), the share still JSON and still valid; documents
#      generated per second;
#   seeded   example/fuzz_server run for SECONDS (300) with libFuzzer's own
#            mutator (fuzz_server_bytes), then for as long with the kit's
#            (fuzz_server), one process each, the same -seed and the same
#            seed corpus (the two bodies above); each run's corpus replayed
#            by fuzz_server_coverage, and llvm-cov's count of what it covers
#            in example/server/connections_service.hpp and in the library's
#            headers; the share of the inputs run that the service created
#            (got past validation), from the target's own counters;
#   empty    the same from an empty corpus.
#
# Builds into build/fuzz (clang, as .ci/hostile), writes into
# build/fuzz/kit-figures/. Not part of CI: it takes 4 x SECONDS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-300}
shift || true
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(figures seeded empty)
shared=${GRAPHSCHEMA_SHARED_DIR:-$root/../shared}
build=$root/build/fuzz
out=$build/kit-figures
llvm_cov=$(command -v llvm-cov-14 || command -v llvm-cov)
llvm_profdata=$(command -v llvm-profdata-14 || command -v llvm-profdata)

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DGRAPHSCHEMA_BUILD_FUZZERS=ON \
    -DGRAPHSCHEMA_BUILD_TESTS=OFF -DGRAPHSCHEMA_BUILD_DOCS=OFF \
    -DGRAPHSCHEMA_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target fuzz_kit_figures fuzz_server fuzz_server_bytes fuzz_server_coverage

mkdir -p "$out"
rm -rf "$out/seeds"
mkdir -p "$out/seeds"
cp "$root/example/payloads/create.json" "$out/seeds/create.json"
# The request body of the seed page's example (it has no id: invalid).
python3 - "$shared/seed/create-connections.md" "$out/seeds/seed-page.json" <<'EOF'
import pathlib, re, sys
text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
block = re.search(r"Content-length: [0-9]+\n\n(.*?)```", text, re.S)
pathlib.Path(sys.argv[2]).write_text(block.group(1), encoding="utf-8")
EOF

server=$build/example/fuzz_server
headers=$(find "$root/include/graphschema" -name '*.hpp' | sort)
for part in "${parts[@]}"; do
    if [ "$part" = figures ]; then
        echo "--- chained mutations and generation speed"
        "$build/fuzz/fuzz_kit_figures" "$out/seeds/create.json" "$out/seeds/seed-page.json" |
            tee "$out/kit_figures.txt"
        continue
    fi
    for variant in bytes kit; do
        binary=$server/fuzz_server
        [ "$variant" = bytes ] && binary=$server/fuzz_server_bytes
        run=$out/$part-$variant
        rm -rf "$run"
        mkdir -p "$run/corpus"
        [ "$part" = seeded ] && cp "$out/seeds"/*.json "$run/corpus/"
        echo "--- fuzz_server, $part corpus, the $variant mutator, $seconds s"
        GRAPHSCHEMA_FUZZ_SERVER_STATS=1 "$binary" -seed=1 -max_total_time="$seconds" -max_len=4096 \
            -timeout=10 -rss_limit_mb=2048 -dict="$root/fuzz/graphschema.dict" \
            -artifact_prefix="$run/" "$run/corpus" >"$run/fuzz.log" 2>&1 || true
        grep -E '^#[0-9]+\s+DONE' "$run/fuzz.log" | tail -1
        grep -E '^fuzz_server: [0-9]+ inputs' "$run/fuzz.log" | tail -1
        # What the run's corpus covers: the service, then the library.
        LLVM_PROFILE_FILE="$run/replay.profraw" "$server/fuzz_server_coverage" -runs=0 "$run/corpus" \
            >"$run/replay.log" 2>&1
        "$llvm_profdata" merge -sparse "$run/replay.profraw" -o "$run/replay.profdata"
        "$llvm_cov" report "$server/fuzz_server_coverage" -instr-profile="$run/replay.profdata" \
            "$root/example/server/connections_service.hpp" >"$run/coverage-service.txt"
        # shellcheck disable=SC2086
        "$llvm_cov" report "$server/fuzz_server_coverage" -instr-profile="$run/replay.profdata" \
            $headers >"$run/coverage-library.txt"
        echo "service (regions, missed, cover, functions, missed, executed, lines, missed, cover, branches, missed, cover):"
        tail -1 "$run/coverage-service.txt"
        echo "library headers:"
        tail -1 "$run/coverage-library.txt"
    done
done

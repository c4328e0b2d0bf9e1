#!/usr/bin/env bash
# Measures what the hostile-input tests only bound: the validator's peak
# memory and time for documents of 1, 10 and 100 MB, for NDJSON streams
# up to 1 GB (made on the fly, never stored), for each adversarial document
# of docs/security.md, and the machine stack that max_depth_limit levels
# take.
# Prints tables; asserts nothing (timing targets live here, not in tests).
#
#   test/hostile/measure.sh [WORK_DIR]    (default /tmp/hostile-measure)
#
# Builds graphschema-validate in Release into WORK_DIR/build, writes the
# documents into WORK_DIR/docs (about 250 MB, removed at the end).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${1:-/tmp/hostile-measure}
mkdir -p "$work/docs"
docs="$work/docs"
trap 'rm -rf "$docs"' EXIT

cmake -S "$root" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
    -DGRAPHSCHEMA_BUILD_TESTS=OFF -DGRAPHSCHEMA_BUILD_DOCS=OFF >/dev/null
cmake --build "$work/build" --target graphschema-validate >/dev/null
validate="$work/build/example/graphschema-validate"
unlimited=18446744073709551615
# max_depth_limit, as the library states it, and written with commas.
limit=$(sed -nE 's/.*max_depth_limit = ([0-9]+);.*/\1/p' "$root/include/graphschema/options.hpp")
limit_text=$(printf '%d' "$limit" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta')
default_bytes=4194304

# Runs the validator (any exit status); prints wall seconds and peak RSS in KiB.
measure() {
    /usr/bin/time -o "$work/time.out" -f '%e %M' "$validate" "$@" >/dev/null 2>&1 || true
    tail -1 "$work/time.out"
}
row() { printf '%-44s %10s %10s %12s %s\n' "$@"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# A read body of about N bytes: an unknown member holding an array of small
# objects, the usual shape of a large payload.
python3 - "$docs" <<'EOF'
import sys, pathlib
docs = pathlib.Path(sys.argv[1])
item = '{"key":"k%07d","value":[1,2.5,"text"],"flag":true},'
for name, size in (("1MB", 10**6), ("10MB", 10**7), ("100MB", 10**8)):
    head, tail = '{"id":"abc","name":"n","x":[', '{}]}'
    count = (size - len(head) - len(tail)) // len(item % 0)
    text = head + "".join(item % i for i in range(count)) + tail
    (docs / f"{name}.json").write_text(text)
EOF

echo "== peak memory and time by document size (read; limits raised)"
row document "seconds" "peak MiB" "peak / size" "mode"
for name in 1MB 10MB 100MB; do
    f="$docs/$name.json"
    size=$(stat -c %s "$f")
    for mode in file pipe emit; do
        case $mode in
        file) read -r s k < <(measure --operation read --max-bytes $unlimited "$f") ;;
        pipe) read -r s k < <(cat "$f" | measure --operation read --max-bytes $unlimited) ;;
        emit) read -r s k < <(measure --operation read --max-bytes $unlimited --emit "$f") ;;
        esac
        row "$name ($size bytes)" "$s" "$(mib "$k")" \
            "$(awk -v k="$k" -v n="$size" 'BEGIN { printf "%.2f", k * 1024 / n }')" "$mode"
    done
done

echo
echo "== --ndjson: peak memory does not grow with the stream (made on the fly)"
line='{"id":"abc","name":"n","description":"d","configuration":{"authorizedApps":["a"]},"x":[1,2,3]}'
row stream "seconds" "peak MiB" "lines" ""
for bytes in 100000000 1000000000; do
    lines=$((bytes / (${#line} + 1)))
    read -r s k < <(yes "$line" | head -n "$lines" | measure --ndjson --operation read)
    row "$((bytes / 1000000)) MB NDJSON" "$s" "$(mib "$k")" "$lines" ""
done
# Lines as long as the limit (the default max_bytes), which the splitter
# buffers whole when they come in chunks, and one line of 100 MB, oversized,
# which it skips as it reads.
read -r s k < <(python3 -c '
import sys
size = int(sys.argv[1])
head, tail = "{\"id\":\"abc\",\"x\":\"", "\"}\n"
line = head + "a" * (size - len(head) - len(tail) + 1) + tail
for _ in range(24):
    sys.stdout.write(line)' "$default_bytes" | measure --ndjson --operation read)
row "24 lines of 4 MiB (the limit) NDJSON" "$s" "$(mib "$k")" 24 ""
read -r s k < <({ head -c 100000000 /dev/zero | tr '\0' 'a'; echo; } | measure --ndjson --operation read)
row "one 100 MB line NDJSON (oversized)" "$s" "$(mib "$k")" 1 ""

echo
echo "== adversarial documents through the validator"
python3 - "$docs" "$limit" <<'EOF'
import sys, pathlib
docs, limit = pathlib.Path(sys.argv[1]), int(sys.argv[2])
w = lambda name, text: (docs / name).write_text(text)
w("nest.json", '{"id":"abc","x":' + "[" * 100000 + "]" * 100000 + "}")
# The object, then limit - 1 arrays: limit levels.
w("limit.json", '{"id":"abc","x":' + "[" * (limit - 1) + "]" * (limit - 1) + "}")
w("members.json", '{"id":"abc",' + ",".join('"m%d":0' % i for i in range(10**6)) + "}")
w("duplicates.json", '{"id":"abc",' + ",".join(['"d":0'] * 10**5) + "}")
w("pairs.json", '{"id":"abc",' + ",".join('"k%d":0' % (i % 50000) for i in range(10**5)) + "}")
w("name.json", '{"id":"abc","name":"' + "a" * 4194304 + '","description":"","configuration":{}}')
w("issues.json", '{"id":"abc","configuration":{"authorizedApps":[' + ",".join(["null"] * 10000) + "]}}")
w("longkey.json", '{"id":"abc","' + "k" * 2097152 + '":{' + ",".join(['"a":1'] * 1000) + "}}")
EOF
truncate -s 100000000 "$docs/sparse.json"
row document "seconds" "peak MiB" "options" ""
adversarial() {
    local label=$1
    shift
    read -r s k < <(measure "$@")
    row "$label" "$s" "$(mib "$k")" "${*:1:$(($# - 1))}" ""
}
adversarial "100,000 levels of nesting" --operation read "$docs/nest.json"
adversarial "$limit_text levels (max_depth_limit)" --operation read --max-depth "$limit" "$docs/limit.json"
adversarial "100 MB file, default limit" "$docs/sparse.json"
read -r s k < <(head -c 100000000 /dev/zero | tr '\0' ' ' | measure --operation read)
row "100 MB pipe, default limit" "$s" "$(mib "$k")" "--operation read" ""
adversarial "1,000,000 distinct unknown members" --operation read --max-bytes $unlimited "$docs/members.json"
adversarial "  the same, kept and re-encoded" --operation read --max-bytes $unlimited --emit "$docs/members.json"
adversarial "  the same, rejected" --operation read --unknown reject --max-bytes $unlimited "$docs/members.json"
adversarial "100,000 duplicates of one key" --operation read --max-issues 100000 "$docs/duplicates.json"
adversarial "50,000 keys twice" --operation read --max-issues 100000 "$docs/pairs.json"
adversarial "4 MiB name" --max-bytes $unlimited "$docs/name.json"
adversarial "10,000 issues, capped at 100" --operation read "$docs/issues.json"
adversarial "10,000 issues, all kept" --operation read --max-issues 10000 "$docs/issues.json"
adversarial "2 MiB key over 1,000 duplicate members" --operation read "$docs/longkey.json"
# The report of that document, in bytes: its kept pointers hold at most
# max_bytes in all.
report_bytes=$("$validate" --operation read "$docs/longkey.json" 2>&1 | wc -c || true)
row "  its report, in bytes" "" "" "$report_bytes" ""

echo
echo "== linear cost: unknown members and duplicates by count"
row members "seconds" "peak MiB" "distinct / duplicates" ""
for n in 250000 500000 1000000 2000000; do
    python3 -c "import sys; n=int(sys.argv[1]); print('{\"id\":\"abc\",' + ','.join('\"m%d\":0' % i for i in range(n)) + '}')" \
        "$n" >"$docs/scale.json"
    read -r s k < <(measure --operation read --max-bytes $unlimited "$docs/scale.json")
    python3 -c "import sys; n=int(sys.argv[1]); print('{\"id\":\"abc\",' + ','.join('\"k%d\":0' % (i % (n // 2)) for i in range(n)) + '}')" \
        "$n" >"$docs/scale.json"
    read -r s2 k2 < <(measure --operation read --max-bytes $unlimited --max-issues 0 "$docs/scale.json")
    row "$n" "$s / $s2" "$(mib "$k") / $(mib "$k2")" "" ""
done

echo
echo "== machine stack for max_depth_limit levels ($limit_text), by build (ulimit -s: $(ulimit -s) KiB)"
for build in "g++ -O2" "g++ -O0 -g" "g++ -O0 -g -fsanitize=address,undefined" \
             "clang++ -O2" "clang++ -O0 -g" "clang++ -O1 -g -fsanitize=address,undefined" \
             "clang++ -O0 -g -fsanitize=address,undefined"; do
    read -r cxx flags <<<"$build"
    # shellcheck disable=SC2086
    $cxx -std=c++17 $flags -I"$root/include" "$root/test/hostile/stack_probe.cpp" -o "$work/stack_probe" -lboost_json -pthread
    echo "-- $build"
    # The attempts that overflow report it on standard error: only the result matters.
    ASAN_OPTIONS=detect_leaks=0 "$work/stack_probe" 2>/dev/null
done

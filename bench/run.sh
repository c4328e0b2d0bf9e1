#!/usr/bin/env bash
# Copyright (c) 2026 The graphschema developers
#
# Distributed under the Boost Software License, Version 1.0.
#
# The whole comparison in one command: builds graphschema-bench and
# graphschema-validate (CMake, Release: -O3 -DNDEBUG), runs every case with
# repetitions, then regenerates the tables of docs/benchmarks.md and the
# charts docs/benchmarks-*.png from the run's JSON output.
#
#   bash bench/run.sh [Google Benchmark flags...]
#
# Defaults: --benchmark_repetitions=5. The results stay in build/bench-run/:
# results.json (Google Benchmark), ratios.json (the targets), machine.json.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
build="$root/build/bench-run"

bash "$root/.ci/install"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
    -DCMAKE_CXX_STANDARD=17 -DGRAPHSCHEMA_BUILD_BENCHMARKS=ON \
    -DGRAPHSCHEMA_BUILD_TESTS=OFF -DGRAPHSCHEMA_BUILD_DOCS=OFF >/dev/null
cmake --build "$build" --target graphschema-bench graphschema-validate graphschema-bench-floor

# What the numbers depend on, for the page.
versions() {
    for p in libboost-json1.81-dev libbenchmark-dev rapidjson-dev libvalijson-dev \
        nlohmann-json3-dev libsimdjson-dev; do
        printf '%s %s; ' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
    done
    printf 'node %s; ajv %s; ajv-formats %s' "$(node --version 2>/dev/null || echo '?')" \
        "$(node -p "require('$bench/node_modules/ajv/package.json').version" 2>/dev/null || echo '?')" \
        "$(node -p "require('$bench/node_modules/ajv-formats/package.json').version" 2>/dev/null || echo '?')"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--benchmark_repetitions=5)
command="bash bench/run.sh${*:+ $*}"
echo "\$ $command"
"$build/bench/graphschema-bench" --benchmark_color=false "${args[@]}" \
    --benchmark_out="$build/results.json" --benchmark_out_format=json \
    --ratios_out="$build/ratios.json"

python3 - "$build/machine.json" "$command" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(versions)" <<'EOF'
import json, platform, subprocess, sys
out, command, before, after, versions = sys.argv[1:]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), "?")
json.dump({"cpu": cpu, "cores": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
           "memory": mem, "os": os_name, "kernel": platform.release(), "command": command,
           "load_before": before, "load_after": after, "versions": versions}, open(out, "w"), indent=2)
EOF

python3 "$bench/report.py" "$build" "$root/docs"

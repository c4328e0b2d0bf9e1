#!/usr/bin/env python3
# Copyright (c) 2026 The graphschema developers
#
# Distributed under the Boost Software License, Version 1.0.
"""Turns one run of graphschema-bench into docs/benchmarks.md's tables and
the charts docs/benchmarks-*.png (bench/run.sh calls it).

  report.py BUILD DOCS

BUILD holds results.json (Google Benchmark's JSON output), ratios.json
(--ratios_out) and machine.json (bench/run.sh); DOCS is the docs folder.
The page's text outside the markers <!-- results:begin --> and
<!-- results:end --> is left as it is.
"""
import json
import pathlib
import subprocess
import sys

# Each case: its name in the benchmark, in the table, in the chart.
CASES = [
    ("graphschema.validate", "graphschema: validate-only", "validate"),
    ("graphschema.decode", "graphschema: decode into a new value", "decode"),
    ("graphschema.decode_reused", "graphschema: decode into a reused value", "decode, reused"),
    ("graphschema.encode", "graphschema: encode (canonical text)", "encode"),
    ("floor.basic_parser_null", "floor: Boost.JSON basic_parser, do-nothing handler", "basic_parser, no-op"),
    ("floor.basic_parser_lookup", "floor: basic_parser, a handler that only looks each key's member up", "basic_parser, lookup"),
    ("floor.boost_parse", "floor: boost::json::parse, reused parser, fixed buffer", "json::parse"),
    ("floor.simdjson_ondemand", "floor: simdjson on-demand + hand-written checks", "simdjson"),
    ("floor.struct_copy", "floor: copying the decoded values (their allocations)", "struct copy"),
    ("peer.boost_value_to", "peer: boost::json::parse + value_to", "parse + value_to"),
    ("peer.rapidjson_schema", "peer: RapidJSON SchemaValidator, SAX", "RapidJSON schema"),
    ("peer.valijson", "peer: valijson over RapidJSON's DOM", "valijson"),
    ("peer.nlohmann", "peer: nlohmann::json + hand-written checks", "nlohmann"),
]

STREAM = [
    ("graphschema.validate/stream", "graphschema validate-only, in the process"),
    ("peer.rapidjson_schema/stream", "RapidJSON SchemaValidator, SAX, in the process"),
    ("process.floor_basic_parser/stream", "graphschema-bench-floor: reading, splitting, do-nothing basic_parser (whole process)"),
    ("process.graphschema_validate/stream", "graphschema-validate --ndjson --jobs 1 --format text (whole process)"),
    ("process.graphschema_validate_json/stream", "graphschema-validate --ndjson --jobs 1 --format json (whole process)"),
    ("process.graphschema_validate_jobs2/stream", "graphschema-validate --ndjson --jobs 2 --format text (whole process)"),
    ("process.ajv/stream", "node ajv_validate.js: JSON.parse + ajv 8 (whole process)"),
]

ITEMS = [
    ("floor.basic_parser_null/items", "do-nothing basic_parser, in the process"),
    ("graphschema.item_is_valid/items", "item validator, is_valid (the verdict), in the process"),
    ("graphschema.item_validate/items", "item validator, validate (the full report), in the process"),
    ("process.floor_basic_parser/items", "graphschema-bench-floor: reading, splitting, do-nothing basic_parser (whole process)"),
    ("process.graphschema_validate/items", "graphschema-validate --type externalItem --against --ndjson --jobs 1 --format text (whole process)"),
    ("process.ajv/items", "node ajv_validate.js: JSON.parse + ajv 8 (Ajv2020, ajv-formats), the exported JSON Schema (whole process)"),
    ("floor.basic_parser_null/items_invalid", "invalid items: do-nothing basic_parser, in the process"),
    ("graphschema.item_is_valid/items_invalid", "invalid items: item validator, is_valid, in the process"),
    ("graphschema.item_validate/items_invalid", "invalid items: item validator, validate, in the process"),
]

SWEEPS = [
    ("sweep.graphschema.validate/", "graphschema validate-only"),
    ("sweep.graphschema.decode_reused/", "graphschema decode (reused value)"),
    ("sweep.floor.basic_parser_null/", "do-nothing basic_parser"),
]


def base_name(run):
    name = run.get("run_name", run["name"])
    for suffix in ("/real_time", "/iterations:1"):
        name = name.replace(suffix, "")
    return name


def time_table(out, m, rows):
    out.append("| case | documents/s | bytes/s | time per run |")
    out.append("|---|---:|---:|---:|")
    for key, label in rows:
        r = m.get(key)
        if r:
            ms = r[2] / {"ns": 1e6, "us": 1e3, "ms": 1.0, "s": 1e-3}.get(r[3], 1e6)
            out.append(f"| {label} | {rate(r[0])} | {rate(r[1], 'B/s')} | {ms:.1f} ms |")


def medians(results):
    """Median docs/s and bytes/s of each case; the aggregate when there are
    repetitions, the single run otherwise."""
    single, median = {}, {}
    for run in results["benchmarks"]:
        if run.get("error_occurred"):
            continue
        entry = (run.get("docs/s", 0.0), run.get("bytes_per_second", 0.0), run.get("real_time", 0.0),
                 run.get("time_unit", "ns"))
        if run.get("run_type") == "aggregate":
            if run.get("aggregate_name") == "median":
                median[base_name(run)] = entry
        else:
            single.setdefault(base_name(run), entry)
    single.update(median)
    return single


def rate(value, unit=""):
    if value >= 1e9:
        return f"{value / 1e9:.2f} G{unit}"
    if value >= 1e6:
        return f"{value / 1e6:.2f} M{unit}"
    if value >= 1e3:
        return f"{value / 1e3:.1f} k{unit}"
    return f"{value:.0f} {unit}"


def size(n):
    n = float(n)
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.1f} KiB"
    return f"{n:.0f} B"


def run_gnuplot(script):
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main(build, docs):
    build, docs = pathlib.Path(build), pathlib.Path(docs)
    results = json.loads((build / "results.json").read_text())
    ratios = json.loads((build / "ratios.json").read_text())
    machine = json.loads((build / "machine.json").read_text())
    m = medians(results)
    context = results["context"]
    out = []

    out.append(f"Run of {context.get('date', '?')}, `{machine['command']}`:")
    out.append("")
    out.append(f"- machine: {machine['cpu']}, {machine['cores']} cores "
               f"({context.get('mhz_per_cpu', '?')} MHz), {machine['memory']}, {machine['os']}, "
               f"Linux {machine['kernel']}; load average {machine['load_before']} before, "
               f"{machine['load_after']} after")
    out.append(f"- build: {context.get('flags', '?')}; simdjson's file also -march=native")
    out.append(f"- libraries: {machine['versions']}")
    reps = max((r.get("repetitions", 1) for r in results["benchmarks"]), default=1)
    out.append(f"- each figure is the median of {reps} repetitions (CPU time in the process, wall "
               f"time for the whole-process cases); corpus seed {context.get('corpus_seed', '?')}")
    out.append("")

    out.append("### Throughput")
    out.append("")
    out.append("| case | small: documents/s | small: bytes/s | large: documents/s | large: bytes/s |")
    out.append("|---|---:|---:|---:|---:|")
    chart = []
    for key, label, short in CASES:
        small, large = m.get(key + "/small"), m.get(key + "/large")
        cells = []
        for r in (small, large):
            cells += [rate(r[0]), rate(r[1], "B/s")] if r else ["-", "-"]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
        if small:
            chart.append((short, small[0], large[0] if large else 0))
    out.append("")

    out.append("### The NDJSON stream")
    out.append("")
    stream_docs = next((r for r in results["benchmarks"] if base_name(r) == "process.ajv/stream"), None)
    time_table(out, m, STREAM)
    if stream_docs:
        out.append("")
        out.append(f"The stream: {stream_docs.get('bytes/doc', 0):.0f} bytes per document on average.")
    out.append("")

    items = next((r for r in results["benchmarks"] if base_name(r) == "floor.basic_parser_null/items"), None)
    if items:
        out.append("### Items against a registered schema")
        out.append("")
        time_table(out, m, ITEMS)
        out.append("")
        out.append(f"The items: {items.get('bytes/doc', 0):.0f} bytes per item on average, against a schema "
                   f"of {context.get('item_schema_properties', '?')} properties; their ratios are in the "
                   "table below.")
        out.append("")

    out.append("### The targets")
    out.append("")
    out.append("| ratio (documents/s, this run) | measured | target | |")
    out.append("|---|---:|---:|---|")
    for r in ratios["ratios"]:
        goal = "" if r["kind"] == "info" else (("≤ " if r["kind"] == "at_most" else "≥ ") + f"{r['goal']:g}")
        verdict = {True: "met", False: "**missed**", None: ""}[r["met"]]
        out.append(f"| {r['label']} | {r['value']:.2f} | {goal} | {verdict} |")
    out.append("")

    out.append("### Cost against size")
    out.append("")
    curves = {}
    for prefix, label in SWEEPS:
        pts = sorted((int(k[len(prefix):]), 1e9 / v[1]) for k, v in m.items() if k.startswith(prefix) and v[1] > 0)
        curves[prefix] = pts
    sizes = sorted({s for pts in curves.values() for s, _ in pts})
    out.append("| document size | " + " | ".join(label + ", ns/byte" for _, label in SWEEPS) + " |")
    out.append("|---:|" + "---:|" * len(SWEEPS))
    for s in sizes:
        row = [f"{dict(curves[p]).get(s, 0):.3f}" if s in dict(curves[p]) else "-" for p, _ in SWEEPS]
        out.append(f"| {size(s)} | " + " | ".join(row) + " |")
    out.append("")
    out.append("![time per byte against document size](benchmarks-size.png)")
    out.append("")

    spread = ratios.get("spread", {})
    if spread:
        worst = max(spread.items(), key=lambda kv: kv[1])
        median_spread = sorted(spread.values())[len(spread) // 2]
        out.append(f"Noise: the spread of the repetitions, (max − min) / median, is {100 * median_spread:.1f}% "
                   f"for the median case and {100 * worst[1]:.1f}% at worst (`{worst[0]}`).")
        out.append("")

    # The charts.
    data = build / "small.dat"
    data.write_text("".join(f"\"{label}\" {small:.1f} {large:.1f}\n" for label, small, large in chart))
    run_gnuplot(f"""
set terminal pngcairo noenhanced size 1000,560 font "sans,10"
set output "{docs / 'benchmarks-throughput.png'}"
set title "Documents per second (median; log scale)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set yrange [1000:*]
set grid ytics
set xtics rotate by -30 left
set bmargin 6
set key top right
plot "{data}" using 2:xtic(1) title "small create bodies", "" using 3 title "large read bodies"
""")
    lines = []
    for i, (prefix, label) in enumerate(SWEEPS):
        f = build / f"sweep{i}.dat"
        f.write_text("".join(f"{s} {v:.5f}\n" for s, v in curves[prefix]))
        lines.append(f"\"{f}\" using 1:2 with linespoints lw 2 title \"{label}\"")
    run_gnuplot(f"""
set terminal pngcairo noenhanced size 900,500 font "sans,10"
set output "{docs / 'benchmarks-size.png'}"
set title "Time per byte against document size (median)"
set logscale x 2
set xtics ({", ".join(f'"{size(n)}" {n}' for n in sizes)})
set xlabel "document size"
set ylabel "ns per byte"
set yrange [0:*]
set grid
set key below
plot {", ".join(lines)}
""")
    out.append("![documents per second, small and large documents](benchmarks-throughput.png)")

    page = docs / "benchmarks.md"
    text = page.read_text()
    begin, end = "<!-- results:begin -->", "<!-- results:end -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    page.write_text(head + begin + "\n" + "\n".join(out) + "\n" + end + tail)
    print(f"wrote {page}, {docs / 'benchmarks-throughput.png'}, {docs / 'benchmarks-size.png'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))

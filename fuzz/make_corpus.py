#!/usr/bin/env python3
# Copyright (c) 2026 The graphschema developers
#
# Distributed under the Boost Software License, Version 1.0.
"""Writes the fuzzers' seed corpus from the shared test material.

  make_corpus.py SHARED_DIR PAYLOADS_DIR OUT_DIR

OUT_DIR/<target>/ gets one file per seed, in the input form fuzz/checks.hpp
describes: for the decoding targets a 4-byte header (model, operation and
policy in byte 0; zero, the defaults, in bytes 1 to 3) and a document; for
ndjson a 5-byte header (line limit, chunking seed) and a stream; for
cli_output a 5-byte header (model and options, output form, limits, the
length of a name), the name and a document or a stream. The seeds
are the documents of SHARED_DIR/vectors/cases.jsonl under the options each
case names, every file of SHARED_DIR/JSONTestSuite/test_parsing, and the
sample payloads. Nothing is copied into the repository: the corpus lives
in the build folder.
"""
import hashlib
import json
import pathlib
import sys

DECODING_TARGETS = ("decode", "validate_decode", "round_trip", "text_dom")
MODELS = {"externalConnection": 0, "configuration": 1, "item": 2}
# The connector models: byte 0 of 54 and more (checks.hpp), the model by b / 54.
CONNECTOR_MODELS = {"schema": 1, "externalItem": 2, "externalGroup": 3, "addActivities": 4}
OPERATIONS = {"create": 0, "update": 1, "read": 2}
POLICIES = {"preserve": 0, "ignore": 1, "reject": 2}
VERSIONS = {"beta": 0, "v1.0": 1}


# Documents of the fuzz item model (fuzz/fuzz_model.hpp), which no shared
# file uses: every member kind, and the numbers at the edges of each type.
ITEM_DOCUMENTS = [
    ("create", '{"id":"item_1","title":"A title","active":true,"bigNumber":-9223372036854775808,'
               '"level":9,"ratio":0.1,"weight":-2.5e-300,"colour":"darkGreen",'
               '"mainPart":{"label":"main","counts":[-5,0,5],"shade":"red","extra":[1e400]},'
               '"parts":[{},{"counts":[]}],"tags":["ab","Cd"],"palette":["red","unknownFutureValue"],'
               '"payload":{"any":["json",1.5,null]},"blobs":[1,"s",null,{}],"note@odata.type":"#String"}'),
    ("update", '{"@odata.type":"#fuzz.v2.item","title":"","tiny":1000,"ratio":3.4e38,"weight":1e308,'
               '"mainPart":{"@odata.type":"fuzz.other.part","label":null},"payload":null,"x":-0}'),
    ("read", '{"id":"X","tiny":4294967295,"bigNumber":9223372036854775807,"level":127,'
             '"ratio":1e39,"weight":1e400,"parts":[{"counts":[32767,-32768]}],"blobs":[]}'),
    ("read", '{"id":"none","weight":-1E-400,"ratio":-0,"big":123456789012345678901234567890,'
             '"payload":"\\u00e9\\ud83d\\ude00","tags":[""]}'),
]

# The kinds of RULES.md (2026-12-04) in the fuzz item model: nullable,
# open_enum, flags (both forms), one_of (abstract base, derived types, an
# unknown type), items(), and members of one version. Each is written in
# both versions (a member of the other version is then an unknown one).
ITEM_KIND_DOCUMENTS = [
    ("create", '{"id":"kinds_1","mainPart":{},"payload":[],"note":null,"mood":"darkGreen","hue":null,'
               '"features":"red, darkGreen","extras":null,"shapes":[{"@odata.type":"#fuzz.circle",'
               '"radius":1.5,"z":-3,"name":"ring"},{"@odata.type":"fuzz.square","sides":[1,2,3,4],'
               '"fill":"red"}],"pick":{"radius":0},"spare":null,"betaTags":["a","b"]}'),
    ("create", '{"id":"kinds_2","mainPart":{},"payload":1,"features":["red","red"],'
               '"shapes":[{"@odata.type":"#fuzz.v2.circle","radius":2}],"pick":{"@odata.type":"#fuzz.square",'
               '"fill":"darkGreen"},"legacy":9}'),
    ("update", '{"note":"ten chars!","mood":null,"extras":"red,unknownFutureValue","shapes":[{"@odata.type":'
               '"#fuzz.square","sides":[100,1,1,1],"z":null}],"pick":{"radius":-0.0,"name":null}}'),
    ("read", '{"id":"kinds_3","mood":"violet","features":"red, someday","extras":[],"shapes":['
             '{"@odata.type":"#fuzz.hexagon","sides":6},{"@odata.type":"#fuzz.square","fill":"teal"},'
             '{"@odata.type":"fuzz.circle","radius":1e400}],"pick":{"@odata.type":"#fuzz.blob","x":[]},'
             '"spare":{"label":null,"counts":[]},"legacy":null}'),
    ("create", '{"id":"kinds_4","mainPart":{},"payload":null,"mood":"violet","features":"",'
               '"shapes":[],"pick":null,"betaTags":[null],"tags":["a","b","c","d"]}'),
    ("create", '{"id":"kinds_5","mainPart":{},"payload":0,"shapes":[{"z":1}],"pick":{"@odata.type":'
               '"#fuzz.shape"},"extras":"red,,darkGreen"}'),
]


def header(model, operation, policy, version="beta"):
    options = 3 * OPERATIONS[operation] + 9 * POLICIES[policy] + 27 * VERSIONS[version]
    if model in CONNECTOR_MODELS:
        b = 54 * CONNECTOR_MODELS[model] + options
        return bytes([b, 0, 0, 0]) if b < 256 else None  # addActivities: 216 to 255 only
    return bytes([MODELS[model] + options, 0, 0, 0])


# The connector models (issue 13): a schema registration with the rules
# across members and names that differ in case, items, a group, activities.
CONNECTOR_DOCUMENTS = [
    ("schema", "create", '{"baseType":"microsoft.graph.externalItem","properties":[{"name":"title","type":"string",'
                         '"isSearchable":true,"isRetrievable":true,"aliases":["heading","\u00e9t\u00e9"],'
                         '"labels":["title"]},{"name":"size","type":"int64","isRefinable":true,"isQueryable":true},'
                         '{"name":"when","type":"dateTime","isExactMatchRequired":false,'
                         '"rankingHint":{"importanceScore":"high"}}]}'),
    ("schema", "create", '{"baseType":"microsoft.graph.externalItem","properties":[{"name":"a","type":"int64",'
                         '"isSearchable":true},{"name":"A","type":"string","isRefinable":true,"isSearchable":true},'
                         '{"name":"b:c","type":"boolean","aliases":["a"]}]}'),
    ("schema", "update", '{"baseType":null,"properties":[{"name":"x","type":"stringCollection",'
                         '"isExactMatchRequired":true}]}'),
    ("externalItem", "create", '{"id":"item1","acl":[{"type":"everyone","value":"x","accessType":"grant"}],'
                               '"properties":{"title":"t","tags@odata.type":"Collection(String)","tags":["a"]},'
                               '"content":{"type":"text","value":"hello"}}'),
    ("externalGroup", "create", '{"id":"group1","displayName":"Group","description":"d"}'),
    ("addActivities", "create", '{"activities":[{"@odata.type":"#microsoft.graph.externalConnectors.externalActivity",'
                                '"type":"modified","startDateTime":"2024-02-29T12:00:00Z",'
                                '"performedBy":{"id":"u1","type":"user"}}]}'),
]

# Items for fuzz_item_validator (the schema of checks.hpp's item_schema_body),
# each rule kept and broken.
ITEMS = [
    '{"id":"a1","acl":[{"type":"everyone","value":"x","accessType":"grant"}],"properties":{"title":"t",'
    '"count":1,"score":0.5,"created":"2024-02-29T10:00:00.5+01:00","done":true}}',
    '{"acl":[{"type":"user","value":"u","accessType":"deny"}],"properties":{"tags":["a"],'
    '"tags@odata.type":"Collection(String)","sizes@odata.type":"#Collection(Edm.Int64)","sizes":[1,2],'
    '"dates":["2024-01-01T00:00:00Z"],"dates@odata.type":"Collection(DateTimeOffset)",'
    '"owner":{"upn":"a@b"},"editors":[{}],"weights":[1.5],"weights@odata.type":"Collection(Double)"}}',
    '{"acl":[],"properties":{"count":1.5,"done":"true","created":"2023-02-29T00:00:00Z","tags":["a"],'
    '"extra":1,"nope@odata.type":"String","title@odata.type":"Int64","editors":null,"sizes":[null]}}',
    '{"acl":[{"type":"everyone","value":"x","accessType":"grant"}],"properties":{}}',
    '{"acl":[{"type":"everyone","value":"x","accessType":"grant"}],"properties":{"@odata.etag":"1",'
    '"title":null,"a@b@odata.type":1,"@odata.type":"#microsoft.graph.properties"}}',
]


def write(folder, data):
    # Named by content, as libFuzzer names what it adds, so that reruns agree.
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    shared, payloads, out = (pathlib.Path(a) for a in argv)
    documents = []  # (header, text) for the decoding targets

    for line in (shared / "vectors" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            documents.append((header(case["type"], case["operation"], case["unknown"]),
                              case["document"].encode("utf-8")))

    suite = sorted((shared / "JSONTestSuite" / "test_parsing").glob("*.json"))
    if not suite:
        sys.exit(f"no JSONTestSuite files under {shared}")
    models = list(MODELS)
    for index, path in enumerate(suite):
        # Each file once, the models taking turns, read so that no member is required.
        documents.append((header(models[index % 3], "read", "preserve"), path.read_bytes()))

    for operation, text in ITEM_DOCUMENTS:
        for policy in POLICIES:
            documents.append((header("item", operation, policy), text.encode("utf-8")))

    for operation, text in ITEM_KIND_DOCUMENTS:
        for policy in POLICIES:
            for version in VERSIONS:
                documents.append((header("item", operation, policy, version), text.encode("utf-8")))

    for model, operation, text in CONNECTOR_DOCUMENTS:
        for policy in POLICIES:
            for version in VERSIONS:
                head = header(model, operation, policy, version)
                if head is not None:
                    documents.append((head, text.encode("utf-8")))

    for path in sorted(payloads.glob("*.json")):
        model = "configuration" if path.stem == "configuration" else "externalConnection"
        operation = {"create": "create", "update": "update"}.get(path.stem, "read")
        for version in VERSIONS:
            documents.append((header(model, operation, "preserve", version), path.read_bytes()))

    for target in DECODING_TARGETS:
        for head, text in documents:
            write(out / target, head + text)

    for index, text in enumerate(ITEMS):
        for operation in OPERATIONS:
            write(out / "item_validator", header("externalConnection", operation, "reject") + text.encode("utf-8"))
            write(out / "item_validator", header("externalConnection", operation, "preserve", "v1.0")
                  + text.encode("utf-8"))

    # NDJSON: streams of the same documents, whole and split into small groups,
    # under a few line limits (indices into line_choices of checks.hpp).
    texts = [text.replace(b"\n", b" ") for _, text in documents]
    streams = [b"\n".join(texts[i:i + 8]) + b"\n" for i in range(0, len(texts), 8)]
    streams += [(payloads / "connections.ndjson").read_bytes(), b"\n\n \r\n\t\n", b"x" * 300]
    for index, stream in enumerate(streams):
        limit = (3, 7, 10, 12, 13, 15)[index % 6]
        write(out / "ndjson", bytes([limit, index & 255, 7, 1, 3]) + stream)

    # The CLI's output path: the documents and streams above under every
    # output form (the flags of byte 1), with names of hostile bytes.
    names = [b"doc.json", b"a\nb\x1b[31m\xff.json", b"", b"\xc2\x85\x7f\r"]
    for index, (head, text) in enumerate(documents):
        flags = index % 32
        name = names[index % len(names)]
        write(out / "cli_output", bytes([head[0], flags & ~4, index % 8, 0, len(name)]) + name + text)
    for index, stream in enumerate(streams):
        for flags in (4, 5, 6, 7, 12, 20, 22, 29):
            name = names[(index + flags) % len(names)]
            write(out / "cli_output", bytes([2 * 3, flags, index % 8, (index + flags) % 16, len(name)]) + name + stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Checks that docs/reference.md names every public name of the headers.

  check_reference.py SOURCE_ROOT [CLANG]

The names come from clang's AST of every public header (graphschema.hpp
and the ones it leaves out: ndjson.hpp, cli.hpp, fuzz.hpp): every
declaration in namespace graphschema (and graphschema::graph,
graphschema::cli, graphschema::fuzz) whose source is a public header (not
detail/ or impl/), with the public members of its classes. A name is
covered when reference.md writes it in backticks,
qualified by its class for a member (`report::found`); a class's
comparison operators may be listed on its row as `operator==`. Prints what
is missing and exits 1 if anything is.
"""
import json
import pathlib
import re
import subprocess
import sys

KINDS = {"CXXRecordDecl", "ClassTemplateDecl", "FunctionDecl", "FunctionTemplateDecl",
         "VarDecl", "EnumDecl", "EnumConstantDecl", "TypeAliasDecl", "TypedefDecl",
         "UsingDecl", "FieldDecl", "CXXMethodDecl", "CXXConstructorDecl",
         "CXXConversionDecl"}


NAMESPACES = ("graph", "cli", "fuzz")  # inside graphschema, named in the reference


def ast_documents(root, clang):
    # Every public header: graphschema.hpp and the ones it leaves out.
    source = "".join(f"#include <graphschema/{h}>\n"
                     for h in ("graphschema.hpp", "ndjson.hpp", "cli.hpp", "fuzz.hpp"))
    out = subprocess.run(
        [clang, "-std=c++17", "-fsyntax-only", "-I", "include", "-Xclang", "-ast-dump=json",
         "-Xclang", "-ast-dump-filter=graphschema", "-x", "c++", "-"],
        cwd=root, check=True, capture_output=True, text=True, input=source).stdout
    decoder, pos = json.JSONDecoder(), 0
    while True:
        m = re.compile(r"\S").search(out, pos)
        if not m:
            return
        doc, pos = decoder.raw_decode(out, m.start())
        yield doc


class Collector:
    def __init__(self):
        self.file = None  # clang writes a location's file only when it changes
        self.names = set()

    def locate(self, loc):
        if isinstance(loc, dict):
            for k in ("spellingLoc", "expansionLoc"):
                self.locate(loc.get(k))
            self.file = loc.get("file", self.file)

    def visit_locations(self, node):
        self.locate(node.get("loc"))
        self.locate(node.get("range", {}).get("begin"))
        self.locate(node.get("range", {}).get("end"))

    def public(self):
        f = self.file or ""
        return f.startswith("include/graphschema/") and "/detail/" not in f and "/impl/" not in f

    def walk(self, node, scope):
        self.visit_locations(node)
        kind, name = node.get("kind"), node.get("name")
        if node.get("isImplicit") or node.get("access") in ("private", "protected"):
            return
        if kind == "NamespaceDecl":
            if (name == "graphschema" and not scope) or (name in NAMESPACES and not scope):
                inner = scope + ([name] if name in NAMESPACES else [])
                for child in node.get("inner", []):
                    self.walk(child, inner)
            return
        if kind == "FriendDecl":
            for child in node.get("inner", []):
                self.visit_locations(child)
                if child.get("kind") in ("FunctionDecl", "FunctionTemplateDecl") and self.public():
                    self.names.add("::".join(scope + [child["name"]]))
            return
        if kind == "UsingDecl" and name:
            name = name.rsplit("::", 1)[-1]  # what the declaration brings in, by its name here
        if kind in KINDS and name and self.public() and not name.startswith("boost_"):
            self.names.add("::".join(scope + [name]))
        if kind == "ClassTemplateDecl":
            for child in node.get("inner", []):
                self.walk(child, scope)
        elif kind in ("CXXRecordDecl", "EnumDecl") and name:
            access = "private" if node.get("tagUsed") == "class" else "public"
            for child in node.get("inner", []):
                if child.get("kind") == "AccessSpecDecl":
                    access = child["access"]
                if access != "public" or child.get("kind") == "AccessSpecDecl":
                    self.visit_locations(child)
                    continue
                self.walk(child, scope + [name])


def covered(name, text, rows):
    name = re.sub(r"<[^<>]*>$", "", name).replace("graph::graphschema::", "graph::")
    if name == "throw_if_invalid":  # the out-of-line definition of report's member
        name = "report::throw_if_invalid"
    if name.startswith("preserved_members::const_iterator::"):
        name = "preserved_members::const_iterator"  # a standard random-access iterator
    if re.search(r"`" + re.escape(name) + r"[`(<\[ ]", text):
        return True
    owner, _, member = name.rpartition("::")
    return member.startswith("operator") and any(
        f"`{member}`" in row for row in rows.get(owner, []))


def main(argv):
    root = pathlib.Path(argv[0])
    clang = argv[1] if len(argv) > 1 else "clang++"
    collector = Collector()
    for doc in ast_documents(root, clang):
        collector.walk(doc, [])
    text = (root / "docs" / "reference.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\| `([A-Za-z_:]+)`", line)
        if m:
            rows.setdefault(m.group(1), []).append(line)
    missing = sorted(n for n in collector.names if not covered(n, text, rows))
    for n in missing:
        print(f"docs/reference.md does not name {n}")
    print(f"{len(collector.names) - len(missing)} of {len(collector.names)} public names in docs/reference.md")
    return 1 if missing or len(collector.names) < 100 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

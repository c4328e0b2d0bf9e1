#!/usr/bin/env python3
"""Extracts the C++ code blocks of the documentation, so that the build
compiles and runs every one of them.

  extract_examples.py list PAGE...        prints NAME PAGE INDEX for each ```cpp block
  extract_examples.py list-dir DIR PAGE... the same for DIR/*.md and the extra PAGEs
  extract_examples.py write PAGE INDEX OUT writes block INDEX of PAGE to OUT

Each block is a complete program. A #line directive maps compiler messages
back to the Markdown page.
"""
import pathlib
import sys


def blocks(page):
    """Yields (first line number, code) for each ```cpp block of a page."""
    lines = pathlib.Path(page).read_text(encoding="utf-8").splitlines()
    code, start = None, 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if code is None and stripped == "```cpp":
            code, start = [], number + 1
        elif code is not None and stripped == "```":
            yield start, "\n".join(code) + "\n"
            code = None
        elif code is not None:
            code.append(line)
    if code is not None:
        sys.exit(f"{page}: a ```cpp block is not closed")


def main(argv):
    if len(argv) >= 2 and argv[0] in ("list", "list-dir"):
        pages = argv[1:]
        if argv[0] == "list-dir":
            pages = sorted(str(p) for p in pathlib.Path(argv[1]).glob("*.md")) + argv[2:]
        for page in pages:
            stem = pathlib.Path(page).stem.replace("-", "_")
            for index, _ in enumerate(blocks(page)):
                print(f"{stem}_{index + 1} {page} {index}")
        return 0
    if len(argv) == 4 and argv[0] == "write":
        page, index, out = argv[1], int(argv[2]), argv[3]
        start, code = list(blocks(page))[index]
        text = f'#line {start} "{pathlib.Path(page).as_posix()}"\n{code}'
        target = pathlib.Path(out)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

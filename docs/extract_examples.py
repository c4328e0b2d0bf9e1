#!/usr/bin/env python3
"""Extracts the C++ code blocks of the documentation, so that the build
compiles and runs every one of them.

  extract_examples.py list PAGE...        prints NAME PAGE INDEX for each ```cpp block
  extract_examples.py list-dir DIR PAGE... the same for DIR/*.md and the extra PAGEs
  extract_examples.py write PAGE INDEX OUT writes block INDEX of PAGE to OUT

Each block is a complete program. A #line directive maps compiler messages
back to the Markdown page.

A block opened with ```cpp libfuzzer is a libFuzzer target, written as a
user writes one: no main. It is written out with a main appended (after a
#line naming this script) that runs it as a plain program: a short loop
feeding LLVMFuzzerTestOneInput what the block's LLVMFuzzerCustomMutator
and LLVMFuzzerCustomCrossOver make, when it defines them (directly or
through GRAPHSCHEMA_FUZZ_MUTATOR), starting from an empty input.
"""
import pathlib
import sys


FUZZ_DRIVER = """
// A plain program's main for the libFuzzer target above
// (docs/extract_examples.py): a short fuzzing loop without libFuzzer.
#include <cstddef>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);
{declarations}
int main()
{{
    std::vector<std::uint8_t> a(4096), b(4096), c(4096);
    std::size_t size_a = 0, size_b = 0;
    for(unsigned seed = 0; seed < 2000; ++seed)
    {{
{mutate}        LLVMFuzzerTestOneInput(a.data(), size_a);
{cross}    }}
    (void)b; (void)c; (void)size_b;
    return 0;
}}
"""

MUTATOR_DECLARATION = """extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
    std::size_t max_size, unsigned int seed);
"""
CROSS_OVER_DECLARATION = """extern "C" std::size_t LLVMFuzzerCustomCrossOver(std::uint8_t const* data1, std::size_t size1,
    std::uint8_t const* data2, std::size_t size2, std::uint8_t* out, std::size_t max_out_size, unsigned int seed);
"""
MUTATE = """        size_a = LLVMFuzzerCustomMutator(a.data(), size_a, a.size(), seed);
"""
CROSS = """        if(seed % 8 == 7)
        {
            std::size_t const n = LLVMFuzzerCustomCrossOver(a.data(), size_a, b.data(), size_b, c.data(), c.size(), seed);
            LLVMFuzzerTestOneInput(c.data(), n);
            b = a;
            size_b = size_a;
        }
"""


def fuzz_driver(code):
    """The main appended to a ```cpp libfuzzer block."""
    mutator = "GRAPHSCHEMA_FUZZ_MUTATOR" in code or "LLVMFuzzerCustomMutator" in code
    cross = "GRAPHSCHEMA_FUZZ_MUTATOR" in code or "LLVMFuzzerCustomCrossOver" in code
    return FUZZ_DRIVER.format(
        declarations=(MUTATOR_DECLARATION if mutator else "") + (CROSS_OVER_DECLARATION if cross else ""),
        mutate=MUTATE if mutator else "",
        cross=CROSS if cross else "")


def blocks(page):
    """Yields (first line number, code, is a libFuzzer target) for each
    ```cpp block of a page."""
    lines = pathlib.Path(page).read_text(encoding="utf-8").splitlines()
    code, start, fuzz = None, 0, False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if code is None and stripped in ("```cpp", "```cpp libfuzzer"):
            code, start, fuzz = [], number + 1, stripped.endswith("libfuzzer")
        elif code is not None and stripped == "```":
            yield start, "\n".join(code) + "\n", fuzz
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
        start, code, fuzz = list(blocks(page))[index]
        text = f'#line {start} "{pathlib.Path(page).as_posix()}"\n{code}'
        if fuzz:
            text += f'#line 1 "docs/extract_examples.py (main of a libfuzzer block)"\n{fuzz_driver(code)}'
        target = pathlib.Path(out)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

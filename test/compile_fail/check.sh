#!/bin/sh
# Usage: check.sh SOURCE COMPILER [FLAGS...]
#
# SOURCE must compile with -DGRAPHSCHEMA_CONTROL (the mistake left out), and
# must fail to compile without it, printing the text of each of its
# "// expect:" lines: the message, and where the compiler names the culprit.
set -u
src=$1
shift
expect=$(sed -n 's|^// expect: ||p' "$src")
if [ -z "$expect" ]; then
    echo "no '// expect:' line in $src"
    exit 1
fi
if ! out=$("$@" -fsyntax-only -DGRAPHSCHEMA_CONTROL "$src" 2>&1); then
    echo "the control (without the mistake) does not compile: $src"
    echo "$out" | head -40
    exit 1
fi
if out=$("$@" -fsyntax-only "$src" 2>&1); then
    echo "compiled, but must not: $src"
    exit 1
fi
status=0
while IFS= read -r line; do
    if ! printf '%s\n' "$out" | grep -F -e "$line" >/dev/null; then
        echo "failed to compile, but without: $line"
        status=1
    fi
done <<END
$expect
END
if [ "$status" -ne 0 ]; then
    printf '%s\n' "$out" | head -40
    exit 1
fi
echo "fails as expected:"
printf '%s\n' "$expect" | sed 's/^/  /'

#!/usr/bin/env bash
# The ways another project consumes graphschema, each built and run as
# that project would:
#
#   consumers.sh SOURCE_ROOT WORK_DIR CXX
#
#   1. cmake --install --prefix, then a project with find_package(graphschema);
#      the installed pkg-config file names that prefix
#   2. a project with add_subdirectory(graphschema's tree)
#   3. meson, graphschema as a subproject (dependency() with its override)
#   4. meson, dependency('graphschema') through the installed pkg-config file
#   5. pkg-config --cflags --libs graphschema, compiler by hand (the .pc
#      files of the CMake and of the meson install)
#   6. Boost.JSON header-only (src.hpp), nothing of Boost linked, and
#      -fno-exceptions: the blocks of docs/embedding.md that show them
#   7. with clang: both at once (Boost 1.81's src.hpp needs exceptions
#      under g++; see docs/embedding.md)
#
# WORK_DIR is emptied first. Fails at the first step that does not work.
set -euo pipefail

root=$(cd "$1" && pwd)
work=$2
cxx=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
consumers="$here/consumers"

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
prefix="$work/prefix"
step() { printf -- '--- %s\n' "$*"; }
quiet() { "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; return 1; }; }
# Fails, showing the last command's output, unless it says $1.
said() { grep -qF -- "$1" "$work/last.log" || { cat "$work/last.log"; echo "expected: $1"; return 1; }; }
# No package a user's environment points at may stand in for the one tested.
unset PKG_CONFIG_PATH CMAKE_PREFIX_PATH

step "cmake --install --prefix (the prefix chosen at install time, not at configure time)"
quiet cmake -S "$root" -B "$work/install-build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
    -DGRAPHSCHEMA_BUILD_TESTS=OFF -DGRAPHSCHEMA_BUILD_EXAMPLES=OFF -DGRAPHSCHEMA_BUILD_DOCS=OFF
quiet cmake --install "$work/install-build" --prefix "$prefix"
# The pkg-config file names that prefix (configured, it would say /usr/local).
grep -qx "prefix=$prefix" "$prefix/share/pkgconfig/graphschema.pc" ||
    { cat "$prefix/share/pkgconfig/graphschema.pc"; echo "graphschema.pc does not name $prefix"; exit 1; }
[ "$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --variable=includedir graphschema)" = "$prefix/include" ]
for f in include/graphschema/graphschema.hpp share/cmake/graphschema/graphschema-config.cmake \
         share/cmake/graphschema/graphschema-config-version.cmake \
         share/cmake/graphschema/graphschema-targets.cmake share/pkgconfig/graphschema.pc; do
    [ -f "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
# Every public header is installed, and nothing else.
diff <(cd "$root/include" && find graphschema -type f | sort) \
     <(cd "$prefix/include" && find graphschema -type f | sort)

step "find_package(graphschema) from the install"
quiet cmake -S "$consumers/find_package" -B "$work/find_package" -G Ninja \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix"
quiet cmake --build "$work/find_package"
# It compiled against the installed headers, not the source tree.
grep -q -- "-isystem $prefix/include" "$work/find_package/build.ninja"
! grep -q -- "$root/include" "$work/find_package/build.ninja"
"$work/find_package/consumer"

step "add_subdirectory(graphschema)"
quiet cmake -S "$consumers/add_subdirectory" -B "$work/add_subdirectory" -G Ninja \
    -DCMAKE_CXX_COMPILER="$cxx" -DGRAPHSCHEMA_SOURCE_DIR="$root"
quiet cmake --build "$work/add_subdirectory"
"$work/add_subdirectory/consumer"
# Not the top-level project: graphschema's tests, examples and docs stay out.
if cmake --build "$work/add_subdirectory" --target help | grep -Eq 'test_decode|graphschema-validate|doc_'; then
    echo "add_subdirectory built graphschema's own tests or examples"
    exit 1
fi

# A meson project in a directory of its own, with what it needs copied in.
meson_project() {
    mkdir -p "$1"
    cp "$consumers/meson/meson.build" "$consumers/main.cpp" "$1/"
}

step "meson: graphschema as a subproject"
meson_project "$work/meson-subproject"
mkdir -p "$work/meson-subproject/subprojects"
ln -s "$root" "$work/meson-subproject/subprojects/graphschema"
CXX="$cxx" quiet meson setup "$work/meson-subproject/build" "$work/meson-subproject" \
    --force-fallback-for=graphschema
# Found through the subproject's meson.override_dependency.
said "Dependency graphschema found: YES 0.1.0 (overridden)"
quiet ninja -C "$work/meson-subproject/build"
"$work/meson-subproject/build/consumer"

step "meson: dependency('graphschema') through the installed pkg-config file"
meson_project "$work/meson-pkgconfig"
PKG_CONFIG_PATH="$prefix/share/pkgconfig" CXX="$cxx" quiet meson setup \
    "$work/meson-pkgconfig/build" "$work/meson-pkgconfig" --wrap-mode=nofallback
said "Run-time dependency graphschema found: YES 0.1.0"
quiet ninja -C "$work/meson-pkgconfig/build"
grep -q -- "-I$prefix/include" "$work/meson-pkgconfig/build/compile_commands.json"
"$work/meson-pkgconfig/build/consumer"

step "pkg-config --cflags --libs graphschema (the CMake install's .pc)"
flags=$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --cflags --libs graphschema)
echo "flags: $flags"
[ "$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --modversion graphschema)" = 0.1.0 ]
# shellcheck disable=SC2086 # the flags are words
"$cxx" -std=c++17 -Wall -Wextra -Wpedantic -Werror "$consumers/main.cpp" $flags -o "$work/pkgconfig-cmake"
"$work/pkgconfig-cmake"

step "pkg-config --cflags --libs graphschema (the meson install's .pc)"
meson_prefix="$work/meson-prefix"
CXX="$cxx" quiet meson setup "$work/meson-install-build" "$root" --prefix="$meson_prefix" \
    -Dtests=false -Dexamples=false -Ddocs=false
quiet meson install -C "$work/meson-install-build"
diff <(cd "$prefix/include" && find graphschema -type f | sort) \
     <(cd "$meson_prefix/include" && find graphschema -type f | sort)
flags=$(PKG_CONFIG_PATH="$meson_prefix/share/pkgconfig" pkg-config --cflags --libs graphschema)
echo "flags: $flags"
# shellcheck disable=SC2086
"$cxx" -std=c++17 -Wall -Wextra -Wpedantic -Werror "$consumers/main.cpp" $flags -o "$work/pkgconfig-meson"
"$work/pkgconfig-meson"

# The blocks of docs/embedding.md that show these two, extracted as the
# documentation build extracts them.
page="$root/docs/embedding.md"
doc_block() {
    local name file index out="$work/$1.cpp"
    while read -r name file index; do
        python3 "$root/docs/extract_examples.py" write "$file" "$index" "$out"
        if grep -q -- "$2" "$out"; then echo "$out"; return; fi
    done < <(python3 "$root/docs/extract_examples.py" list "$page")
    echo "docs/embedding.md has no block with $2" >&2
    return 1
}
header_only=$(doc_block header-only '#include <boost/json/src.hpp>')
no_exceptions=$(doc_block no-exceptions 'BOOST_NO_EXCEPTIONS')
strict=(-std=c++17 -Wall -Wextra -Wpedantic -Werror -I"$prefix/include")

step "Boost.JSON header-only: <boost/json/src.hpp>, nothing of Boost linked"
"$cxx" "${strict[@]}" "$header_only" -o "$work/header-only"
"$work/header-only"
if ldd "$work/header-only" | grep -q boost; then
    echo "the header-only program links a Boost library"
    exit 1
fi

step "-fno-exceptions, with boost::throw_exception defined, Boost.JSON linked"
"$cxx" "${strict[@]}" -fno-exceptions "$no_exceptions" -lboost_json -o "$work/no-exceptions"
"$work/no-exceptions"

if "$cxx" --version | grep -q clang; then
    step "-fno-exceptions and Boost.JSON header-only"
    printf '#include <boost/json/src.hpp>\n' >"$work/boost_json.cpp"
    "$cxx" "${strict[@]}" -fno-exceptions "$no_exceptions" "$work/boost_json.cpp" \
        -o "$work/no-exceptions-header-only"
    "$work/no-exceptions-header-only"
fi

step "every way of consuming graphschema works with $cxx"

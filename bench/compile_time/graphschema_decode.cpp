// graphschema: decoding one model from text. Compiled header-only, and
// with -DGRAPHSCHEMA_SEPARATE_COMPILATION (the engine then comes from
// the library; only the model's tables are compiled here).
#include <graphschema/decode.hpp>
#include <graphschema/graph/external_connection.hpp>

#include <string_view>

bool
check(std::string_view text)
{
    return graphschema::decode<graphschema::graph::external_connection>(text).ok();
}

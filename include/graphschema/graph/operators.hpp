//
// Copyright (c) 2026 The graphschema developers
//
// Distributed under the Boost Software License, Version 1.0.
//

#ifndef GRAPHSCHEMA_GRAPH_OPERATORS_HPP
#define GRAPHSCHEMA_GRAPH_OPERATORS_HPP

#include <boost/describe/operators.hpp>

namespace graphschema {
namespace graph {

// == and != compare every described member: Boost.Describe's operators,
// opted into once for all the models of this namespace.
using boost::describe::operators::operator==;
using boost::describe::operators::operator!=;

} // graph
} // graphschema

#endif

#pragma once

#include "parse/document.hpp"

namespace bilint {

// Splits a digest into entries. Tolerant by design: it never fails; every oddity it meets stays
// visible in the Document (a missing link, stray lines, a wrong heading level) for the entry/ rules
// to report.
Document parse_digest(const SourceFile& source);

}  // namespace bilint

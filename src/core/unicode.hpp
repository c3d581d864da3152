#pragma once

namespace bilint::unicode {

// Columns a code point takes on a terminal: 2 for East Asian Wide and Fullwidth, 0 for combining
// marks, format characters and other zero-width code points, 1 otherwise (ICU's property data).
int display_width(char32_t code_point);

// True for code points of the Han script (CJK ideographs, including the extensions and
// compatibility ideographs), as ICU's Script property says.
bool is_han(char32_t code_point);

}  // namespace bilint::unicode

#pragma once

#include <string_view>

namespace bilint {

// Whether `url` is an http or https URL with a plain host name (lowercase letters, digits, '-' and
// dots, ending in a label that begins with a letter: no IP address, port or user) and a path,
// query and fragment of RFC 3986's characters, percent-encodings whole: a URL that libcurl's
// parser takes, whose scheme and host link/malformed accepts. Nearly every link of a digest is one
// (an arXiv abstract); answering them here spares most runs the loading of libcurl (see
// net/curl_library.hpp) and every such link a parse. Anything else is for libcurl to judge.
bool plainly_valid_url(std::string_view url);

}  // namespace bilint

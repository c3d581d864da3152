#pragma once

#include <curl/curl.h>

namespace bilint {

// libcurl, loaded the first time it is needed rather than when bilint starts. Linked in, libcurl
// and the 29 libraries it brings (TLS, Kerberos, LDAP, SSH, ...) took 7 ms to map and initialise
// on every start, most of a pre-commit run on one small digest (a program linked with them starts
// in 10.6 ms, without them in 3.0 ms), though a run needs libcurl only for --online checks and for
// URLs that link/malformed cannot read plainly. The functions are those of <curl/curl.h>, by the
// same names; the library is found at configure time (find_package(CURL)) and opened by its soname.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_setopt) multi_setopt;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_url) url;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_strerror) url_strerror;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_free) free;
};

// Loads libcurl once (from any thread) and returns its functions; throws std::runtime_error, naming
// the library and why, when it cannot be loaded.
const CurlLibrary& curl_library();

// Opens the library `soname` and finds the functions (what curl_library() does once, with the
// soname of the libcurl found at configure time); throws std::runtime_error.
CurlLibrary load_curl_library(const char* soname);

}  // namespace bilint

#include "net/curl_library.hpp"

#include <dlfcn.h>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace bilint {

CurlLibrary load_curl_library(const char* soname) {
  void* handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    throw std::runtime_error(std::string("cannot load libcurl: ") + ::dlerror());
  }
  CurlLibrary curl{};
  const auto resolve = [&](auto& function, const char* name) {
    void* symbol = ::dlsym(handle, name);
    if (symbol == nullptr) {
      ::dlclose(handle);
      throw std::runtime_error(std::string(soname) + " has no " + name);
    }
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
  };
  resolve(curl.global_init, "curl_global_init");
  resolve(curl.easy_init, "curl_easy_init");
  resolve(curl.easy_setopt, "curl_easy_setopt");
  resolve(curl.easy_getinfo, "curl_easy_getinfo");
  resolve(curl.easy_cleanup, "curl_easy_cleanup");
  resolve(curl.easy_strerror, "curl_easy_strerror");
  resolve(curl.multi_init, "curl_multi_init");
  resolve(curl.multi_setopt, "curl_multi_setopt");
  resolve(curl.multi_add_handle, "curl_multi_add_handle");
  resolve(curl.multi_remove_handle, "curl_multi_remove_handle");
  resolve(curl.multi_perform, "curl_multi_perform");
  resolve(curl.multi_poll, "curl_multi_poll");
  resolve(curl.multi_info_read, "curl_multi_info_read");
  resolve(curl.multi_cleanup, "curl_multi_cleanup");
  resolve(curl.url, "curl_url");
  resolve(curl.url_set, "curl_url_set");
  resolve(curl.url_get, "curl_url_get");
  resolve(curl.url_strerror, "curl_url_strerror");
  resolve(curl.url_cleanup, "curl_url_cleanup");
  resolve(curl.free, "curl_free");
  // Before any other thread uses it: curl_global_init is not thread-safe.
  curl.global_init(CURL_GLOBAL_DEFAULT);
  return curl;  // the library stays loaded for the rest of the process
}

const CurlLibrary& curl_library() {
  // A failed load throws out of the initialiser, so the next call tries again and says why again.
  static const CurlLibrary curl = load_curl_library(BILINT_LIBCURL_SONAME);
  return curl;
}

}  // namespace bilint

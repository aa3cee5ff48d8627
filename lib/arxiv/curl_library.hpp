#pragma once
// libcurl, loaded on the first request instead of at start-up: linked, it and its dependencies
// (TLS, HTTP/2, IDN, LDAP, Kerberos: some thirty shared libraries) cost every bibkit command
// about 10 ms before main, though only `bibkit arxiv` ever talks to the network.

#include <curl/curl.h>
#include <string>

namespace bibkit::arxiv::detail {

struct CurlLibrary {
    decltype(&curl_global_init) global_init = nullptr;
    decltype(&curl_version_info) version_info = nullptr;
    decltype(&curl_easy_init) easy_init = nullptr;
    decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&curl_easy_setopt) easy_setopt = nullptr;
    decltype(&curl_easy_perform) easy_perform = nullptr;
    decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
    decltype(&curl_easy_strerror) easy_strerror = nullptr;
};

// The loaded and initialised library (once per process, thread-safe), or null with `error`
// saying why.
const CurlLibrary* load_curl(std::string& error);

} // namespace bibkit::arxiv::detail

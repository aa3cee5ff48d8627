#include "curl_library.hpp"

#include <dlfcn.h>

namespace bibkit::arxiv::detail {

namespace {

template <class Function> bool resolve(void* library, const char* name, Function& function) {
    function = reinterpret_cast<Function>(dlsym(library, name));
    return function != nullptr;
}

struct Loaded {
    CurlLibrary library;
    std::string error; // empty when loaded
};

Loaded load() {
    Loaded loaded;
    // The soname, not libcurl.so: that link exists only with the -dev package.
    void* handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        loaded.error = "cannot load libcurl (" + std::string(why != nullptr ? why : "not found") +
                       "); on Debian: apt-get install libcurl4";
        return loaded;
    }
    CurlLibrary& curl = loaded.library;
    bool ok = resolve(handle, "curl_global_init", curl.global_init) &&
              resolve(handle, "curl_version_info", curl.version_info) &&
              resolve(handle, "curl_easy_init", curl.easy_init) &&
              resolve(handle, "curl_easy_cleanup", curl.easy_cleanup) &&
              resolve(handle, "curl_easy_setopt", curl.easy_setopt) &&
              resolve(handle, "curl_easy_perform", curl.easy_perform) &&
              resolve(handle, "curl_easy_getinfo", curl.easy_getinfo) &&
              resolve(handle, "curl_easy_strerror", curl.easy_strerror);
    if (!ok)
        loaded.error = "libcurl.so.4 lacks a function bibkit needs (libcurl older than 7.85?)";
    else if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        loaded.error = "libcurl failed to start";
    // The library stays loaded for the life of the process: handles may outlive any owner.
    return loaded;
}

} // namespace

const CurlLibrary* load_curl(std::string& error) {
    static const Loaded loaded = load();
    if (!loaded.error.empty()) {
        error = loaded.error;
        return nullptr;
    }
    return &loaded.library;
}

} // namespace bibkit::arxiv::detail

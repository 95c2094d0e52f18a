// Stage: fetch (pages and feeds over HTTP)
// In:    an http or https URL, limits, and the validators of the answer
//        fetched before (ETag, Last-Modified).
// Out:   Fetch: the answer's status, body, type, validators and final URL
//        (304 Not Modified: no body).
// How:   libcurl (Debian libcurl4-openssl-dev), one easy handle a call:
//        only http and https (redirects too), at most `max_redirects`
//        redirects, a connect and a total timeout, the body cut off at
//        `max_bytes` (then an error: a page that never ends is stopped by
//        one or the other), gzip and deflate accepted, no cookies.
// Fails: a URL of another scheme, a name that does not resolve, a refused
//        or timed-out connection, a redirect loop, a body over the limit,
//        an answer of 400 or more: an IoError naming the URL.
// Cost:  the network's; memory up to max_bytes per call.
#pragma once

#include <cstddef>
#include <string>

#include "lagebild/status.h"

namespace lagebild::fetch {

struct FetchOptions {
  long connect_timeout_ms = 5000;
  long timeout_ms = 20000;
  size_t max_bytes = 8u << 20;
  long max_redirects = 5;
  std::string if_none_match;      // the ETag of the answer before
  std::string if_modified_since;  // its Last-Modified
};

struct Fetched {
  long status = 0;  // 200 … 299, or 304
  std::string body, content_type, etag, last_modified;
  std::string url;  // after redirects
};

Result<Fetched> Fetch(const std::string& url, const FetchOptions& options);

// The host of an http(s) URL, lower-case, without "www.", port or user
// ("https://www.Example.org:8080/a" → "example.org"); "" for anything else.
std::string HostOf(const std::string& url);

}  // namespace lagebild::fetch

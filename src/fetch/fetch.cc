// Fetch (fetch.h).
#include "fetch/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

#include "util/strings.h"

namespace lagebild::fetch {
namespace {

struct Sink {
  std::string* body;
  size_t max;
  bool over = false;
};

size_t Write(char* data, size_t size, size_t n, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const size_t bytes = size * n;
  if (sink->body->size() + bytes > sink->max) {
    sink->over = true;
    return 0;  // stops the transfer
  }
  sink->body->append(data, bytes);
  return bytes;
}

// The value of a response header ("etag: \"x\"\r\n" → "\"x\"").
size_t Header(char* data, size_t size, size_t n, void* user) {
  Fetched* out = static_cast<Fetched*>(user);
  const std::string_view line(data, size * n);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string name = util::AsciiLower(line.substr(0, colon));
    const std::string value(util::Trim(line.substr(colon + 1)));
    if (name == "etag") out->etag = value;
    if (name == "last-modified") out->last_modified = value;
  }
  // A redirect's headers are followed by the next answer's: keep the last.
  if (util::StartsWithIgnoreCase(line, "HTTP/")) out->etag.clear(), out->last_modified.clear();
  return size * n;
}

}  // namespace

std::string HostOf(const std::string& url) {
  const std::string lower = util::AsciiLower(url);
  size_t start;
  if (util::StartsWithIgnoreCase(lower, "http://")) {
    start = 7;
  } else if (util::StartsWithIgnoreCase(lower, "https://")) {
    start = 8;
  } else {
    return "";
  }
  size_t end = lower.find_first_of("/?#", start);
  std::string host = lower.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (const size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (!host.empty() && host[0] != '[') {
    if (const size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (util::StartsWithIgnoreCase(host, "www.")) host = host.substr(4);
  return host;
}

Result<Fetched> Fetch(const std::string& url, const FetchOptions& options) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (HostOf(url).empty()) return InvalidArgument("'" + url + "' is no http or https address");
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return IoError(url + ": cannot start a transfer");
  Fetched out;
  Sink sink{&out.body, options.max_bytes};
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  if (!options.if_none_match.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + options.if_none_match).c_str());
  if (!options.if_modified_since.empty()) {
    headers = curl_slist_append(headers, ("If-Modified-Since: " + options.if_modified_since).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "lagebild/0.1 (+feeds)");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, Header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &out);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out.status);
  char* type = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) out.content_type = type;
  char* final_url = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) out.url = final_url;
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (sink.over) return IoError(url + ": the answer is larger than " + util::HumanBytes(options.max_bytes));
  if (rc == CURLE_TOO_MANY_REDIRECTS) {
    return IoError(url + ": more than " + std::to_string(options.max_redirects) + " redirects (a loop?)");
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return IoError(url + ": no complete answer within " + std::to_string(options.timeout_ms / 1000) + " s");
  }
  if (rc != CURLE_OK) return IoError(url + ": " + (error[0] ? error : curl_easy_strerror(rc)));
  if (out.status >= 400) return IoError(url + ": HTTP " + std::to_string(out.status));
  return out;
}

}  // namespace lagebild::fetch

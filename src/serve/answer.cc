#include "serve/answer.h"

#include <httplib.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "util/strings.h"

namespace lagebild::serve {
namespace {

std::string Tag(const std::string& body) {
  char tag[24];
  std::snprintf(tag, sizeof tag, "\"%016llx\"",
                static_cast<unsigned long long>(std::hash<std::string_view>{}(body)));
  return tag;
}

// The tag of the gzip of a body: another representation, another tag.
std::string GzipTag(const std::string& tag) { return tag.substr(0, tag.size() - 1) + "-gz\""; }

bool Matches(const std::string& if_none_match, const std::string& tag) {
  return !if_none_match.empty() &&
         (if_none_match == "*" || if_none_match.find(tag) != std::string::npos);
}

}  // namespace

bool Compressible(std::string_view type) {
  if (type.substr(0, 5) == "text/") return type.substr(0, 17) != "text/event-stream";
  return type.substr(0, 16) == "application/json" || type.substr(0, 15) == "application/xml" ||
         type.substr(0, 22) == "application/javascript" || type.substr(0, 13) == "image/svg+xml";
}

bool AcceptsGzip(std::string_view accept) {
  // Comma-separated codings, each with optional parameters: "gzip;q=0.8".
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const size_t semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t')) coding.remove_prefix(1);
    while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t')) coding.remove_suffix(1);
    if (coding.size() != 4 || (util::AsciiLower(std::string(coding)) != "gzip")) continue;
    if (semi == std::string_view::npos) return true;
    std::string params(item.substr(semi + 1));
    params.erase(std::remove_if(params.begin(), params.end(), [](char c) { return c == ' ' || c == '\t'; }),
                 params.end());
    const std::string lower = util::AsciiLower(params);
    if (lower.rfind("q=", 0) != 0) return true;
    return std::strtod(lower.c_str() + 2, nullptr) > 0;
  }
  return false;
}

std::string Gzip(std::string_view data) {
  z_stream z{};
  // 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return done == Z_STREAM_END ? out : std::string();
}

std::shared_ptr<const Answer> MakeAnswer(std::string body, std::string type, std::string csp,
                                         std::string disposition, bool compress) {
  auto a = std::make_shared<Answer>();
  a->etag = Tag(body);
  // zlib counts in 32 bits; larger bodies go as they are.
  if (compress && body.size() >= kMinCompressed && body.size() < (1u << 30) && Compressible(type)) {
    a->gzip = Gzip(body);
    if (a->gzip.size() >= body.size()) a->gzip.clear();
  }
  a->body = std::move(body);
  a->type = std::move(type);
  a->csp = std::move(csp);
  a->disposition = std::move(disposition);
  return a;
}

std::shared_ptr<const Answer> TakeAnswer(httplib::Response& res, bool compress) {
  std::string body;
  body.swap(res.body);
  return MakeAnswer(std::move(body), res.get_header_value("Content-Type"),
                    res.get_header_value("Content-Security-Policy"),
                    res.get_header_value("Content-Disposition"), compress);
}

void SendAnswer(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const Answer> answer) {
  // The library adds a header each time it is set: those set here go first.
  for (const char* name : {"Content-Type", "Content-Length", "Content-Security-Policy", "Content-Disposition",
                           "Content-Encoding", "ETag", "Vary", "Accept-Ranges"}) {
    res.headers.erase(name);
  }
  res.body.clear();
  // An answer is made, not a file: a Range is ignored (RFC 9110 §14.2
  // allows it) and the whole answer sent. The library would cut a range of
  // a sent-from answer without checking it against the length, so the
  // ranges it parsed are dropped. Its request object is not const (a
  // handler sees it as const only), so dropping them is defined.
  const_cast<httplib::Request&>(req).ranges.clear();
  res.set_header("Accept-Ranges", "none");
  const bool gzip = !answer->gzip.empty() && AcceptsGzip(req.get_header_value("Accept-Encoding"));
  const std::string tag = gzip ? GzipTag(answer->etag) : answer->etag;
  res.set_header("ETag", tag);
  if (!answer->gzip.empty()) res.set_header("Vary", "Accept-Encoding");
  if (!answer->csp.empty()) res.set_header("Content-Security-Policy", answer->csp);
  if (!answer->disposition.empty()) res.set_header("Content-Disposition", answer->disposition);
  if (Matches(req.get_header_value("If-None-Match"), tag)) {
    res.status = 304;
    return;
  }
  const std::string* bytes = gzip ? &answer->gzip : &answer->body;
  if (gzip) res.set_header("Content-Encoding", "gzip");
  // A sized provider: the library neither copies nor compresses it again.
  // The provider holds the answer, so the bytes outlive the sending.
  res.set_content_provider(
      bytes->size(), answer->type,
      [answer, bytes](size_t offset, size_t length, httplib::DataSink& sink) {
        if (offset >= bytes->size()) return false;
        return sink.write(bytes->data() + offset, std::min(length, bytes->size() - offset));
      });
}

}  // namespace lagebild::serve

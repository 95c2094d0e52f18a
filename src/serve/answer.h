// An answer of the app made once and sent many times (internal to src/serve).
// In:    a body with its headers (type, Content-Security-Policy,
//        Content-Disposition) and whether to compress it now.
// Out:   Answer: the body, its gzip when compressing pays, and an entity
//        tag; SendAnswer puts it on a response: 304 when the request's
//        If-None-Match holds its tag, else gzip when the request accepts
//        gzip, else the body, sent from the shared answer without a copy.
// Cost:  MakeAnswer hashes the body once and, when asked, compresses it
//        once (zlib level 6, about 30 MB/s); SendAnswer copies nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace lagebild::serve {

struct Answer {
  std::string body, gzip;  // gzip: empty when not compressed
  std::string type, etag, csp, disposition;
};

// Bodies shorter than this are sent as they are.
constexpr size_t kMinCompressed = 1024;

// Whether a response of this media type is text worth compressing.
bool Compressible(std::string_view type);
// Whether the request's Accept-Encoding takes gzip (not "gzip;q=0").
bool AcceptsGzip(std::string_view accept_encoding);
// The gzip member (RFC 1952) of `data`.
std::string Gzip(std::string_view data);

// `compress`: make the gzip now (for an answer kept and sent again).
std::shared_ptr<const Answer> MakeAnswer(std::string body, std::string type, std::string csp,
                                         std::string disposition, bool compress);
// The answer of a response a handler has filled (status 200, a body):
// its body moved out, its headers read.
std::shared_ptr<const Answer> TakeAnswer(httplib::Response& res, bool compress);
void SendAnswer(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const Answer> answer);

}  // namespace lagebild::serve

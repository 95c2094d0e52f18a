// A compact byte encoding for records the store keeps as blobs: integers
// little-endian, strings and arrays length-prefixed. Reading checks every
// length against what is left, so a damaged blob gives `ok() == false`,
// never a crash or a huge allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lagebild::util {

class ByteWriter {
 public:
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I64(int64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint32_t U32() { return Fixed<uint32_t>(); }
  uint64_t U64() { return Fixed<uint64_t>(); }
  int64_t I64() { return Fixed<int64_t>(); }
  float F32() { return Fixed<float>(); }
  std::string Str() {
    const uint32_t n = U32();
    if (!ok_ || n > in_.size()) return Fail<std::string>();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  // A count of items of at least `item_bytes` each: checked against what is
  // left, so that reserve(count) is safe.
  uint32_t Count(size_t item_bytes) {
    const uint32_t n = U32();
    if (!ok_ || (item_bytes > 0 && n > in_.size() / item_bytes)) return Fail<uint32_t>();
    return n;
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && in_.empty(); }

 private:
  template <typename T>
  T Fixed() {
    if (!ok_ || in_.size() < sizeof(T)) return Fail<T>();
    T v;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }
  template <typename T>
  T Fail() {
    ok_ = false;
    in_ = {};
    return T{};
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace lagebild::util

// Fuzz target for the one HTML escaping function and the JSON string
// writer: any bytes in, no markup character and valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "report/report_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string html = report::EscapeHtml(bytes);
  LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(html));
  LAGEBILD_FUZZ_CHECK(html.find_first_of("<>\"'") == std::string::npos);
  for (size_t k = html.find('&'); k != std::string::npos; k = html.find('&', k + 1)) {
    const std::string_view rest = std::string_view(html).substr(k);
    LAGEBILD_FUZZ_CHECK(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 ||
                        rest.rfind("&gt;", 0) == 0 || rest.rfind("&quot;", 0) == 0 ||
                        rest.rfind("&#39;", 0) == 0);
  }
  std::string json;
  report::AppendJsonString(json, bytes);
  LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(json));
  LAGEBILD_FUZZ_CHECK(json.size() >= 2 && json.front() == '"' && json.back() == '"');
  for (unsigned char c : json) LAGEBILD_FUZZ_CHECK(c >= 0x20);
  fuzz::CheckNormalised(normalize::NormalizeText(bytes));
  return 0;
}

// The API's description (internal to src/serve): OpenAPI 3.1, served at
// /api/v1/openapi.json and checked against real answers by
// tests/cli/serve_api_check.mjs.
#pragma once

namespace lagebild::serve {

const char* OpenApiJson();

}  // namespace lagebild::serve

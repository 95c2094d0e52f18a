// OpenApiJson (openapi.h).
#include "serve/openapi.h"

namespace lagebild::serve {

const char* OpenApiJson() {
  return R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "lagebild serve",
    "version": "1",
    "description": "The stories of a lagebild store: lists as JSON or CSV (?format=csv), story and article reports in the schema of `lagebild analyze` (lagebild.report/1), articles posted for ingest, and server-sent events of the store's change log. Errors are {\"error\": {\"code\", \"message\"}}; a bad parameter's code is bad_<parameter>."
  },
  "paths": {
    "/health": {"get": {"summary": "Whether the store can be read", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/stories": {"get": {"summary": "Stories in stored order, filtered", "parameters": [
        {"$ref": "#/components/parameters/q"}, {"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/outlet"},
        {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"name": "flag", "in": "query", "schema": {"type": "string"}, "description": "stories with an article of this flag (machine-translated, spun, state-affiliated, agency-copy, truncated, copy)"}, {"$ref": "#/components/parameters/limit"},
        {"name": "cursor", "in": "query", "schema": {"type": "string", "pattern": "^s[0-9]+$"}, "description": "the `next` of the page before"},
        {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "a page of stories", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoryPage"}}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/stories/{id}": {"get": {"summary": "A story's report (lagebild.report/1)", "parameters": [{"$ref": "#/components/parameters/story"}],
      "responses": {"200": {"description": "the report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/stories/{id}/articles": {"get": {"summary": "A story's articles", "parameters": [{"$ref": "#/components/parameters/story"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "its articles", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleList"}}, "text/csv": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/stories/{id}/claims": {"get": {"summary": "A story's claims, one row per value", "parameters": [{"$ref": "#/components/parameters/story"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "its claims", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClaimList"}}, "text/csv": {}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/articles": {"post": {"summary": "Add articles (as `lagebild ingest` does)",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/ArticleIn"}, {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}, "maxItems": 1000}]}}, "application/x-ndjson": {}}},
      "responses": {"201": {"description": "where each article went", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ingested"}}}}, "400": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/articles/{id}": {"get": {"summary": "An article analysed alone (lagebild.report/1)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^a?[0-9]+$"}}],
      "responses": {"200": {"description": "the report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/search": {"get": {"summary": "Articles holding every word", "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 500}}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "best first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleList"}}, "text/csv": {}}}, "400": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/outlets": {"get": {"summary": "Outlets, their articles and whom they copy", "parameters": [{"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "outlets", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OutletList"}}, "text/csv": {}}}}}},
    "/api/v1/feeds": {"get": {"summary": "The feeds followed and their health", "parameters": [{"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "feeds", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FeedList"}}, "text/csv": {}}}}}},
    "/api/v1/entities": {"get": {"summary": "Entities recorded by the analyses of stories", "parameters": [{"$ref": "#/components/parameters/format"}],
      "responses": {"200": {"description": "entities", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntityList"}}, "text/csv": {}}}}}},
    "/api/v1/entities/{key}": {"get": {"summary": "One entity across the store", "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "the entity", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entity"}}}}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/v1/events": {"get": {"summary": "Server-sent events: `story` events (id: the change log entry) from Last-Event-ID, ?after= or now", "parameters": [{"name": "story", "in": "query", "schema": {"type": "string", "pattern": "^s?[0-9]+$"}}, {"name": "after", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]+$"}}, {"name": "Last-Event-ID", "in": "header", "schema": {"type": "string", "pattern": "^[0-9]+$"}}],
      "responses": {"200": {"description": "event: story, data: {\"story\", \"kind\": created|changed|merged, \"articles\", \"into\"?}", "content": {"text/event-stream": {}}}, "400": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {
    "parameters": {
      "q": {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 500}, "description": "words an article of the story holds (at most 16)"},
      "lang": {"name": "lang", "in": "query", "schema": {"type": "string"}},
      "outlet": {"name": "outlet", "in": "query", "schema": {"type": "string"}},
      "from": {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
      "to": {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
      "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
      "format": {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}},
      "story": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^s?[0-9]+$"}}
    },
    "responses": {
      "Error": {"description": "an error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
      "Health": {"type": "object", "required": ["status", "stories", "articles"], "properties": {"status": {"const": "ok"}, "stories": {"type": "integer"}, "articles": {"type": "integer"}}},
      "Days": {"type": ["object", "null"], "required": ["first", "last"], "properties": {"first": {"type": "string"}, "last": {"type": "string"}}},
      "StoryItem": {"type": "object", "required": ["id", "title", "articles", "sources", "copies", "days", "languages"], "properties": {
        "id": {"type": "string", "pattern": "^s[0-9]+$"}, "title": {"type": "string"}, "articles": {"type": "integer"}, "sources": {"type": "integer"}, "copies": {"type": "integer"},
        "days": {"$ref": "#/components/schemas/Days"}, "languages": {"type": "array", "items": {"type": "string"}}}},
      "StoryPage": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/StoryItem"}}, "next": {"type": ["string", "null"]}}},
      "ArticleItem": {"type": "object", "required": ["id", "story", "event", "url", "outlet", "title", "language", "published", "duplicate_of", "flags"], "properties": {
        "id": {"type": "string", "pattern": "^a[0-9]+$"}, "story": {"type": "string", "pattern": "^s[0-9]+$"}, "event": {"type": "integer"}, "url": {"type": "string"}, "outlet": {"type": "string"},
        "title": {"type": "string"}, "language": {"type": "string"}, "published": {"type": ["string", "null"]}, "duplicate_of": {"type": ["string", "null"]}, "flags": {"type": "array", "items": {"type": "string"}}}},
      "ArticleList": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleItem"}}, "next": {"type": ["string", "null"]}}},
      "ClaimItem": {"type": "object", "required": ["claim", "kind", "about", "status", "article", "text", "value", "low", "high", "source", "date_low", "date_high"], "properties": {
        "claim": {"type": "string"}, "kind": {"enum": ["quantity", "date"]}, "about": {"type": "string"}, "status": {"type": "string"}, "article": {"type": "string"}, "text": {"type": "string"},
        "value": {"type": ["number", "null"]}, "low": {"type": ["number", "null"]}, "high": {"type": ["number", "null"]}, "source": {"type": "string"}, "date_low": {"type": ["string", "null"]}, "date_high": {"type": ["string", "null"]}}},
      "ClaimList": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ClaimItem"}}, "next": {"type": ["string", "null"]}}},
      "OutletItem": {"type": "object", "required": ["outlet", "articles", "stories", "copies", "copies_from"], "properties": {"outlet": {"type": "string"}, "articles": {"type": "integer"}, "stories": {"type": "integer"}, "copies": {"type": "integer"}, "copies_from": {"type": "array", "items": {"type": "string"}}}},
      "OutletList": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/OutletItem"}}, "next": {"type": ["string", "null"]}}},
      "FeedItem": {"type": "object", "required": ["id", "url", "title", "every_seconds", "items", "last_poll", "last_success", "failures", "last_error", "next_poll"], "properties": {
        "id": {"type": "integer"}, "url": {"type": "string"}, "title": {"type": "string"}, "every_seconds": {"type": "integer"}, "items": {"type": "integer"},
        "last_poll": {"type": ["string", "null"]}, "last_success": {"type": ["string", "null"]}, "failures": {"type": "integer"}, "last_error": {"type": "string"}, "next_poll": {"type": ["string", "null"]}}},
      "FeedList": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/FeedItem"}}, "next": {"type": ["string", "null"]}}},
      "EntityItem": {"type": "object", "required": ["key", "type", "name", "variants", "stories", "mentions"], "properties": {"key": {"type": "string"}, "type": {"type": "string"}, "name": {"type": "string"}, "variants": {"type": "array", "items": {"type": "string"}}, "stories": {"type": "integer"}, "mentions": {"type": "integer"}}},
      "EntityList": {"type": "object", "required": ["items", "next"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/EntityItem"}}, "next": {"type": ["string", "null"]}}},
      "Entity": {"type": "object", "required": ["key", "type", "name", "variants", "stories"], "properties": {"key": {"type": "string"}, "type": {"type": "string"}, "name": {"type": "string"}, "variants": {"type": "array", "items": {"type": "string"}},
        "stories": {"type": "array", "items": {"type": "object", "required": ["id", "mentions"], "properties": {"id": {"type": "string"}, "mentions": {"type": "integer"}}}}}},
      "ArticleIn": {"type": "object", "properties": {"url": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"}, "published": {"type": ["string", "number"]}, "outlet": {"type": "string"}, "language": {"type": "string"}}},
      "Ingested": {"type": "object", "required": ["items", "errors"], "properties": {
        "items": {"type": "array", "items": {"type": "object", "required": ["id", "story", "added", "duplicate_of", "previous"], "properties": {"id": {"type": "string", "pattern": "^a[0-9]+$"}, "story": {"type": "string", "pattern": "^s[0-9]+$"}, "added": {"type": "boolean"}, "duplicate_of": {"type": ["string", "null"]}, "previous": {"type": ["string", "null"]}}}},
        "errors": {"type": "array", "items": {"type": "object", "required": ["source", "message"], "properties": {"source": {"type": "string"}, "message": {"type": "string"}}}}}},
      "Report": {"type": "object", "required": ["schema", "articles", "stories", "errors"], "properties": {"schema": {"const": "lagebild.report/1"}, "articles": {"type": "array"}, "stories": {"type": "array"}, "errors": {"type": "array"}}}
    }
  }
}
)json";
}

}  // namespace lagebild::serve

#include "report/json_reporter.hpp"

#include "report/json_writer.hpp"

namespace bilint {

namespace {

void put_range(JsonWriter& json, const Position& start, const Position& end, ColumnUnit unit) {
  json.member("line", start.line);
  json.member("column", start.column(unit));
  json.member("end_line", end.line);
  json.member("end_column", end.column(unit));
  json.member("offset", start.offset);
  json.member("end_offset", end.offset);
}

}  // namespace

// The bytes of dumping the whole array with an indent of 2, written a file at a time: a document of
// a million findings as one nlohmann value took about 4 KB a finding. What add() is given of a file
// is "\n  {...}" joined by commas; add() puts the brackets and the commas between its texts.
void JsonReporter::render(const std::vector<Finding>& findings, std::string& out) const {
  // About 620 bytes a finding; reserved, so the text of a file with many findings is not copied as
  // it grows.
  out.reserve(out.size() + findings.size() * 768);
  for (const Finding& f : findings) {
    // `out` holds the file's earlier slices, if any.
    out += out.empty() ? "\n  " : ",\n  ";
    JsonWriter json(out, 1);
    json.begin_object();
    json.member("file", f.location.path);
    put_range(json, f.location.start, f.location.end, options_.column_unit);
    json.member("rule", f.rule_id);
    json.member("severity", to_string(f.severity));
    json.member("message", f.message);
    json.key("fix");
    if (f.fix) {
      json.begin_object();
      json.member("description", f.fix->description);
      json.key("edits");
      json.begin_array();
      for (const ResolvedEdit& edit : f.fix->edits) {
        json.begin_object();
        put_range(json, edit.start, edit.end, options_.column_unit);
        json.member("replacement", edit.replacement);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    } else {
      json.null();
    }
    json.key("related");
    json.begin_array();
    for (const RelatedLocation& related : f.related) {
      json.begin_object();
      json.member("file", related.location.path);
      put_range(json, related.location.start, related.location.end, options_.column_unit);
      json.member("message", related.message);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
}

void JsonReporter::add(std::string_view rendered, const ReportSink& sink) {
  if (rendered.empty()) return;
  sink(any_ ? "," : "[");
  sink(rendered);
  any_ = true;
}

void JsonReporter::finish(const RunStats& /*stats*/, const ReportSink& sink) {
  sink(any_ ? "\n]\n" : "[]\n");
}

}  // namespace bilint

#include "report/json_reporter.hpp"

#include <nlohmann/json.hpp>

namespace bilint {

namespace {

using nlohmann::ordered_json;

void put_range(ordered_json& object, const Position& start, const Position& end, ColumnUnit unit) {
  object["line"] = start.line;
  object["column"] = start.column(unit);
  object["end_line"] = end.line;
  object["end_column"] = end.column(unit);
  object["offset"] = start.offset;
  object["end_offset"] = end.offset;
}

}  // namespace

// The bytes of dumping the whole array with an indent of 2, written a file at a time: a document of
// a million findings as one nlohmann value took about 4 KB a finding. A file's findings are
// "\n  {...}" joined by commas; add() puts the brackets and the commas between files.
std::string JsonReporter::render(const std::vector<Finding>& findings) const {
  std::string out;
  for (const Finding& f : findings) {
    ordered_json item;
    item["file"] = f.location.path;
    put_range(item, f.location.start, f.location.end, options_.column_unit);
    item["rule"] = f.rule_id;
    item["severity"] = to_string(f.severity);
    item["message"] = f.message;
    if (f.fix) {
      ordered_json fix;
      fix["description"] = f.fix->description;
      fix["edits"] = ordered_json::array();
      for (const ResolvedEdit& edit : f.fix->edits) {
        ordered_json e;
        put_range(e, edit.start, edit.end, options_.column_unit);
        e["replacement"] = edit.replacement;
        fix["edits"].push_back(std::move(e));
      }
      item["fix"] = std::move(fix);
    } else {
      item["fix"] = nullptr;
    }
    item["related"] = ordered_json::array();
    for (const RelatedLocation& related : f.related) {
      ordered_json r;
      r["file"] = related.location.path;
      put_range(r, related.location.start, related.location.end, options_.column_unit);
      r["message"] = related.message;
      item["related"].push_back(std::move(r));
    }
    // Invalid UTF-8 in a message or path (taken from the file) is replaced, never an exception.
    const std::string text = item.dump(2, ' ', false, ordered_json::error_handler_t::replace);
    out += out.empty() ? "\n  " : ",\n  ";
    append_indented(out, text, "  ");
  }
  return out;
}

void JsonReporter::add(std::string rendered, const ReportSink& sink) {
  if (rendered.empty()) return;
  sink(any_ ? "," : "[");
  sink(rendered);
  any_ = true;
}

void JsonReporter::finish(const RunStats& /*stats*/, const ReportSink& sink) {
  sink(any_ ? "\n]\n" : "[]\n");
}

}  // namespace bilint

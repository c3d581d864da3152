#include "report/json_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace bilint {

namespace {

// A string as nlohmann writes it without ensure_ascii: quotes, backslashes and C0 controls escaped
// (the usual short forms, else \u00xx), everything else as it is. One pass: invalid UTF-8, rare,
// takes back what was written and leaves the string to nlohmann, whose replacement rules decide
// where each U+FFFD ends, so the bytes stay the same.
void append_string(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const utf8::Decoded d = utf8::decode(text, i);
      if (!d.valid) {
        out.resize(start);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += d.length - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, copied, i - copied);
    copied = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(text, copied);
  out += '"';
}

}  // namespace

void JsonWriter::newline_and_indent(std::size_t levels) {
  out_ += '\n';
  out_.append(2 * levels, ' ');
}

void JsonWriter::next_element() {
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline_and_indent(depth_ + empty_.size());
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
  } else if (!empty_.empty()) {  // else the top value
    next_element();
  }
}

void JsonWriter::key(std::string_view name) {
  next_element();
  append_string(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
}

void JsonWriter::close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) newline_and_indent(depth_ + empty_.size());
  out_ += bracket;
}

void JsonWriter::begin_object() {
  open('{');
}
void JsonWriter::end_object() {
  close('}');
}
void JsonWriter::begin_array() {
  open('[');
}
void JsonWriter::end_array() {
  close(']');
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_string(out_, text);
}

void JsonWriter::value(std::size_t number) {
  before_value();
  const fmt::format_int digits(number);
  out_.append(digits.data(), digits.size());
}

void JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace bilint

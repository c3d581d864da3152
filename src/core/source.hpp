#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.hpp"
#include "core/span.hpp"

namespace bilint {

// What the byte scan of a file found about its encoding. None of it stops the run: rules turn each
// fact into a finding and the rest of the file is checked as usual.
struct EncodingFacts {
  std::vector<Span> invalid_utf8;  // maximal invalid subparts; adjacent ones merged
  std::vector<std::size_t> nul_bytes;
  bool has_bom = false;  // U+FEFF as the first three bytes
  std::size_t crlf_count = 0;
  std::size_t lone_cr_count = 0;
  std::size_t first_crlf = 0;  // offset of the '\r' of the first CRLF, valid when crlf_count > 0
  std::size_t first_lone_cr = 0;
};

// The text of one input, as read: its bytes (never altered), the path it is reported under, its
// line index and encoding facts, all computed in one pass over the bytes.
class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  // Interned (intern_path): it outlives the file.
  [[nodiscard]] std::string_view path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return bytes_; }
  [[nodiscard]] std::string_view slice(Span span) const {
    return std::string_view(bytes_).substr(span.begin, span.size());
  }
  [[nodiscard]] const LineIndex& lines() const { return lines_; }
  [[nodiscard]] const EncodingFacts& encoding() const { return encoding_; }

 private:
  std::string_view path_;
  std::string bytes_;
  LineIndex lines_;
  EncodingFacts encoding_;
};

// True when the bytes look like a binary file rather than text with a few bad bytes: in the first
// 8 KiB, more than one byte in ten is a NUL, another C0 control other than whitespace and ESC, or
// not valid UTF-8 (git looks for any NUL; a digest with one stray NUL should still be linted).
bool looks_binary(std::string_view bytes);

}  // namespace bilint

#include "report/gcc_reporter.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/color.h>
#include <fmt/format.h>

#include "core/ascii.hpp"
#include "core/unicode.hpp"
#include "core/utf8.hpp"

namespace bilint {

namespace {

fmt::text_style severity_style(Severity severity) {
  switch (severity) {
    case Severity::error:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_red);
    case Severity::warning:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_magenta);
    case Severity::note:
      break;
  }
  return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_cyan);
}

// "error:", "warning:", "note:", made once from to_string.
std::string_view severity_label(Severity severity) {
  static const std::array<std::string, 3> labels = [] {
    std::array<std::string, 3> out;
    for (const Severity s : {Severity::note, Severity::warning, Severity::error})
      out[static_cast<std::size_t>(s)] = std::string(to_string(s)) + ":";
    return out;
  }();
  return labels[static_cast<std::size_t>(severity)];
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The source line of a finding, tabs expanded and control and invalid bytes shown as U+FFFD (so
// that the terminal does not act on them), and the caret line beneath it: `^` under the first
// character of the finding and `~` under the rest of it on that line, aligned by display width.
//
// A digest's lines are whole paragraphs with several findings each, and findings come in offset
// order sharing their line's excerpt: the source line is made once for all the findings of a line,
// and widths are measured on from the previous finding's start rather than from the line's start.
class CaretRenderer {
 public:
  struct Lines {
    std::string_view source;
    std::string_view caret;
  };
  Lines render(const Finding& finding) {
    const std::string_view excerpt = finding.excerpt;
    // The findings of a line share its copy, and a short line's findings its excerpt too. A long
    // line is shown as a window around each finding; where the line holds nothing shown otherwise
    // (a tab, a control character, invalid UTF-8), which is found out once for all its findings,
    // each window is shown as it is, without being read through (a digest's paragraphs are such
    // lines, with several findings each).
    const std::string* line = finding.excerpt_text.get();
    if (line == nullptr || line != line_) {
      line_ = line;
      const std::string_view text = line != nullptr ? std::string_view(*line) : excerpt;
      line_as_is_ = finding.excerpt_plain || next_shown_otherwise(text, 0) == text.size();
    }
    if (excerpt.data() != excerpt_.data() || excerpt.size() != excerpt_.size()) {
      excerpt_ = excerpt;
      resume_ = 0;
      resume_column_ = 0;
      if (line_as_is_) {
        source_view_ = excerpt_;
      } else {
        render_source();
        source_view_ = source_;
      }
    }
    const std::size_t start = finding.location.start.offset - finding.excerpt_start;
    const std::size_t end =
        finding.location.end.line == finding.location.start.line
            ? std::min(finding.location.end.offset - finding.excerpt_start, excerpt.size())
            : excerpt.size();
    if (start < resume_) {
      resume_ = 0;
      resume_column_ = 0;
    }
    std::size_t i = resume_;
    std::size_t column = resume_column_;
    while (i < excerpt.size() && i < start)
      advance(i, column);
    resume_ = i;
    resume_column_ = column;
    caret_.assign(column, ' ');
    while (i < excerpt.size() && (i == start || i < end)) {
      const std::size_t at = i;
      const std::size_t width = advance(i, column);
      if (at == start) {
        caret_ += '^';
        if (width > 1) caret_.append(width - 1, end > start ? '~' : ' ');
      } else {
        caret_.append(width, '~');
      }
    }
    if (start >= excerpt.size()) caret_ += '^';
    while (!caret_.empty() && caret_.back() == ' ')
      caret_.pop_back();
    return {source_view_, caret_};
  }

 private:
  // A line is shown as it is unless it holds these (the resolver's Finding::excerpt_plain is
  // judged by the same ascii::is_control and the source's invalid UTF-8).
  static bool printable_ascii(char32_t c) {
    return c < 0x80 && !ascii::is_control(static_cast<char>(c));
  }
  static bool replaced(const utf8::Decoded& d) {
    return !d.valid || (d.code_point < 0x80 && d.code_point != U'\t' &&
                        ascii::is_control(static_cast<char>(d.code_point)));
  }
  static std::size_t width_at(const utf8::Decoded& d, std::size_t column) {
    if (printable_ascii(d.code_point)) return 1;
    if (d.code_point == U'\t') return kTabStop - column % kTabStop;
    if (replaced(d)) return 1;
    return static_cast<std::size_t>(unicode::display_width(d.code_point));
  }

  // The character at `i` of the excerpt, printable ASCII without a call.
  [[nodiscard]] utf8::Decoded at(std::size_t i) const {
    const auto byte = static_cast<unsigned char>(excerpt_[i]);
    if (printable_ascii(byte)) return {byte, 1, true};
    return utf8::decode(excerpt_, i);
  }

  // Steps over the character at `i` of the excerpt; returns its width.
  std::size_t advance(std::size_t& i, std::size_t& column) const {
    if (unicode::wide_ideograph_at(excerpt_, i)) {
      i += 3;
      column += 2;
      return 2;
    }
    const utf8::Decoded d = at(i);
    const std::size_t width = width_at(d, column);
    i += d.length;
    column += width;
    return width;
  }

  // Widths are only needed for expanding tabs, so they are measured only up to each tab.
  void render_source() {
    source_.clear();
    std::size_t copied = 0;  // source_ holds the excerpt up to here
    std::size_t measured = 0;
    std::size_t column = 0;  // of the character at `measured`
    for (std::size_t i = next_shown_otherwise(excerpt_, 0); i < excerpt_.size();
         i = next_shown_otherwise(excerpt_, i)) {
      const utf8::Decoded d = at(i);
      source_.append(excerpt_.substr(copied, i - copied));
      if (d.code_point == U'\t') {
        while (measured < i)
          advance(measured, column);
        source_.append(width_at(d, column), ' ');
      } else {
        utf8::append(source_, utf8::kReplacement);
      }
      i += d.length;
      copied = i;
    }
    source_.append(excerpt_.substr(copied));
  }

  // The first character at or after `i` that is not shown as itself (a tab, a control character
  // or invalid UTF-8), or the excerpt's end. A line is mostly printable ASCII and three-byte
  // characters, which are passed over here without being decoded.
  [[nodiscard]] static std::size_t next_shown_otherwise(std::string_view text, std::size_t i) {
    const std::size_t size = text.size();
    while (i < size) {
      i = unicode::plain_run(text, i, size).end;
      if (i >= size) break;
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        if (!printable_ascii(byte)) return i;
        ++i;
      } else if (utf8::common_three_byte_at(text, i)) {
        i += 3;
      } else {
        const utf8::Decoded d = utf8::decode(text, i);
        if (replaced(d)) return i;
        i += d.length;
      }
    }
    return size;
  }

  const std::string* line_ = nullptr;  // the copy of the line the last finding was on
  bool line_as_is_ = false;            // it holds nothing shown otherwise
  std::string_view excerpt_;
  std::string source_;            // the excerpt as shown, where it is not shown as it is
  std::string_view source_view_;  // the excerpt as shown
  std::string caret_;
  // A character boundary of the excerpt at or before the last finding's start, and its column.
  std::size_t resume_ = 0;
  std::size_t resume_column_ = 0;
};

}  // namespace

GccReporter::GccReporter(ReportOptions options) : options_(std::move(options)) {
  const auto marks = [&](fmt::text_style style) {
    // fmt writes the same escape sequences around every text of a style, so they are taken once
    // from a styled marker byte and written around the text directly: a finding's lines are then
    // appended piece by piece, with no format string to parse for each one.
    if (!options_.color) return StyleMarks{};
    const std::string styled = fmt::format("{}", fmt::styled('\x01', style));
    const std::size_t marker = styled.find('\x01');
    return StyleMarks{styled.substr(0, marker), styled.substr(marker + 1)};
  };
  bold_ = marks(fmt::emphasis::bold);
  caret_ = marks(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green));
  for (const Severity s : {Severity::note, Severity::warning, Severity::error})
    severity_[static_cast<std::size_t>(s)] = marks(severity_style(s));
}

void GccReporter::render(const std::vector<Finding>& findings, std::string& out) const {
  // About 500 bytes a finding with its source and caret lines; reserved, so the text of a file
  // with many findings is not copied as it grows.
  out.reserve(out.size() + findings.size() * 512);
  // Without colour the marks are empty, and appending them still cost a call each, eight a
  // finding.
  const bool color = options_.color;
  const auto styled = [&out, color](const StyleMarks& marks, std::string_view text) {
    if (color) out += marks.open;
    out += text;
    if (color) out += marks.close;
  };
  const auto number = [&out](std::size_t n, std::size_t width = 0) {
    const fmt::format_int digits(n);
    if (digits.size() < width) out.append(width - digits.size(), ' ');
    out.append(digits.data(), digits.size());
  };
  const auto place = [&](const Location& at) {
    if (color) out += bold_.open;
    out += at.path;
    out += ':';
    number(at.start.line);
    out += ':';
    number(at.start.column(options_.column_unit));
    out += ':';
    if (color) out += bold_.close;
    out += ' ';
  };
  std::array<std::size_t, 3> counts{};
  CaretRenderer carets;
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    place(f.location);
    styled(severity_[static_cast<std::size_t>(f.severity)], severity_label(f.severity));
    out += ' ';
    styled(bold_, f.message);
    out += " [";
    out += f.rule_id;
    out += "]\n";
    if (options_.show_source) {
      const CaretRenderer::Lines lines = carets.render(f);
      // Five columns, as GCC, or more for line numbers past 99,999, so the bars stay aligned.
      const std::size_t gutter =
          std::max<std::size_t>(5, fmt::format_int(f.location.start.line).size());
      number(f.location.start.line, gutter);
      out += " | ";
      out += lines.source;
      out += '\n';
      out.append(gutter, ' ');
      out += " | ";
      styled(caret_, lines.caret);
      out += '\n';
    }
    for (const RelatedLocation& related : f.related) {
      place(related.location);
      styled(severity_[static_cast<std::size_t>(Severity::note)], severity_label(Severity::note));
      out += ' ';
      out += related.message;
      out += '\n';
    }
  }
  for (std::size_t s = 0; s < counts.size(); ++s)
    counts_[s] += counts[s];
}

void GccReporter::finish(const RunStats& stats, const ReportSink& sink) {
  if (options_.show_summary) {
    const std::array<std::size_t, 3> counts{counts_[0], counts_[1], counts_[2]};
    const std::size_t total = counts[0] + counts[1] + counts[2];
    std::string tally;
    if (total == 0) {
      tally = "no findings";
    } else {
      std::vector<std::string> parts;
      if (counts[2] != 0) parts.push_back(plural(counts[2], "error"));
      if (counts[1] != 0) parts.push_back(plural(counts[1], "warning"));
      if (counts[0] != 0) parts.push_back(plural(counts[0], "note"));
      tally = fmt::format("{}", fmt::join(parts, ", "));
    }
    sink(fmt::format("{} checked: {}{}\n", plural(stats.files_checked, "file"), tally,
                     stats.files_fixed == 0
                         ? std::string()
                         : fmt::format(" ({} fixed)", plural(stats.files_fixed, "file"))));
  }
}

}  // namespace bilint

#include "parse/inline_scanner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <unicode/uchar.h>

#include "core/ascii.hpp"
#include "core/byte_blocks.hpp"
#include "core/utf8.hpp"

namespace bilint {

namespace {

// cmark_isspace: ASCII whitespace only. A URL runs on through U+3000 and other Unicode spaces.
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// cmark-gfm's is_valid_hostchar: not white space and not punctuation (ASCII punctuation, or a
// Unicode P* category), judged on the code point starting at `i`.
bool is_host_char(std::string_view text, std::size_t i, std::size_t end) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return !is_ascii_space(text[i]) && !is_ascii_punct(text[i]) && c > 0x20;
  const utf8::Decoded d = utf8::decode(text.substr(0, end), i);
  if (!d.valid) return false;
  const auto cp = static_cast<UChar32>(d.code_point);
  if (u_charType(cp) == U_SPACE_SEPARATOR) return false;
  return !u_ispunct(cp);
}

// check_domain of the autolink extension: host characters, '-', '_' and '.', with no '_' in the
// last two labels; returns the length, or 0 when invalid. Without `allow_short` a dot is required.
std::size_t check_domain(std::string_view text, std::size_t begin, std::size_t end,
                         bool allow_short) {
  // As in cmark-gfm, the last byte of the block is not examined (callers guarantee begin < end).
  std::size_t i = begin + 1;
  std::size_t dots = 0;
  std::size_t underscores_before = 0;
  std::size_t underscores = 0;
  for (; i + 1 < end; ++i) {
    const char c = text[i];
    if (c == '_') {
      ++underscores;
    } else if (c == '.') {
      underscores_before = underscores;
      underscores = 0;
      ++dots;
    } else if (c != '-' && !is_host_char(text, i, end)) {
      break;
    }
  }
  if (underscores_before > 0 || underscores > 0) return 0;
  if (!allow_short && dots == 0) return 0;
  return i - begin;
}

// autolink_delim: where a bare link really ends.
std::size_t autolink_end(std::string_view text, std::size_t begin, std::size_t end) {
  const void* lt = std::memchr(text.data() + begin, '<', end - begin);
  if (lt != nullptr) end = static_cast<std::size_t>(static_cast<const char*>(lt) - text.data());
  while (end > begin) {
    const char last = text[end - 1];
    if (std::strchr("?!.,:*_~'\"", last) != nullptr) {
      --end;
    } else if (last == ';') {
      std::size_t k = end - 2;
      while (k > begin && ascii::is_alpha(text[k]))
        --k;
      end = (k < end - 2 && text[k] == '&') ? k : end - 1;
    } else if (last == ')') {
      const auto opening = std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                      text.begin() + static_cast<std::ptrdiff_t>(end), '(');
      const auto closing = std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                      text.begin() + static_cast<std::ptrdiff_t>(end), ')');
      if (closing <= opening) break;
      --end;
    } else {
      break;
    }
  }
  return end;
}

std::size_t run_to_space(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && !is_ascii_space(text[i]))
    ++i;
  return i;
}

// The bytes Scanner::run acts on.
constexpr std::string_view kStartBytes = "\\`<![]:w";
constexpr std::array<bool, 256> kStarts = [] {
  std::array<bool, 256> starts{};
  for (const char c : kStartBytes)
    starts[static_cast<unsigned char>(c)] = true;
  return starts;
}();

// Where the next byte of kStarts is in text[i, end), or end. Sixteen bytes at a time where SSE2 is
// there: a digest's summaries are Chinese, where these ASCII bytes are rare, and a byte at a time
// was most of the parser's cost (80 of 168 million instructions on the bench corpus).
std::size_t next_start(std::string_view text, std::size_t i, std::size_t end) {
  const char* const data = text.data();
#if defined(__SSE2__)
  using namespace byte_blocks;
  for (; i + 16 <= end; i += 16) {
    const __m128i b = load(data + i);
    __m128i any = _mm_setzero_si128();
    for (const char c : kStartBytes)
      any = _mm_or_si128(any, _mm_cmpeq_epi8(b, _mm_set1_epi8(c)));
    const unsigned found = mask(any);
    if (found != 0) return i + static_cast<unsigned>(std::countr_zero(found));
  }
#endif
  while (i < end && !kStarts[static_cast<unsigned char>(data[i])])
    ++i;
  return i;
}

class Scanner {
 public:
  Scanner(std::string_view text, Span block, std::vector<InlineNode>& out)
      : text_(text), begin_(block.begin), end_(block.end), out_(out), first_(out.size()) {
    openers_.clear();
  }

  void run() {
    std::size_t i = begin_;
    while (i < end_) {
      // Most bytes start nothing.
      i = next_start(text_, i, end_);
      if (i == end_) break;
      const char c = text_[i];
      switch (c) {
        case '\\':
          i += (i + 1 < end_ && is_ascii_punct(text_[i + 1])) ? 2 : 1;
          break;
        case '`':
          i = code_span(i);
          break;
        case '<':
          i = angle(i);
          break;
        case '!':
          if (i + 1 < end_ && text_[i + 1] == '[') {
            openers_.push_back({i, true, true});
            i += 2;
          } else {
            ++i;
          }
          break;
        case '[':
          openers_.push_back({i, false, true});
          ++i;
          break;
        case ']':
          i = close_bracket(i);
          break;
        case ':':
          i = openers_.empty() ? url(i) : i + 1;
          break;
        case 'w':
          i = openers_.empty() ? www(i) : i + 1;
          break;
        default:
          ++i;
      }
    }
    emails();
  }

 private:
  struct Opener {
    std::size_t at;
    bool image;
    bool active;
  };

  void add(InlineKind kind, Span span, Span text, Span destination) {
    out_.push_back({kind, span, text, destination});
  }

  std::size_t code_span(std::size_t i) {
    std::size_t n = 0;
    while (i + n < end_ && text_[i + n] == '`')
      ++n;
    for (std::size_t j = i + n; j < end_;) {
      if (text_[j] != '`') {
        ++j;
        continue;
      }
      std::size_t m = 0;
      while (j + m < end_ && text_[j + m] == '`')
        ++m;
      if (m == n) {
        add(InlineKind::code_span, {i, j + m}, {i + n, j}, {});
        return j + m;
      }
      j += m;
    }
    return i + n;  // no closer: the backticks are literal
  }

  std::size_t angle(std::size_t i) {
    // URI autolink: <scheme:...> with a scheme of 2-32 characters.
    std::size_t j = i + 1;
    if (j < end_ && ascii::is_alpha(text_[j])) {
      std::size_t k = j + 1;
      while (k < end_ && k - j < 33 &&
             (ascii::is_alnum(text_[k]) || text_[k] == '+' || text_[k] == '.' || text_[k] == '-')) {
        ++k;
      }
      if (k < end_ && text_[k] == ':' && k - j >= 2 && k - j <= 32) {
        std::size_t e = k + 1;
        while (e < end_ && text_[e] != '>' && text_[e] != '<' &&
               static_cast<unsigned char>(text_[e]) > 0x20) {
          ++e;
        }
        if (e < end_ && text_[e] == '>') {
          add(InlineKind::autolink, {i, e + 1}, {j, e}, {j, e});
          return e + 1;
        }
      }
    }
    // E-mail autolink: <local@domain>.
    {
      std::size_t e = j;
      while (e < end_ &&
             (ascii::is_alnum(text_[e]) || std::strchr(".!#$%&'*+/=?^_`{|}~-", text_[e]))) {
        ++e;
      }
      if (e > j && e < end_ && text_[e] == '@') {
        std::size_t d = e + 1;
        while (d < end_ && (ascii::is_alnum(text_[d]) || text_[d] == '-' || text_[d] == '.'))
          ++d;
        if (d > e + 1 && d < end_ && text_[d] == '>') {
          add(InlineKind::autolink, {i, d + 1}, {j, d}, {j, d});
          return d + 1;
        }
      }
    }
    // Raw HTML: a comment, a closing tag or an opening tag.
    if (text_.substr(j, 3) == "!--") {
      const std::size_t close = text_.find("-->", j + 3);
      if (close != std::string_view::npos && close + 3 <= end_) {
        add(InlineKind::html, {i, close + 3}, {}, {});
        return close + 3;
      }
    }
    std::size_t t = j < end_ && text_[j] == '/' ? j + 1 : j;
    if (t < end_ && ascii::is_alpha(text_[t])) {
      while (t < end_ && (ascii::is_alnum(text_[t]) || text_[t] == '-'))
        ++t;
      if (t < end_ && (text_[t] == '>' || text_[t] == '/' || is_ascii_space(text_[t]))) {
        std::size_t e = t;
        char quote = 0;
        while (e < end_ && (quote != 0 || (text_[e] != '>' && text_[e] != '<'))) {
          if (quote != 0 && text_[e] == quote) {
            quote = 0;
          } else if (quote == 0 && (text_[e] == '"' || text_[e] == '\'')) {
            quote = text_[e];
          }
          ++e;
        }
        if (e < end_ && text_[e] == '>') {
          add(InlineKind::html, {i, e + 1}, {}, {});
          return e + 1;
        }
      }
    }
    return i + 1;
  }

  std::size_t skip_spaces(std::size_t i) const {
    bool newline = false;
    while (i < end_ &&
           (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) {
      if (text_[i] == '\n') {
        if (newline) return i;
        newline = true;
      }
      ++i;
    }
    return i;
  }

  // After `]`: an inline link `(destination "title")`, or literal text.
  std::size_t close_bracket(std::size_t i) {
    if (openers_.empty()) return i + 1;
    const Opener opener = openers_.back();
    openers_.pop_back();
    if (!opener.active || i + 1 >= end_ || text_[i + 1] != '(') return i + 1;
    std::size_t j = skip_spaces(i + 2);
    Span destination{j, j};
    if (j < end_ && text_[j] == '<') {
      std::size_t e = j + 1;
      while (e < end_ && text_[e] != '>' && text_[e] != '<' && text_[e] != '\n') {
        e += (text_[e] == '\\' && e + 1 < end_) ? 2 : 1;
      }
      if (e >= end_ || text_[e] != '>') return i + 1;
      destination = {j + 1, e};
      j = e + 1;
    } else {
      int depth = 0;
      std::size_t e = j;
      while (e<end_&& static_cast<unsigned char>(text_[e])> 0x20) {
        if (text_[e] == '\\' && e + 1 < end_ && is_ascii_punct(text_[e + 1])) {
          e += 2;
          continue;
        }
        if (text_[e] == '(') ++depth;
        if (text_[e] == ')') {
          if (depth == 0) break;
          --depth;
        }
        ++e;
      }
      if (depth != 0) return i + 1;
      destination = {j, e};
      j = e;
    }
    std::size_t k = skip_spaces(j);
    if (k < end_ && k > j && (text_[k] == '"' || text_[k] == '\'' || text_[k] == '(')) {
      const char close = text_[k] == '(' ? ')' : text_[k];
      std::size_t e = k + 1;
      while (e < end_ && text_[e] != close)
        e += (text_[e] == '\\' && e + 1 < end_) ? 2 : 1;
      if (e >= end_) return i + 1;
      k = skip_spaces(e + 1);
    }
    if (k >= end_ || text_[k] != ')') return i + 1;
    const std::size_t text_begin = opener.at + (opener.image ? 2 : 1);
    // Nodes found inside the link text stay; the link itself is placed before them.
    const auto position =
        std::find_if(out_.begin() + static_cast<std::ptrdiff_t>(first_), out_.end(),
                     [&](const InlineNode& n) { return n.span.begin > opener.at; });
    out_.insert(position, InlineNode{opener.image ? InlineKind::image : InlineKind::link,
                                     {opener.at, k + 1},
                                     {text_begin, i},
                                     destination});
    if (!opener.image) {
      for (Opener& o : openers_) {
        if (!o.image) o.active = false;  // links may not contain links
      }
    }
    return k + 1;
  }

  // url_match: at ':' of "http://", "https://" or "ftp://", whatever letters stand before it.
  std::size_t url(std::size_t colon) {
    if (colon + 3 > end_ || text_[colon + 1] != '/' || text_[colon + 2] != '/') return colon + 1;
    std::size_t start = colon;
    while (start > begin_ && ascii::is_alpha(text_[start - 1]))
      --start;
    const std::string_view scheme = text_.substr(start, colon - start);
    const auto equals = [&](std::string_view expected) {
      return scheme.size() == expected.size() &&
             std::equal(scheme.begin(), scheme.end(), expected.begin(),
                        [](char a, char b) { return (a | 0x20) == b; });
    };
    if (!equals("http") && !equals("https") && !equals("ftp")) return colon + 1;
    const std::size_t host = colon + 3;
    if (host >= end_ || !is_host_char(text_, host, end_)) return colon + 1;
    const std::size_t domain = check_domain(text_, host, end_, true);
    if (domain == 0) return colon + 1;
    const std::size_t stop = autolink_end(text_, start, run_to_space(text_, host + domain, end_));
    if (stop <= start) return colon + 1;
    add(InlineKind::url, {start, stop}, {start, stop}, {start, stop});
    return stop;
  }

  // www_match: "www." after white space, the start of the block, or one of * _ ~ (.
  std::size_t www(std::size_t i) {
    if (i > begin_ && std::strchr("*_~(", text_[i - 1]) == nullptr &&
        !is_ascii_space(text_[i - 1])) {
      return i + 1;
    }
    if (text_.substr(i, 4) != "www." || i + 4 > end_) return i + 1;
    const std::size_t domain = check_domain(text_, i, end_, false);
    if (domain == 0) return i + 1;
    const std::size_t stop = autolink_end(text_, i, run_to_space(text_, i + domain, end_));
    if (stop <= i) return i + 1;
    add(InlineKind::www, {i, stop}, {i, stop}, {i, stop});
    return stop;
  }

  // The extension finds e-mail addresses afterwards, in the text left between other nodes (and not
  // in link text).
  void emails() {
    std::vector<InlineNode> found;
    std::size_t at = begin_;
    const std::size_t nodes = out_.size();
    for (std::size_t n = first_; n < nodes; ++n) {
      const Span s = out_[n].span;
      if (s.begin < at) continue;  // inside a link's text
      email_in({at, s.begin}, found);
      at = s.end;
    }
    email_in({at, end_}, found);
    if (found.empty()) return;
    out_.insert(out_.end(), found.begin(), found.end());
    std::sort(out_.begin() + static_cast<std::ptrdiff_t>(first_), out_.end(),
              [](const InlineNode& a, const InlineNode& b) { return a.span.begin < b.span.begin; });
  }

  void email_in(Span gap, std::vector<InlineNode>& found) {
    std::size_t from = gap.begin;
    while (from < gap.end) {
      const void* hit = std::memchr(text_.data() + from, '@', gap.end - from);
      if (hit == nullptr) return;
      const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
      std::size_t start = at;
      while (start > from && (ascii::is_alnum(text_[start - 1]) ||
                              std::strchr(".+-_", text_[start - 1]) != nullptr)) {
        --start;
      }
      std::size_t e = at;
      int ats = 0;
      int dots = 0;
      for (; e < gap.end; ++e) {
        const char c = text_[e];
        if (ascii::is_alnum(c)) continue;
        if (c == '@') {
          ++ats;
        } else if (c == '.' && e + 1 < gap.end && ascii::is_alnum(text_[e + 1])) {
          ++dots;
        } else if (c != '-' && c != '_') {
          break;
        }
      }
      const std::size_t length = e - at;
      if (start == at || length < 2 || ats != 1 || dots == 0 ||
          (!ascii::is_alpha(text_[e - 1]) && text_[e - 1] != '.')) {
        from = at + 1;
        continue;
      }
      const std::size_t stop = autolink_end(text_, at, e);
      if (stop <= at) {
        from = at + 1;
        continue;
      }
      found.push_back({InlineKind::email, {start, stop}, {start, stop}, {start, stop}});
      from = stop;
    }
  }

  std::string_view text_;
  std::size_t begin_;
  std::size_t end_;
  std::vector<InlineNode>& out_;
  std::size_t first_;
  // The open brackets: the thread's, emptied for each block and kept for the next, where a vector
  // of the scanner's own allocated for each block with a link.
  static thread_local std::vector<Opener> openers_;
};

thread_local std::vector<Scanner::Opener> Scanner::openers_;

}  // namespace

void scan_inlines(std::string_view text, Span block, std::vector<InlineNode>& out) {
  Scanner(text, block, out).run();
}

std::string link_target(std::string_view text, const InlineNode& node) {
  const std::string destination(text.substr(node.destination.begin, node.destination.size()));
  switch (node.kind) {
    case InlineKind::www:
      return "http://" + destination;
    case InlineKind::email:
      return "mailto:" + destination;
    case InlineKind::autolink:
      return destination.find(':') == std::string::npos ||
                     destination.find('@') < destination.find(':')
                 ? "mailto:" + destination
                 : destination;
    default:
      return destination;
  }
}

void scan_math(std::string_view text, Span block, std::span<const InlineNode> inlines,
               std::vector<Span>& out) {
  const auto in_code = [&](std::size_t at) {
    return std::any_of(inlines.begin(), inlines.end(), [&](const InlineNode& n) {
      return n.kind == InlineKind::code_span && n.span.contains(at);
    });
  };
  std::size_t i = block.begin;
  while (i < block.end) {
    const void* hit = std::memchr(text.data() + i, '$', block.end - i);
    if (hit == nullptr) return;
    std::size_t open = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if ((open > block.begin && text[open - 1] == '\\') || in_code(open)) {
      i = open + 1;
      continue;
    }
    const std::size_t width = (open + 1 < block.end && text[open + 1] == '$') ? 2 : 1;
    const std::size_t content = open + width;
    if (content >= block.end || is_ascii_space(text[content])) {
      i = content;
      continue;
    }
    const std::string_view fence = width == 2 ? "$$" : "$";
    std::size_t close = text.find(fence, content);
    while (close != std::string_view::npos && close < block.end && text[close - 1] == '\\') {
      close = text.find(fence, close + 1);
    }
    if (close == std::string_view::npos || close >= block.end || is_ascii_space(text[close - 1]) ||
        close == content) {
      i = content;
      continue;
    }
    out.push_back({open, close + width});
    i = close + width;
  }
}

}  // namespace bilint

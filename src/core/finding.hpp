#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/line_index.hpp"

namespace bilint {

struct ResolvedEdit {
  Position start;
  Position end;
  std::string replacement;
};

struct ResolvedFix {
  std::string description;
  std::vector<ResolvedEdit> edits;
};

// A diagnostic resolved against its file: positions in every column unit and an excerpt of the
// source line, so that reporters need neither the rule nor the file.
struct Finding {
  std::string_view rule_id;  // interned (intern_rule_id)
  Severity severity = Severity::warning;
  Location location;
  Message message;
  // The line of location.start as reporters show it (at most a window of it around the finding,
  // for very long lines): the bytes of the file from excerpt_start on. It lies in excerpt_text, a
  // copy of the line that the findings of the line share (of the window alone, for a line too long
  // to copy whole).
  std::string_view excerpt;
  std::size_t excerpt_start = 0;
  std::shared_ptr<const std::string> excerpt_text;  // keeps `excerpt` alive
  // Known to hold no tab, other control character or invalid UTF-8, so that it is shown as it is
  // (false: not known, reporters look).
  bool excerpt_plain = false;
  std::optional<ResolvedFix> fix;
  std::vector<RelatedLocation> related;
  // What identifies the finding apart from its position: a hash of the entry it is in (arXiv id, or
  // English title) and the flagged text. With the rule id and an occurrence number it makes the
  // fingerprint (see assign_fingerprints), which survives edits elsewhere in the file.
  std::uint64_t content_hash = 0;
  std::uint64_t fingerprint = 0;  // written as fingerprint_text()
};

// What of a finding is made besides its place, severity, message and excerpt. A run whose report
// shows neither (the compiler-style and GitHub formats) and that keeps no baseline leaves both out:
// resolving fixes' edits and counting fingerprints took 7% of a run with every rule on the bench
// corpus, whose 129,000 findings nearly all carry a fix.
struct FindingParts {
  bool fixes = true;         // Finding::fix; else never set
  bool fingerprints = true;  // Finding::content_hash and fingerprint; else 0
};

// 64-bit FNV-1a: small, stable across platforms and releases, which fingerprints need.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

// A fingerprint as baselines and SARIF's partialFingerprints write it: 16 lowercase hex digits.
std::string fingerprint_text(std::uint64_t fingerprint);

// Fills Finding::fingerprint for the findings of one file, in output order, a slice at a time: rule
// id, content hash and the number of earlier findings of the file with the same rule and content.
class FingerprintCounter {
 public:
  // `findings`: how many the file has, for the table to be sized once rather than grown (it grows
  // if there are more).
  explicit FingerprintCounter(std::size_t findings);
  void assign(std::span<Finding> findings);

 private:
  // Open addressing with linear probing, at most three quarters full: a finding costs one probe,
  // mostly one cache line, where std::unordered_map cost a bucket and a node, two cache misses in
  // a table of 100,000 findings (3% of a run with every rule on the bench corpus). Rule ids are
  // interned, so the id's address stands for it.
  struct Slot {
    const char* rule = nullptr;  // nullptr: empty
    std::uint64_t content = 0;
    std::uint64_t count = 0;
  };
  // The slot of the key: where it is, or the empty slot where it goes.
  Slot& slot(const char* rule, std::uint64_t content);
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
  // The hash of the rule id of the last finding, for the next (findings come grouped by rule
  // often enough, and the id's FNV-1a is a loop over its bytes).
  const char* hashed_rule_ = nullptr;
  std::uint64_t rule_hash_ = 0;
};

// Orders findings by file, line, column, rule, then message: the output order, which must not
// depend on the order in which files or rules ran.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace bilint

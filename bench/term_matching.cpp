// Glossary matching throughput: the per-byte cost of finding every glossary term in a digest, for
// glossaries of different sizes, on the same input. Reports bytes/s for CompiledGlossary::find over
// every entry (titles and summaries), apart from parsing and from reporting findings.
//
//   bilint_bench_terms [--once] INPUT.md GLOSSARY.yaml[+MORE.yaml]...   (Google Benchmark flags
//   accepted)
//
// --once: one pass over the input per glossary, for counting its instructions, cache misses and
// mispredicts under callgrind (bench/counts.sh), which, unlike time, do not move with the host.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/glossary_loading.hpp"
#include "engine/inputs.hpp"
#include "parse/digest_parser.hpp"

namespace {

using namespace bilint;

std::unique_ptr<SourceFile> g_source;
std::unique_ptr<Document> g_document;

void match_all(benchmark::State& state, std::shared_ptr<const CompiledGlossary> glossary) {
  std::size_t hits = 0;
  for (auto _ : state) {
    for (const Entry& entry : g_document->entries) {
      const EntryTermHits found = glossary->find(*g_document, entry);
      hits += found.english_title.size() + found.chinese_title.size() + found.summary.size();
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_source->text().size()));
  state.counters["terms"] = static_cast<double>(glossary->glossary().terms().size());
  state.counters["hits/iter"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const bool once = argc > 1 && std::string_view(argv[1]) == "--once";
  if (once) {
    --argc;
    ++argv;
  }
  if (argc < 3) {
    std::fputs("usage: bilint_bench_terms [--once] INPUT.md GLOSSARY.yaml...\n", stderr);
    return 2;
  }
  std::string error;
  auto text = read_file(argv[1], error);
  if (!text) {
    std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str());
    return 2;
  }
  g_source = std::make_unique<SourceFile>(argv[1], std::move(*text));
  g_document = std::make_unique<Document>(parse_digest(*g_source));
  for (int i = 2; i < argc; ++i) {
    // "a.yaml+b.yaml" merges glossaries, as repeated --glossary options do.
    std::vector<std::string> files;
    const std::string spec = argv[i];
    for (std::size_t start = 0; start <= spec.size();) {
      const std::size_t plus = std::min(spec.find('+', start), spec.size());
      files.push_back(spec.substr(start, plus - start));
      start = plus + 1;
    }
    auto glossary = load_glossaries(files);
    auto* benchmark =
        benchmark::RegisterBenchmark(argv[i], match_all, glossary)->Unit(benchmark::kMillisecond);
    if (once) {
      benchmark->Iterations(1);
    } else {
      benchmark->MinTime(2.0);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

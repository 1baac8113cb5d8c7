// `alam stats`: what the gazetteer holds.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "alam/extractor.h"
#include "cli/commands.h"

namespace alam::cli {

int Stats(const Args& a) {
  const auto t0 = std::chrono::steady_clock::now();
  auto ex = Extractor::Create(a.ex);
  if (!ex.ok()) {
    std::cerr << "alam: " << ex.status().message() << "\n";
    return 2;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const GazetteerStats& s = (*ex)->stats();
  std::printf("entries\t%zu\naliases\t%zu\nambiguous_aliases\t%zu\nrules\t%zu\ntriggers\t%zu\n"
              "compile_seconds\t%.3f\n\n",
              s.entries, s.aliases, s.ambiguous_aliases, s.rules, s.triggers, secs);
  std::printf("type\tsubtype\tcountry\tentries\taliases\twith_coordinates\tapproximate\t"
              "with_wikidata\n");
  for (const auto& r : s.rows) {
    std::printf("%s\t%s\t%s\t%zu\t%zu\t%zu\t%zu\t%zu\n", r.type.c_str(), r.subtype.c_str(),
                r.country.c_str(), r.entries, r.aliases, r.with_coordinates, r.approximate,
                r.with_wikidata);
  }
  return 0;
}

}  // namespace alam::cli

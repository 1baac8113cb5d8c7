// Built by the packaging tests with `pkg-config --cflags --libs alam-cpp` against an installed
// libalam: the C++ interface, whose headers need Abseil.
#include <iostream>
#include <string>
#include <vector>

#include "alam/extractor.h"

int main() {
  auto ex = alam::Extractor::Create();
  if (!ex.ok()) {
    std::cerr << "use_cpp: " << ex.status() << "\n";
    return 1;
  }
  auto scratch = (*ex)->NewScratch();
  std::vector<alam::Entity> entities;
  absl::Status s = (*ex)->Extract("قصفت الطائرات مدينة الرقة", scratch.get(), &entities);
  if (!s.ok()) {
    std::cerr << "use_cpp: " << s << "\n";
    return 1;
  }
  for (const alam::Entity& e : entities) std::cout << "  " << e.id << "\n";
  return entities.empty() ? 1 : 0;
}

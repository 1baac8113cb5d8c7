// C++ consumer of the installed package.
#include <iostream>

#include "alam/extractor.h"

int main() {
  auto ex = alam::Extractor::Create();
  if (!ex.ok()) {
    std::cerr << ex.status() << "\n";
    return 1;
  }
  auto es = (*ex)->Extract("سيطرت قوات سوريا الديمقراطية على الرقة");
  if (!es.ok()) return 1;
  for (const alam::Entity& e : *es) {
    std::cout << alam::EntityTypeName(e.type) << " " << e.text << " " << e.id << "\n";
  }
  return es->size() == 2 ? 0 : 1;
}

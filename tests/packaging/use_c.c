/* Built by the packaging tests with `pkg-config --cflags --libs alam` against an installed
 * libalam: extracts one sentence and prints its entities. */
#include <stdio.h>
#include <string.h>

#include "alam/alam.h"

int main(void) {
  static const char text[] = "سيطرت قوات سوريا الديمقراطية على حي المشلب في الرقة";
  alam_extractor* ex = NULL;
  alam_scratch* sc = NULL;
  const alam_entity_t* es = NULL;
  size_t n = 0;
  if (alam_extractor_new(NULL, &ex) != ALAM_OK || alam_scratch_new(ex, &sc) != ALAM_OK ||
      alam_extract(ex, sc, text, strlen(text), &es, &n) != ALAM_OK) {
    fprintf(stderr, "use_c: %s\n", alam_last_error());
    return 1;
  }
  printf("libalam %s: %zu entities\n", alam_version_string(), n);
  for (size_t i = 0; i < n; ++i) printf("  %s %s\n", es[i].type_name, es[i].id);
  alam_scratch_free(sc);
  alam_extractor_free(ex);
  return n >= 2 ? 0 : 1;
}

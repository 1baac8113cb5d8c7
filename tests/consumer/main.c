/* C consumer of the installed package. */
#include <stdio.h>
#include <string.h>

#include "alam/alam.h"

int main(void) {
  alam_extractor* ex = NULL;
  alam_scratch* scratch = NULL;
  const alam_entity_t* es = NULL;
  size_t n = 0;
  const char* text = "وصل بوتين إلى دمشق";
  if (alam_extractor_new(NULL, &ex) != ALAM_OK || alam_scratch_new(ex, &scratch) != ALAM_OK) {
    fprintf(stderr, "%s\n", alam_last_error());
    return 1;
  }
  if (alam_extract(ex, scratch, text, strlen(text), &es, &n) != ALAM_OK) return 1;
  for (size_t i = 0; i < n; ++i) {  /* step by the library's element size */
    const alam_entity_t* e = alam_entity_at(es, i);
    printf("%s %.*s %s\n", e->type_name, (int)(e->byte_end - e->byte_start),
           text + e->byte_start, e->id);
  }
  alam_entry_t entry;
  ALAM_STRUCT_INIT(&entry);
  if (n == 0 || alam_extractor_entry(ex, es[0].id, &entry) != ALAM_OK ||
      !ALAM_HAS_FIELD(&entry, alam_entry_t, name_en)) {
    fprintf(stderr, "entry: %s\n", alam_last_error());
    return 1;
  }
  printf("%s = %s\n", entry.id, entry.name_en);
  alam_scratch_free(scratch);
  alam_extractor_free(ex);
  printf("alam %s\n", alam_version_string());
  return n == 2 ? 0 : 1;
}

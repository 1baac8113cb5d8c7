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
  for (size_t i = 0; i < n; ++i) {
    printf("%s %.*s %s\n", es[i].type_name, (int)(es[i].byte_end - es[i].byte_start),
           text + es[i].byte_start, es[i].id);
  }
  alam_scratch_free(scratch);
  alam_extractor_free(ex);
  printf("alam %s\n", alam_version_string());
  return n == 2 ? 0 : 1;
}

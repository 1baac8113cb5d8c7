// alam/export.h — symbol visibility for the shared library. The library is built with hidden
// visibility; only what is marked ALAM_EXPORT (the C++ API and the alam_* C functions) is
// exported.
#ifndef ALAM_EXPORT_H_
#define ALAM_EXPORT_H_

#if defined(_WIN32)
#define ALAM_EXPORT
#else
#define ALAM_EXPORT __attribute__((visibility("default")))
#endif

#endif  // ALAM_EXPORT_H_

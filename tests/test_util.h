// Test helpers: temporary data files and small builders.
#ifndef ALAM_TESTS_TEST_UTIL_H_
#define ALAM_TESTS_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"

namespace alam::testing {

// A directory under TMPDIR removed at destruction.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base ? base : "/tmp") + "/alam_test_XXXXXX";
    char* made = mkdtemp(tmpl.data());
    if (made != nullptr) path_ = made;
  }
  ~TempDir() {
    if (!path_.empty()) {
      const std::string cmd = "rm -rf '" + path_ + "'";
      (void)!std::system(cmd.c_str());
    }
  }
  // Writes `content` to a file named `name` in the directory; returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace alam::testing

#endif  // ALAM_TESTS_TEST_UTIL_H_

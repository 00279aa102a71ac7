// Finishing or undoing corpus file changes that a crash (SIGKILL, power loss) left
// staged. An edit stages its file change (CorpusFileChange, corpus_files.h), commits the
// index, then puts the file in place; killed in between, the staged file is still there
// under a hidden name. The index decides which side of its commit the edit was on: when
// the staged content is what the index now holds, the commit happened and the file
// change is finished; otherwise the edit never reached the index (it was not
// acknowledged) and the change is undone. Running it twice is harmless.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wiedza {

class IndexEditor;

// The text the index implies for a corpus file ("articles/<id>.json", "units.json",
// "categories.json"), or nullopt when the index says it should not exist.
using ExpectedFileText = std::function<std::optional<std::string>(const std::string& relative_path)>;

struct RecoveredChange {
  std::string relative_path;   // the file the change was for, e.g. "articles/meldunek.json"
  bool removal = false;        // a staged deletion (else a staged write)
  bool finished = false;       // true: completed as the index says; false: undone
  std::string staged_content;  // the staged text (for a removal: the file as it was)
};

// Scans `corpus_dir` and its articles/ for staged changes and resolves each one.
// `before_change` is called before a file is touched, so a caller can record the change
// first (a crash right after then repeats it, never loses it). Throws
// std::runtime_error naming the file when a rename or removal fails.
std::vector<RecoveredChange> recover_corpus_files(
    const std::filesystem::path& corpus_dir, const ExpectedFileText& expected,
    const std::function<void(const RecoveredChange&)>& before_change = {});

// What `index` holds, as corpus file texts written the way edits write them.
ExpectedFileText expected_from_index(const IndexEditor& index);

}  // namespace wiedza

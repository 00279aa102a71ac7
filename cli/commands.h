// The `wiedza` subcommands. Each register_* function adds one subcommand to the app and
// sets the exit code through `exit_code` when it runs.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace wiedza::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 1;  // some input was invalid (reported), the rest was processed
inline constexpr int kExitFailure = 2;       // nothing was done: unusable corpus, locked or missing database

// Opens a database for searching with "NAME=VALUE" ranking overrides; prints the error
// and returns null when the database or an override is unusable.
std::unique_ptr<Searcher> open_searcher(const std::string& db_path, const std::vector<std::string>& ranking);

void register_index_command(CLI::App& app, int& exit_code);
void register_search_command(CLI::App& app, int& exit_code);
void register_analyze_command(CLI::App& app, int& exit_code);
void register_eval_command(CLI::App& app, int& exit_code);
void register_serve_command(CLI::App& app, int& exit_code);
void register_report_command(CLI::App& app, int& exit_code);

}  // namespace wiedza::cli

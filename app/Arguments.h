// A small command-line option parser with generated --help and clear usage errors.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace neurite::cli {

// A bad argument: the message says which and why; commands exit with status 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

struct OptionSpec {
    std::string name;      // "epochs" for --epochs
    std::string valueName; // "N"; empty for a flag
    std::string help;
};

class Arguments {
public:
    Arguments(std::string usage, std::string description, std::vector<OptionSpec> options,
              std::size_t minPositional = 0, std::size_t maxPositional = 0);

    // Throws UsageError for unknown options, missing values and a wrong number of positional arguments.
    void parse(const std::vector<std::string>& args);
    bool helpRequested() const { return m_help; }
    std::string helpText() const;

    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    std::string text(const std::string& name, const std::string& fallback = {}) const;
    // Every value given for an option that may repeat (--column a=numeric --column b=ignored), in order.
    std::vector<std::string> all(const std::string& name) const;
    // Numbers are checked: "--epochs abc" or "--epochs 0" (below `minimum`) throws UsageError naming --epochs.
    long integer(const std::string& name, long fallback, long minimum, long maximum) const;
    double real(const std::string& name, double fallback, double minimum, double maximum) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    const OptionSpec* find(const std::string& name) const;

    std::string m_usage, m_description;
    std::vector<OptionSpec> m_options;
    std::size_t m_minPositional, m_maxPositional;
    std::map<std::string, std::string> m_values; // the last value of each option
    std::map<std::string, std::vector<std::string>> m_lists;
    std::vector<std::string> m_positional;
    bool m_help = false;
};

} // namespace neurite::cli

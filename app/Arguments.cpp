// Option parsing: --name value, --name=value and flags; everything else is positional.
#include "Arguments.h"

#include <cmath>
#include <sstream>

namespace neurite::cli {

Arguments::Arguments(std::string usage, std::string description, std::vector<OptionSpec> options,
                     std::size_t minPositional, std::size_t maxPositional)
    : m_usage(std::move(usage)), m_description(std::move(description)), m_options(std::move(options)),
      m_minPositional(minPositional), m_maxPositional(maxPositional)
{
}

const OptionSpec* Arguments::find(const std::string& name) const
{
    for (const OptionSpec& o : m_options)
        if (o.name == name)
            return &o;
    return nullptr;
}

void Arguments::parse(const std::vector<std::string>& args)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            m_help = true;
            return;
        }
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2), value;
        const bool inlineValue = name.find('=') != std::string::npos;
        if (inlineValue) {
            value = name.substr(name.find('=') + 1);
            name = name.substr(0, name.find('='));
        }
        const OptionSpec* option = find(name);
        if (!option)
            throw UsageError("unknown option --" + name + " (see --help)");
        if (option->valueName.empty()) {
            if (inlineValue)
                throw UsageError("--" + name + " takes no value");
            m_values[name] = "1";
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError("--" + name + " needs a value (" + option->valueName + ")");
            value = args[++i];
        }
        m_values[name] = value;
        m_lists[name].push_back(value);
    }
    if (m_positional.size() < m_minPositional)
        throw UsageError("missing argument; usage: " + m_usage);
    if (m_positional.size() > m_maxPositional)
        throw UsageError("unexpected argument '" + m_positional[m_maxPositional] + "'; usage: " + m_usage);
}

std::string Arguments::text(const std::string& name, const std::string& fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::vector<std::string> Arguments::all(const std::string& name) const
{
    const auto it = m_lists.find(name);
    return it == m_lists.end() ? std::vector<std::string>{} : it->second;
}

long Arguments::integer(const std::string& name, long fallback, long minimum, long maximum) const
{
    if (!has(name))
        return fallback;
    const std::string value = text(name);
    std::size_t used = 0;
    long result = 0;
    try {
        result = std::stol(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || value.empty())
        throw UsageError("--" + name + " expects a whole number, not '" + value + "'");
    if (result < minimum || result > maximum)
        throw UsageError("--" + name + " must be between " + std::to_string(minimum) + " and " +
                         std::to_string(maximum) + " (got " + value + ")");
    return result;
}

double Arguments::real(const std::string& name, double fallback, double minimum, double maximum) const
{
    if (!has(name))
        return fallback;
    const std::string value = text(name);
    std::size_t used = 0;
    double result = 0;
    try {
        result = std::stod(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || value.empty() || !std::isfinite(result))
        throw UsageError("--" + name + " expects a number, not '" + value + "'");
    if (result < minimum || result > maximum) {
        std::ostringstream range;
        range << "--" << name << " must be between " << minimum << " and " << maximum << " (got " << value << ")";
        throw UsageError(range.str());
    }
    return result;
}

std::string Arguments::helpText() const
{
    std::ostringstream out;
    out << "Usage: " << m_usage << "\n\n" << m_description << "\n";
    if (!m_options.empty())
        out << "\nOptions:\n";
    for (const OptionSpec& o : m_options) {
        std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "  ";
        out << left << o.help << "\n";
    }
    out << "  --help                  Show this help\n";
    return out.str();
}

} // namespace neurite::cli

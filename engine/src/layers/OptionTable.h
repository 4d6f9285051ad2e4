// Typed layer options: each layer type keeps its options in a struct with defaults, and an OptionTable
// binds the struct's members to the design file's option names, ranges and help texts.
#pragma once

#include "neurite/LayerRegistry.h"
#include "neurite/NetworkSpec.h"

#include <cmath>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace neurite {

// The names a choice option takes in design files, each with the value it stands for.
template <class E>
using ChoiceNames = std::vector<std::pair<std::string, E>>;

// One option of `Options`: its descriptor (for validation and the inspector) and how it is read and written.
template <class Options>
struct OptionField {
    OptionDescriptor descriptor;
    std::function<void(Options&, const OptionValue&)> read; // the value is already validated
    std::function<OptionValue(const Options&)> write;
};

// The options of one layer type. Defaults come from `Options{}` alone, so the palette, the inspector, the
// summary, the trainer and every exporter agree on what a missing option means.
template <class Options>
class OptionTable {
public:
    OptionTable(std::initializer_list<OptionField<Options>> fields) : m_fields(fields)
    {
        const Options defaults{};
        for (OptionField<Options>& field : m_fields) {
            const OptionValue value = field.write(defaults);
            if (const double* number = std::get_if<double>(&value))
                field.descriptor.defaultNumber = *number;
            else
                field.descriptor.defaultChoice = std::get<std::string>(value);
            m_descriptors.push_back(field.descriptor);
        }
    }

    const std::vector<OptionDescriptor>& descriptors() const { return m_descriptors; }

    // The layer's options, missing ones at their defaults. Values of the wrong kind (which validation
    // reports) also read as the default.
    Options read(const LayerSpec& layer) const
    {
        Options options{};
        for (const OptionField<Options>& field : m_fields) {
            const auto it = layer.options.find(field.descriptor.key);
            if (it != layer.options.end() && fits(field.descriptor, it->second))
                field.read(options, it->second);
        }
        return options;
    }

    // Every option, written out: what a new layer of this type holds.
    LayerOptions write(const Options& options) const
    {
        LayerOptions result;
        for (const OptionField<Options>& field : m_fields)
            result[field.descriptor.key] = field.write(options);
        return result;
    }

private:
    static bool fits(const OptionDescriptor& d, const OptionValue& value)
    {
        if (d.kind == OptionKind::Choice) {
            const std::string* text = std::get_if<std::string>(&value);
            return text && std::find(d.choices.begin(), d.choices.end(), *text) != d.choices.end();
        }
        const double* number = std::get_if<double>(&value);
        return number && std::isfinite(*number) && *number >= d.minimum && *number <= d.maximum;
    }

    std::vector<OptionField<Options>> m_fields;
    std::vector<OptionDescriptor> m_descriptors;
};

template <class Options>
OptionField<Options> integerOption(std::string key, std::string label, int minimum, int maximum, int Options::*member,
                                   std::string help)
{
    return {{std::move(key),
             std::move(label),
             OptionKind::Integer,
             double(minimum),
             double(maximum),
             0,
             {},
             {},
             std::move(help)},
            [member](Options& o, const OptionValue& v) { o.*member = int(std::get<double>(v)); },
            [member](const Options& o) { return OptionValue(double(o.*member)); }};
}

template <class Options>
OptionField<Options> realOption(std::string key, std::string label, double minimum, double maximum,
                                float Options::*member, std::string help)
{
    return {{std::move(key), std::move(label), OptionKind::Real, minimum, maximum, 0, {}, {}, std::move(help)},
            [member](Options& o, const OptionValue& v) { o.*member = float(std::get<double>(v)); },
            [member](const Options& o) { return OptionValue(double(o.*member)); }};
}

template <class Options>
OptionField<Options> booleanOption(std::string key, std::string label, bool Options::*member, std::string help)
{
    return {{std::move(key), std::move(label), OptionKind::Boolean, 0, 1, 0, {}, {}, std::move(help)},
            [member](Options& o, const OptionValue& v) { o.*member = std::get<double>(v) != 0; },
            [member](const Options& o) { return OptionValue(o.*member ? 1.0 : 0.0); }};
}

template <class Options, class E>
OptionField<Options> choiceOption(std::string key, std::string label, E Options::*member, ChoiceNames<E> names,
                                  std::string help)
{
    std::vector<std::string> choices;
    for (const auto& [name, value] : names)
        choices.push_back(name);
    return {{std::move(key), std::move(label), OptionKind::Choice, 0, 0, 0, std::move(choices), {}, std::move(help)},
            [member, names](Options& o, const OptionValue& v) {
                for (const auto& entry : names)
                    if (entry.first == std::get<std::string>(v))
                        o.*member = entry.second;
            },
            [member, names](const Options& o) {
                for (const auto& entry : names)
                    if (entry.second == o.*member)
                        return OptionValue(entry.first);
                return OptionValue(names.front().first);
            }};
}

} // namespace neurite

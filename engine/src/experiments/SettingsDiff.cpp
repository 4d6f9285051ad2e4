// Settings compared through their project-file JSON, so every field (present and future) is compared and
// named the same way as in the file.
#include "neurite/SettingsDiff.h"

#include "training/TrainingSettingsJson.h"

namespace neurite {

namespace {

// Leaves of `value` as "a.b.c" -> JSON text, in document order.
void flatten(const Json& value, const std::string& prefix, std::vector<std::pair<std::string, std::string>>& out)
{
    if (value.is_object() && !value.empty()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
        return;
    }
    out.emplace_back(prefix, dumpJson(value, -1, prefix));
}

const std::string* find(const std::vector<std::pair<std::string, std::string>>& leaves, const std::string& key)
{
    for (const auto& leaf : leaves)
        if (leaf.first == key)
            return &leaf.second;
    return nullptr;
}

} // namespace

std::vector<SettingDifference> settingsDiff(const TrainingSettings& before, const TrainingSettings& after)
{
    std::vector<std::pair<std::string, std::string>> a, b;
    flatten(settingsToJson(before), "", a);
    flatten(settingsToJson(after), "", b);
    std::vector<SettingDifference> differences;
    for (const auto& leaf : a) {
        const std::string* other = find(b, leaf.first);
        if (!other || *other != leaf.second)
            differences.push_back({leaf.first, leaf.second, other ? *other : ""});
    }
    for (const auto& leaf : b)
        if (!find(a, leaf.first))
            differences.push_back({leaf.first, "", leaf.second});
    return differences;
}

std::vector<SettingDifference> runSettingsDiff(const RunRecord& before, const RunRecord& after)
{
    std::vector<SettingDifference> differences;
    if (before.dataSetName != after.dataSetName && before.settings.dataSet == after.settings.dataSet)
        differences.push_back({"dataSet", before.dataSetName, after.dataSetName});
    if (!(before.design == after.design))
        differences.push_back({"design", "", "changed (see the design diff)"});
    const std::vector<SettingDifference> settings = settingsDiff(before.settings, after.settings);
    differences.insert(differences.end(), settings.begin(), settings.end());
    return differences;
}

} // namespace neurite

// The validation report's summaries; validate() is the report of compileDesign (model/DesignPlan.h).
#include "neurite/Validation.h"

#include "model/DesignPlan.h"

namespace neurite {

using Severity = ValidationIssue::Severity;

bool ValidationReport::ok() const
{
    for (const ValidationIssue& issue : issues)
        if (issue.severity == Severity::Error)
            return false;
    return true;
}

std::vector<ValidationIssue> ValidationReport::errors() const
{
    std::vector<ValidationIssue> result;
    for (const ValidationIssue& issue : issues)
        if (issue.severity == Severity::Error)
            result.push_back(issue);
    return result;
}

long ValidationReport::totalParameters() const
{
    long total = 0;
    for (const auto& [id, facts] : layers)
        total += facts.parameters;
    return total;
}

long ValidationReport::totalMultiplyAdds() const
{
    long total = 0;
    for (const auto& [id, facts] : layers)
        total += facts.multiplyAdds;
    return total;
}

std::string ValidationReport::errorSummary() const
{
    std::string text;
    for (const ValidationIssue& issue : errors())
        text += (text.empty() ? "" : "\n") + issue.message;
    return text;
}

ValidationReport validate(const NetworkSpec& spec)
{
    return compileDesign(spec).report;
}

} // namespace neurite

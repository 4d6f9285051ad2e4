// The one exception type for errors a user can cause (bad files, parameters, shapes).
#pragma once

#include <stdexcept>
#include <string>

namespace neurite {

// Carries a message meant for the user; the message already names the file, layer or field.
// Programming errors are asserts, never NeuriteError.
class NeuriteError : public std::runtime_error {
public:
    explicit NeuriteError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace neurite

// Why Neurite cannot import an ONNX operator that no layer type reads, in words a user can act on.
#pragma once

#include <string>

namespace neurite {

// "Neurite has no recurrent layers" for LSTM, ...; a general sentence for the rest.
std::string unsupportedOpReason(const std::string& op, const std::string& domain);

} // namespace neurite

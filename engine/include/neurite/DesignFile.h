// Design JSON files: a network design as plain text, for people who keep designs in git and for the
// command line. The .neurite project (engine ProjectFile) holds design + settings + weights + history;
// a design file holds the design alone:
//
//   {
//     "name": "Reference MLP",              optional, a title for people
//     "description": "...",                 optional
//     "design": {"format": "neurite-network", "version": 1, "layers": [...], "connections": [...]},
//     "ui": {"positions": {"dense1": [x, y], ...}}   optional, the designer's node positions
//   }
//
// This is the format of resources/templates/*.json; readers that know only "design" ignore "ui". A bare
// network object ({"format": "neurite-network", ...}, as toJson(NetworkSpec) writes it) is read as well.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/ProjectFile.h"

#include <string>

namespace neurite {

struct DesignFile {
    std::string name;
    std::string description;
    NetworkSpec spec;
    std::string uiStateJson = "{}"; // a JSON object, opaque here (the designer's node positions)
};

// The file's exact text: keys in a fixed order, 2-space indent, a trailing newline, so that saving the
// same design twice gives the same bytes and a change shows as a small diff.
std::string designFileText(const DesignFile& design);
// Parses design file text; throws NeuriteError naming `context` (the file) and the offending field.
DesignFile designFileFromText(const std::string& text, const std::string& context);

// Writes atomically (a temporary file renamed over `path`): a failed save leaves the old file untouched.
// Throws NeuriteError naming the path.
void saveDesignFile(const DesignFile& design, const std::string& path);
// Throws NeuriteError naming the path and the problem.
DesignFile loadDesignFile(const std::string& path);

enum class DesignSource { Project, DesignJson, Onnx };
// What `path` holds: an ONNX model by its name (.onnx), else from its first bytes: the .neurite magic, or
// JSON text. A file that is neither counts as a design when its name ends in .json (so that its JSON error
// is reported) and as a project otherwise.
// Throws NeuriteError when the file cannot be read.
DesignSource designSourceOf(const std::string& path);

// A .neurite project, a design file as a new project with default settings, or an ONNX model imported
// with its weights (OnnxImport.h): what `neurite summary|eval|predict|export` and `train --design` accept.
Project loadProjectOrDesign(const std::string& path);

} // namespace neurite

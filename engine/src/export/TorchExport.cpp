// The PyTorch export: a folder with model.py (a torch.nn.Module), weights.npz, train.py (DDP), the data reader
// it uses and a README.
#include "export/ExportSupport.h"
#include "io/NpzWriter.h"
#include "export/TorchModule.h"
#include "export/TorchTrainScript.h"
#include "io/AtomicFile.h"
#include "io/EmbeddedResources.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace neurite {
namespace {

namespace fs = std::filesystem;

// The folder's README.md: resources/export/torch-README.md, compiled in.
const std::string_view kReadme = embeddedResource("export/torch-README.md");
// The reference encoder of a table row: resources/export/encoder.py, compiled in.
const std::string_view kEncoder = embeddedResource("export/encoder.py");
// The data reader train.py uses (IDX, image folders, tables): resources/export/neurite_data.py, compiled in.
const std::string_view kDataReader = embeddedResource("export/neurite_data.py");

// Writes the files into a fresh folder beside `folder`, then swaps it in: a failure leaves nothing behind
// and the old folder (if any) untouched.
class FolderSwap {
public:
    explicit FolderSwap(const std::string& folder)
        : m_folder(fs::absolute(folder).lexically_normal()),
          m_temp(m_folder.string() + ".tmp-" + std::to_string(::getpid()))
    {
        if (m_folder.filename().empty())
            m_folder = m_folder.parent_path(), m_temp = m_folder.string() + ".tmp-" + std::to_string(::getpid());
        if (fs::exists(m_folder) && !fs::is_directory(m_folder))
            throw NeuriteError("Cannot export to " + folder + ": it exists and is not a folder.");
        std::error_code ec;
        fs::remove_all(m_temp, ec);
        if (!fs::create_directories(m_temp, ec) && ec)
            throw NeuriteError("Cannot create " + m_temp.string() + ": " + ec.message());
    }
    ~FolderSwap()
    {
        std::error_code ec;
        if (!m_committed)
            fs::remove_all(m_temp, ec);
    }
    FolderSwap(const FolderSwap&) = delete;
    FolderSwap& operator=(const FolderSwap&) = delete;

    std::string file(const std::string& name) const { return (m_temp / name).string(); }

    void commit()
    {
        const fs::path old = m_folder.string() + ".old-" + std::to_string(::getpid());
        std::error_code ec;
        const bool replacing = fs::exists(m_folder);
        if (replacing)
            fs::rename(m_folder, old, ec);
        if (!ec)
            fs::rename(m_temp, m_folder, ec);
        if (ec) {
            if (replacing)
                fs::rename(old, m_folder, ec);
            throw NeuriteError("Cannot move the export into " + m_folder.string() + ": " + ec.message());
        }
        m_committed = true;
        fs::remove_all(old, ec);
    }

private:
    fs::path m_folder;
    fs::path m_temp;
    bool m_committed = false;
};

} // namespace

void exportTorch(const NetworkSpec& spec, const Weights& weights, const TrainingSettings& settings,
                 const std::string& folder, const DataSchema* schema)
{
    const DesignPlan plan = exportPlan(spec, "PyTorch");
    const ExportPreprocessing preprocessing = exportPreprocessing(plan, schema);
    TorchModule module(plan, weights);
    if (!preprocessing.input.empty())
        module.standardiseInput(preprocessing.input);
    if (preprocessing.scaledOutput)
        module.scaleOutput(preprocessing.targetMean, preprocessing.targetDeviation);
    for (const PlanStep& step : plan.steps)
        step.kind->toTorch(module, step);
    const std::string moduleText = module.moduleText();
    const std::string trainScript = torchTrainScript(settings, schema);
    const std::string npz = npzBytes(module.arrays());

    FolderSwap swap(folder);
    writeFileAtomically(swap.file("model.py"), moduleText);
    writeFileAtomically(swap.file("weights.npz"), npz);
    writeFileAtomically(swap.file("train.py"), trainScript);
    writeFileAtomically(swap.file("neurite_data.py"), std::string(kDataReader));
    writeFileAtomically(swap.file("README.md"), std::string(kReadme));
    if (schema) {
        writeSchemaFile(*schema, swap.file("schema.json"));
        if (schema->kind == DataSchema::Kind::Table)
            writeFileAtomically(swap.file("encoder.py"), std::string(kEncoder));
    }
    swap.commit();
}

} // namespace neurite

// The PyTorch export: a folder with model.py (a torch.nn.Module), weights.npz, train.py (DDP) and a README.
#include "export/ExportSupport.h"
#include "io/NpzWriter.h"
#include "export/TorchModule.h"
#include "export/TorchTrainScript.h"
#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace neurite {
namespace {

namespace fs = std::filesystem;

const char* const kReadme = R"MD(# A Neurite design exported for PyTorch

- `model.py`: the network as `NeuriteNet(torch.nn.Module)`; `model.load()` returns it with `weights.npz`.
- `weights.npz`: the trained weights, as NumPy arrays named like the module's state dict.
- `train.py`: trains the same design with the project's optimiser and settings using
  `torch.distributed` DistributedDataParallel, on one process or many machines.

Check the weights:

    python3 -c "import model, torch; print(model.load().predict(torch.rand(1, model.INPUT_SIZE)))"

Train in one process (CPU, gloo; world size 1):

    python3 train.py --data ~/.local/share/neurite/datasets/mnist-10k --out trained

Train with two processes on this machine (Debian 12's torch 1.13 on Python 3.11 needs `--redirects 2 --tee 1`
for torchrun to start at all; newer versions do not):

    torchrun --standalone --nproc_per_node=2 --redirects 2 --tee 1 train.py --data DIR --out trained

Train on two machines with four processes each (run on both, with node_rank 0 and 1):

    torchrun --nnodes=2 --node_rank=0 --nproc_per_node=4 --master_addr=HOST0 --master_port=29500 \
        train.py --data DIR --out trained

`python3 train.py --help` lists the options; their defaults are the Neurite project's settings.
)MD";

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
                 const std::string& folder)
{
    const DesignPlan plan = exportPlan(spec, "PyTorch");
    TorchModule module(plan, weights);
    for (const PlanStep& step : plan.steps)
        step.kind->toTorch(module, step);
    const std::string moduleText = module.moduleText();
    const std::string trainScript = torchTrainScript(settings);
    const std::string npz = npzBytes(module.arrays());

    FolderSwap swap(folder);
    writeFileAtomically(swap.file("model.py"), moduleText);
    writeFileAtomically(swap.file("weights.npz"), npz);
    writeFileAtomically(swap.file("train.py"), trainScript);
    writeFileAtomically(swap.file("README.md"), kReadme);
    swap.commit();
}

} // namespace neurite

// The texts the exporters copy from resources/export: embedded byte for byte, and each valid on its own
// (train.py compiles with Python, neurite_kernels.hpp with g++ -Wall -Werror), with checks shown to bite.
#include "FileBytes.h"
#include "ProcessRun.h"
#include "export/TorchTrainScript.h"
#include "io/EmbeddedResources.h"
#include "neurite/TrainingSettings.h"

#include <QtTest>

using namespace neurite;

namespace {

const char* const kPython = "/usr/bin/python3"; // Debian's, as the interop tests use

QString resourcePath(const QString& relative)
{
    return qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/" + relative;
}

// python3 -m py_compile on `script`; the process's exit code and message.
test::ProcessRun compilePython(const QTemporaryDir& dir, const std::string& script)
{
    const QString path = dir.filePath("train.py");
    test::writeBytes(path.toStdString(), script);
    QProcess python;
    python.start(kPython, {"-m", "py_compile", path});
    return test::finish(python);
}

// g++ -std=c++17 -fsyntax-only -Wall -Werror on a file that includes `kernels` as the header export does:
// after <cmath>, inside the model's namespace.
test::ProcessRun compileKernels(const QTemporaryDir& dir, const QString& kernels)
{
    const QString main = dir.filePath("main.cpp");
    test::writeBytes(main.toStdString(), "#include <cmath>\nnamespace model {\n#include \"" + kernels.toStdString() +
                                             "\"\n}\nint main() { return 0; }\n");
    QProcess gcc;
    gcc.start("g++", {"-std=c++17", "-fsyntax-only", "-Wall", "-Werror", main});
    return test::finish(gcc);
}

} // namespace

class TestExportResources : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void embeddedTextsAreTheFiles()
    {
        for (const char* relative :
             {"export/train.py", "export/neurite_kernels.hpp", "export/neurite_data.py", "export/encoder.py"}) {
            const std::string file = test::readBytes(resourcePath(relative).toStdString());
            QVERIFY2(!file.empty(), relative);
            QCOMPARE(std::string(embeddedResource(relative)), file);
        }
    }

    void trainScriptCompiles()
    {
        QTemporaryDir dir;
        const std::string script = torchTrainScript(TrainingSettings{}, nullptr);
        QVERIFY(script.find("@SETTINGS@") == std::string::npos);
        QVERIFY(script.find("SETTINGS = {\n    \"epochs\": ") != std::string::npos);
        const test::ProcessRun run = compilePython(dir, script);
        QVERIFY2(run.status == 0, qPrintable(run.err));
    }

    // The modules train.py imports beside it: the data reader and the table encoder.
    void dataReaderAndEncoderCompile()
    {
        QTemporaryDir dir;
        for (const char* relative : {"export/neurite_data.py", "export/encoder.py"}) {
            const test::ProcessRun run = compilePython(dir, std::string(embeddedResource(relative)));
            QVERIFY2(run.status == 0, qPrintable(QString(relative) + ": " + run.err));
        }
    }

    void brokenPythonIsRejected()
    {
        QTemporaryDir dir;
        std::string script = torchTrainScript(TrainingSettings{}, nullptr);
        script.replace(script.find("def main():"), 11, "def main(:");
        QVERIFY(compilePython(dir, script).status != 0);
    }

    void kernelsCompileWithoutWarnings()
    {
        QTemporaryDir dir;
        const test::ProcessRun run = compileKernels(dir, resourcePath("export/neurite_kernels.hpp"));
        QVERIFY2(run.status == 0, qPrintable(run.err));
    }

    void kernelWarningsFail()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath("kernels.hpp");
        test::writeBytes(copy.toStdString(), test::readBytes(resourcePath("export/neurite_kernels.hpp").toStdString()) +
                                                 "inline int unused() { int x; return 0; }\n");
        QVERIFY(compileKernels(dir, copy).status != 0);
    }
};

QTEST_APPLESS_MAIN(TestExportResources)
#include "tst_exportresources.moc"

// Runs files through LLVMFuzzerTestOneInput without libFuzzer: the seed corpus
// (or the files and folders given) once each. A crash or a failed check aborts.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
int replay(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return -1;
    }
    const QByteArray data = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.constData()), static_cast<size_t>(data.size()));
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    QStringList paths;
    for (int i = 1; i < argc; ++i) {
        paths << QString::fromLocal8Bit(argv[i]);
    }
    if (paths.isEmpty()) {
        paths << QStringLiteral(TOKENDESK_FUZZ_CORPUS);
    }
    int count = 0;
    for (const QString& path : std::as_const(paths)) {
        QStringList files;
        if (QFileInfo(path).isDir()) {
            const QStringList names = QDir(path).entryList(QDir::Files, QDir::Name);
            for (const QString& name : names) {
                files << QDir(path).filePath(name);
            }
        } else {
            files << path;
        }
        for (const QString& file : std::as_const(files)) {
            const int n = replay(file);
            if (n < 0) {
                return 1;
            }
            count += n;
        }
    }
    std::printf("%d input(s) replayed\n", count);
    // An empty corpus would make this test pass for nothing.
    return count > 0 ? 0 : 1;
}

#include "HelperProgram.h"

#include "backend/common/FileName.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace tokendesk {

std::string HelperProgram::path(const char* name)
{
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        return {};
    }
    self[n] = '\0';
    std::string dir(self);
    dir.erase(dir.find_last_of('/') + 1);
    for (const std::string& candidate : {dir + name, dir + TOKENDESK_LIBEXEC_FROM_BIN "/" + name}) {
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    return {};
}

int HelperProgram::exec(const char* name, char** argv)
{
    const std::string program = path(name);
    if (!program.empty()) {
        std::fflush(stdout);
        std::fflush(stderr);
        ::execv(program.c_str(), argv);
    }
    std::fprintf(stderr, "tokendesk: cannot start %s: %s\n", name,
                 program.empty() ? "not installed beside tokendesk" : std::strerror(errno));
    return 127;
}

int HelperProgram::exec(const char* name, const QStringList& arguments)
{
    std::vector<QByteArray> bytes;
    bytes.reserve(arguments.size());
    for (const QString& argument : arguments) {
        bytes.push_back(FileName::toBytes(argument));
    }
    std::vector<char*> argv;
    for (QByteArray& b : bytes) {
        argv.push_back(b.data());
    }
    argv.push_back(nullptr);
    return exec(name, argv.data());
}

} // namespace tokendesk

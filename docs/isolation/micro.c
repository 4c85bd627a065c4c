// docs/ISOLATION.md evidence. Build: gcc -O2 -o micro micro.c $(pkg-config --cflags --libs p11-kit-1); KILL_FIRST=1: SIGTERM the child and wait for it before C_Finalize
// C_Initialize and a round trip (C_GetSlotList), in process vs isolated, SoftHSM2
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include <dirent.h>
#include <string.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static void measure(const char* what, CK_FUNCTION_LIST* f)
{
    double t0 = now();
    CK_RV rv = f->C_Initialize(NULL);
    double init = now() - t0;
    CK_ULONG count;
    const int n = 20000;
    t0 = now();
    for (int i = 0; i < n; ++i) f->C_GetSlotList(CK_TRUE, NULL, &count);
    double per = (now() - t0) * 1000 / n;
    t0 = now();
    if (getenv("KILL_FIRST") && strcmp(what, "isolated") == 0) {
        // the only child of this process: kill it, wait for it without reaping, then finalize
        char path[64]; snprintf(path, sizeof path, "/proc/self/task/%d/children", getpid());
        FILE* c = fopen(path, "r"); int pid = 0; if (c) { if (fscanf(c, "%d", &pid) != 1) pid = 0; fclose(c); }
        signal(SIGPIPE, SIG_IGN);
        kill(pid, SIGTERM);
        siginfo_t si; waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
    }
    f->C_Finalize(NULL);
    printf("%-10s C_Initialize 0x%lx %.1f ms, C_GetSlotList %.1f us per call, C_Finalize %.1f ms\n", what, rv, init, per, now() - t0);
}
int main(int argc, char** argv)
{
    CK_FUNCTION_LIST* in = p11_kit_module_load(argv[1], 0);
    measure("in process", in);
    p11_kit_module_release(in);
    char address[512];
    snprintf(address, sizeof address, "|/usr/libexec/p11-kit/p11-kit-remote %s", argv[1]);
    setenv("P11_KIT_SERVER_ADDRESS", address, 1);
    CK_FUNCTION_LIST* iso = p11_kit_module_load("p11-kit-client.so", 0);
    measure("isolated", iso);
    p11_kit_module_release(iso);
    return 0;
}

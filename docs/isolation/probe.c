// docs/ISOLATION.md evidence. Build: gcc -O1 -o probe probe.c $(pkg-config --cflags --libs p11-kit-1) -lpthread
// isolation probe: p11-kit-client.so + "|p11-kit-remote MODULE" as P11_KIT_SERVER_ADDRESS, p11-kit 0.24.1
#define _GNU_SOURCE
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char* REMOTE = "/usr/libexec/p11-kit/p11-kit-remote";

static CK_FUNCTION_LIST* load_isolated(const char* module)
{
    char address[512];
    snprintf(address, sizeof address, "|%s %s", REMOTE, module);
    setenv("P11_KIT_SERVER_ADDRESS", address, 1);
    CK_FUNCTION_LIST* f = p11_kit_module_load("p11-kit-client.so", 0);
    unsetenv("P11_KIT_SERVER_ADDRESS");
    return f;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

// Our children whose command line names `module` (p11-kit keeps the pid to itself).
static pid_t child_for(const char* module)
{
    char path[512], buf[4096];
    DIR* tasks = opendir("/proc/self/task");
    struct dirent* t;
    pid_t found = 0;
    while (!found && (t = readdir(tasks))) {
        if (t->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/self/task/%s/children", t->d_name);
        FILE* f = fopen(path, "r");
        if (!f) continue;
        int pid;
        while (!found && fscanf(f, "%d", &pid) == 1) {
            snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
            FILE* c = fopen(path, "r");
            if (!c) continue;
            size_t n = fread(buf, 1, sizeof buf - 1, c);
            fclose(c);
            for (size_t i = 0; i < n; ++i) if (!buf[i]) buf[i] = ' ';
            buf[n] = 0;
            if (strstr(buf, module)) found = pid;
        }
        fclose(f);
    }
    closedir(tasks);
    return found;
}

static void init(CK_FUNCTION_LIST* f, const char* what)
{
    CK_RV rv = f->C_Initialize(NULL);
    CK_INFO info;
    CK_RV irv = f->C_GetInfo(&info);
    printf("%s: C_Initialize 0x%lx, C_GetInfo 0x%lx \"%.32s\"\n", what, rv, irv, info.libraryDescription);
}

struct hang { CK_FUNCTION_LIST* f; CK_RV rv; double took; };
static void* hang_call(void* p)
{
    struct hang* h = p;
    CK_TOKEN_INFO ti;
    double t0 = now();
    h->rv = h->f->C_GetTokenInfo(1, &ti);
    h->took = now() - t0;
    return NULL;
}

int main(int argc, char** argv)
{
    const char* softhsm = argv[1];
    const char* crashing = argv[2];
    const char* pinpad = argv[3];
    p11_kit_be_quiet();

    printf("== two isolated modules in one process\n");
    CK_FUNCTION_LIST* hsm = load_isolated(softhsm);
    CK_FUNCTION_LIST* crash = load_isolated(crashing);
    printf("function lists: %p %p (distinct: %s)\n", (void*)hsm, (void*)crash, hsm != crash ? "yes" : "no");
    init(hsm, "softhsm");
    init(crash, "fake_crashing");
    pid_t crashPid = child_for(crashing);
    printf("children: softhsm %d, fake_crashing %d\n", child_for(softhsm), crashPid);

    printf("== C_WaitForSlotEvent over the RPC\n");
    CK_SLOT_ID slot = 99;
    double t0 = now();
    CK_RV rv = crash->C_WaitForSlotEvent(CKF_DONT_BLOCK, &slot, NULL);
    printf("CKF_DONT_BLOCK: 0x%lx (CKR_NO_EVENT=0x%lx) in %.1f ms\n", rv, CKR_NO_EVENT, (now() - t0) * 1000);
    t0 = now();
    rv = crash->C_WaitForSlotEvent(0, &slot, NULL);
    printf("blocking: 0x%lx slot %lu in %.1f ms\n", rv, slot, (now() - t0) * 1000);

    printf("== C_Login with a NULL PIN (PIN pad fake)\n");
    CK_FUNCTION_LIST* pad = load_isolated(pinpad);
    init(pad, "fake_pinpad");
    CK_SESSION_HANDLE s;
    rv = pad->C_OpenSession(1, CKF_SERIAL_SESSION, NULL, NULL, &s);
    printf("C_OpenSession 0x%lx\n", rv);
    rv = pad->C_Login(s, CKU_USER, NULL, 0);
    printf("C_Login(NULL, 0): 0x%lx\n", rv);
    rv = pad->C_Login(s, CKU_USER, (CK_UTF8CHAR*)"123456", 6);
    printf("C_Login(\"123456\"): 0x%lx\n", rv);

    printf("== segfault in the child mid-call\n");
    CK_TOKEN_INFO ti;
    t0 = now();
    rv = crash->C_GetTokenInfo(1, &ti);
    printf("C_GetTokenInfo: 0x%lx (CKR_DEVICE_ERROR=0x%lx) in %.1f ms\n", rv, CKR_DEVICE_ERROR, (now() - t0) * 1000);
    siginfo_t si = {0};
    int w = waitid(P_PID, crashPid, &si, WEXITED | WNOWAIT);
    printf("waitid(WNOWAIT) %d: child %d code %s signal %d\n", w, si.si_pid,
           si.si_code == CLD_KILLED ? "CLD_KILLED" : si.si_code == CLD_DUMPED ? "CLD_DUMPED" : "other", si.si_status);
    CK_ULONG count = 0;
    rv = crash->C_GetSlotList(CK_TRUE, NULL, &count);
    printf("next call C_GetSlotList: 0x%lx\n", rv);
    rv = hsm->C_GetSlotList(CK_TRUE, NULL, &count);
    printf("softhsm still: C_GetSlotList 0x%lx count %lu\n", rv, count);
    t0 = now();
    rv = crash->C_Finalize(NULL);
    printf("restart: C_Finalize 0x%lx in %.1f ms, p11-kit says: %s\n", rv, (now() - t0) * 1000,
           p11_kit_message() ? p11_kit_message() : "(nothing)");
    rv = crash->C_Initialize(NULL);
    pid_t again = child_for(crashing);
    rv = crash->C_GetSlotList(CK_TRUE, NULL, &count);
    printf("restart: C_Initialize, new child %d, C_GetSlotList 0x%lx count %lu\n", again, rv, count);

    printf("== a call that hangs, the child killed\n");
    setenv("FAKE_CRASHING_MODE", "hang", 1);
    crash->C_Finalize(NULL);
    crash->C_Initialize(NULL); // the child inherits the environment at fork
    unsetenv("FAKE_CRASHING_MODE");
    pid_t hangPid = child_for(crashing);
    struct hang h = {crash, 0, 0};
    pthread_t th;
    pthread_create(&th, NULL, hang_call, &h);
    sleep(2);
    printf("after 2 s the call still runs (no time-out in p11-kit); kill(%d, SIGKILL)\n", hangPid);
    kill(hangPid, SIGKILL);
    pthread_join(th, NULL);
    printf("hung C_GetTokenInfo returned 0x%lx after %.2f s\n", h.rv, h.took);
    crash->C_Finalize(NULL);

    printf("== child dies between calls: the next call writes to a closed socket\n");
    fflush(stdout);
    pid_t sub = fork();
    if (sub == 0) {
        // A process of its own (p11-kit refuses calls from a fork of the process that initialized).
        CK_FUNCTION_LIST* own = load_isolated(crashing);
        own->C_Initialize(NULL);
        kill(child_for(crashing), SIGKILL);
        usleep(100000);
        rv = own->C_GetSlotList(CK_TRUE, NULL, &count);
        printf("  SIGPIPE default: C_GetSlotList returned 0x%lx\n", rv);
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(sub, &st, 0);
    printf("SIGPIPE default: the calling process %s\n",
           WIFSIGNALED(st) ? (WTERMSIG(st) == SIGPIPE ? "died of SIGPIPE" : "died of another signal") : "lived");
    signal(SIGPIPE, SIG_IGN);
    crash->C_Initialize(NULL);
    kill(child_for(crashing), SIGKILL);
    usleep(100000);
    rv = crash->C_GetSlotList(CK_TRUE, NULL, &count);
    printf("SIGPIPE ignored: C_GetSlotList 0x%lx\n", rv);
    crash->C_Finalize(NULL);

    pad->C_Finalize(NULL);
    hsm->C_Finalize(NULL);
    p11_kit_module_release(pad);
    p11_kit_module_release(crash);
    p11_kit_module_release(hsm);
    return 0;
}

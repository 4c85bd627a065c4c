// docs/ISOLATION.md evidence. Build: gcc -O1 -o override override.c $(pkg-config --cflags --libs p11-kit-1) -lpthread
#define P11_KIT_FUTURE_UNSTABLE_API 1
#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <stdio.h>
#include <stdlib.h>
static void list(const char* what)
{
    CK_FUNCTION_LIST** m = p11_kit_modules_load(NULL, 0);
    printf("%s:", what);
    for (CK_FUNCTION_LIST** it = m; it && *it; ++it) {
        char* name = p11_kit_module_get_name(*it);
        char* file = p11_kit_module_get_filename(*it);
        char* remote = p11_kit_config_option(*it, "remote");
        printf(" [%s file=%s remote=%s]", name, file ? file : "-", remote ? remote : "-");
        free(name); free(file); free(remote);
    }
    printf("\n");
    p11_kit_modules_release(m);
}
int main(int argc, char** argv)
{
    list("system config");
    p11_kit_override_system_files(NULL, NULL, argv[1], NULL, NULL);
    list("package modules overridden");
    return 0;
}

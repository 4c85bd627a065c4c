// Linked into every program that links tokendesk_accounts (which asks the linker for
// tokendesk_directory_store_maker): there it tells StoreFactory how to make a directory's store. `tokendesk` links no
// tokendesk_accounts, so it maps no libldap, and execs tokendesk-accounts when a command reaches a directory.

#include "backend/ldap/LdapStore.h"
#include "backend/pairing/StoreFactory.h"

namespace tokendesk {

namespace {

Result<std::unique_ptr<PairingStore>, PairingError> makeDirectoryStore(const QString& text,
                                                                       const DirectoryAccessPtr& access)
{
    auto url = LdapUrl::parse(text);
    if (!url) {
        return url.error();
    }
    std::unique_ptr<PairingStore> store = std::make_unique<LdapStore>(std::move(url.value()), access);
    return store;
}

struct DirectoryStoreRegistration
{
    DirectoryStoreRegistration() { StoreFactory::setDirectoryMaker(&makeDirectoryStore); }
};

const DirectoryStoreRegistration registration;

} // namespace

} // namespace tokendesk

/// What keeps this file's object in a program: `--undefined` of backend/CMakeLists.txt names it.
extern "C" const void* const tokendesk_directory_store_maker = &tokendesk::registration;

// SecureBytes: the secret's buffer is its own, moves leave nothing behind, and every way
// a secret ends (wipe, reassignment, destruction, take) overwrites the bytes.
//
// A buffer that is still shared is looked at through its other owner (a QByteArray copy).
// A buffer that wiping frees is looked at by FreeWatch, just before the allocator takes it
// back: a clear() that frees without overwriting leaves the secret there, and is caught.

#include "backend/common/SecureBytes.h"

#include <QTest>
#include <atomic>
#include <cstring>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define TD_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TD_TEST_ASAN 1
#endif
#endif

using namespace tokendesk;

namespace {

/// Sees every heap block freed while it is armed, before the allocator takes it back: the bytes
/// of a watched buffer inside it, and whether any freed block still holds a secret (the needle).
/// Reads only blocks that are still allocated, so it is no use-after-free, also under ASan.
class FreeWatch
{
public:
    FreeWatch(const void* buffer, qsizetype length, QByteArray needle)
        : m_buffer(static_cast<const char*>(buffer)), m_length(std::size_t(length)), m_needle(std::move(needle))
    {
        Q_ASSERT(m_length <= sizeof m_seen);
        s_active.store(this);
    }
    ~FreeWatch() { disarm(); }
    FreeWatch(const FreeWatch&) = delete;
    FreeWatch& operator=(const FreeWatch&) = delete;

    void disarm() { s_active.store(nullptr); }
    /// The watched buffer was freed while armed.
    bool freed() const { return m_freed; }
    /// Its bytes just before it was freed.
    QByteArray seen() const { return QByteArray(m_seen, qsizetype(m_length)); }
    /// Freed blocks that still held the needle.
    int leaks() const { return m_leaks; }

    static void onFree(const void* block, std::size_t size)
    {
        FreeWatch* self = s_active.exchange(nullptr); // nothing here frees, but never recurse
        if (!self) {
            return;
        }
        const char* begin = static_cast<const char*>(block);
        if (self->m_buffer >= begin && self->m_buffer + self->m_length <= begin + size) {
            std::memcpy(self->m_seen, self->m_buffer, self->m_length);
            self->m_freed = true;
        }
        if (!self->m_needle.isEmpty() &&
            ::memmem(begin, size, self->m_needle.constData(), std::size_t(self->m_needle.size())) != nullptr) {
            ++self->m_leaks;
        }
        s_active.store(self);
    }

private:
    static inline std::atomic<FreeWatch*> s_active{nullptr};
    const char* m_buffer;
    std::size_t m_length;
    QByteArray m_needle;
    char m_seen[64] = {};
    bool m_freed = false;
    int m_leaks = 0;
};

} // namespace

#ifdef TD_TEST_ASAN
// ASan's allocator calls the free hook before it poisons the block.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*mallocHook)(const volatile void*, std::size_t),
                                                         void (*freeHook)(const volatile void*));
extern "C" std::size_t __sanitizer_get_allocated_size(const volatile void* p);
namespace {
void onMalloc(const volatile void*, std::size_t) {}
void onFree(const volatile void* p)
{
    if (p) {
        FreeWatch::onFree(const_cast<const void*>(p), __sanitizer_get_allocated_size(p));
    }
}
const bool kHooked = __sanitizer_install_malloc_and_free_hooks(onMalloc, onFree) != 0;
} // namespace
#else
// Without ASan: this executable's free() comes before glibc's, and hands over to it.
#include <malloc.h>
extern "C" void __libc_free(void* p);
extern "C" void free(void* p) noexcept
{
    if (p) {
        FreeWatch::onFree(p, ::malloc_usable_size(p));
    }
    __libc_free(p);
}
namespace {
const bool kHooked = true;
} // namespace
#endif

class TestSecureBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(kHooked); }
    void freeWatchSeesAFreedSecret();
    void holdsACopy();
    void moveLeavesSourceEmpty();
    void moveAssignmentWipesThePrevious();
    void takeWipesTheSource();
    void takeUtf8WipesTheString();
    void digitsAndEquality();
    void wipeReachesASharedCopy();
    void wipeOverwritesWhatItFrees();
    void destructorWipes();
    void staticWipes();
};

void TestSecureBytes::freeWatchSeesAFreedSecret()
{
    // The watch itself: a buffer freed as it is, unwiped, is seen with the secret in it.
    QByteArray plain("13579");
    FreeWatch watch(plain.constData(), plain.size(), "13579");
    plain.clear();
    watch.disarm();
    QVERIFY(watch.freed());
    QCOMPARE(watch.seen(), QByteArray("13579"));
    QCOMPARE(watch.leaks(), 1);
}

void TestSecureBytes::holdsACopy()
{
    char buffer[] = "123456";
    SecureBytes secret(buffer, 6);
    buffer[0] = 'x';
    QCOMPARE(secret.bytes(), QByteArray("123456"));
    QCOMPARE(secret.size(), 6);
    QVERIFY(!secret.isEmpty());
    QVERIFY(SecureBytes().isEmpty());
    QVERIFY(SecureBytes(buffer, 0).isEmpty());
    QVERIFY(SecureBytes(nullptr, -1).isEmpty());
}

void TestSecureBytes::moveLeavesSourceEmpty()
{
    SecureBytes a("1234", 4);
    const char* data = a.bytes().constData();
    SecureBytes b(std::move(a));
    QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): that is the point
    QCOMPARE(b.bytes(), QByteArray("1234"));
    QCOMPARE(b.bytes().constData(), data); // moved, not copied: no second buffer to forget
}

void TestSecureBytes::moveAssignmentWipesThePrevious()
{
    SecureBytes target("old-pin", 7);
    QByteArray shared = target.bytes(); // shares the buffer: sees what happens to it
    target = SecureBytes("new", 3);
    QCOMPARE(target.bytes(), QByteArray("new"));
    QCOMPARE(shared, QByteArray(7, '\0'));
}

void TestSecureBytes::takeWipesTheSource()
{
    QByteArray typed("24680");
    const char* data = typed.constData();
    FreeWatch watch(data, typed.size(), "24680");
    SecureBytes secret = SecureBytes::take(typed);
    watch.disarm();
    QCOMPARE(secret.bytes(), QByteArray("24680"));
    QVERIFY(typed.isEmpty());
    QVERIFY(secret.bytes().constData() != data);
    // The caller's buffer was overwritten before it went back to the allocator.
    QVERIFY(watch.freed());
    QCOMPARE(watch.seen(), QByteArray(5, '\0'));
    QCOMPARE(watch.leaks(), 0);
}

void TestSecureBytes::takeUtf8WipesTheString()
{
    QString typed = QStringLiteral("pä55");
    typed.detach(); // on the heap, as typed text is
    const QByteArray utf16(reinterpret_cast<const char*>(typed.constData()), typed.size() * 2);
    const QByteArray utf8("p\xc3\xa4"
                          "55");
    // Watches the string's buffer, and any freed block with the UTF-8 (the conversion's copy).
    FreeWatch watch(typed.constData(), utf16.size(), utf8);
    SecureBytes secret = SecureBytes::takeUtf8(typed);
    watch.disarm();
    QCOMPARE(secret.bytes(), utf8);
    QVERIFY(typed.isEmpty());
    QVERIFY(watch.freed());
    QCOMPARE(watch.seen(), QByteArray(utf16.size(), '\0'));
    QCOMPARE(watch.leaks(), 0);
}

void TestSecureBytes::digitsAndEquality()
{
    QVERIFY(SecureBytes("0123456789", 10).isDigits());
    QVERIFY(!SecureBytes("12a4", 4).isDigits());
    QVERIFY(!SecureBytes("12 4", 4).isDigits());
    QVERIFY(SecureBytes().isDigits()); // vacuous: length is the caller's check
    QVERIFY(SecureBytes("1234", 4) == SecureBytes("1234", 4));
    QVERIFY(SecureBytes("1234", 4) != SecureBytes("1235", 4));
    QVERIFY(SecureBytes("1234", 4) != SecureBytes("12345", 5));
    QVERIFY(SecureBytes() == SecureBytes());
}

void TestSecureBytes::wipeReachesASharedCopy()
{
    SecureBytes secret("987654", 6);
    // What a careless caller does: keeps a QByteArray copy (implicitly shared).
    const QByteArray leaked = secret.bytes();
    secret.wipe();
    QVERIFY(secret.isEmpty());
    QCOMPARE(leaked, QByteArray(6, '\0'));
    secret.wipe(); // twice is harmless
    QVERIFY(secret.isEmpty());
}

void TestSecureBytes::wipeOverwritesWhatItFrees()
{
    // No copy shares the buffer: wipe() frees it, and it must hold zeros by then.
    SecureBytes secret("246813", 6);
    FreeWatch watch(secret.bytes().constData(), secret.size(), "246813");
    secret.wipe();
    watch.disarm();
    QVERIFY(secret.isEmpty());
    QVERIFY(watch.freed());
    QCOMPARE(watch.seen(), QByteArray(6, '\0'));
    QCOMPARE(watch.leaks(), 0);

    // The same through the destructor.
    std::optional<SecureBytes> answer(SecureBytes("97531", 5));
    FreeWatch destroyed(answer->bytes().constData(), answer->size(), "97531");
    answer.reset();
    destroyed.disarm();
    QVERIFY(destroyed.freed());
    QCOMPARE(destroyed.seen(), QByteArray(5, '\0'));
    QCOMPARE(destroyed.leaks(), 0);
}

void TestSecureBytes::destructorWipes()
{
    alignas(SecureBytes) unsigned char storage[sizeof(SecureBytes)];
    auto* secret = new (storage) SecureBytes("11223344", 8);
    const QByteArray leaked = secret->bytes();
    secret->~SecureBytes();
    QCOMPARE(leaked, QByteArray(8, '\0'));

    // Through std::optional, as a PinPrompter hands it over.
    std::optional<SecureBytes> answer(SecureBytes("5555", 4));
    const QByteArray copy = answer->bytes();
    answer.reset();
    QCOMPARE(copy, QByteArray(4, '\0'));
}

void TestSecureBytes::staticWipes()
{
    QByteArray bytes("abc");
    FreeWatch watchBytes(bytes.constData(), bytes.size(), "abc");
    SecureBytes::wipe(bytes);
    watchBytes.disarm();
    QVERIFY(bytes.isEmpty());
    QVERIFY(watchBytes.freed());
    QCOMPARE(watchBytes.seen(), QByteArray(3, '\0'));
    QCOMPARE(watchBytes.leaks(), 0);

    QString text = QStringLiteral("secret");
    text.detach();
    const QByteArray utf16(reinterpret_cast<const char*>(text.constData()), text.size() * 2);
    FreeWatch watchText(text.constData(), utf16.size(), utf16);
    SecureBytes::wipe(text);
    watchText.disarm();
    QVERIFY(text.isEmpty());
    QVERIFY(watchText.freed());
    QCOMPARE(watchText.seen(), QByteArray(utf16.size(), '\0'));
    QCOMPARE(watchText.leaks(), 0);
    QByteArray empty;
    SecureBytes::wipe(empty); // nothing to do, no crash
    QVERIFY(empty.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_securebytes.moc"

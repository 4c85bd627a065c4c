#include "PivCardState.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

namespace simcard {

namespace {

constexpr int stateVersion = 1;

void setError(std::string* error, const std::string& message)
{
    if (error)
        *error = message;
}

std::string unpad(const Bytes& padded)
{
    std::string out;
    for (const std::uint8_t b : padded) {
        if (b == 0xFF)
            break;
        out.push_back(static_cast<char>(b));
    }
    return out;
}

void wipe(std::string& s)
{
    if (!s.empty())
        OPENSSL_cleanse(s.data(), s.size());
    s.clear();
}

void wipe(QByteArray& a)
{
    if (!a.isEmpty())
        OPENSSL_cleanse(a.data(), static_cast<std::size_t>(a.size()));
    a.clear();
}

} // namespace

PivCardState::PivCardState() : m_guid(SimCardKeys::randomBytes(16)) {}

PivCardState::~PivCardState()
{
    OPENSSL_cleanse(m_pin.data(), m_pin.size());
    OPENSSL_cleanse(m_puk.data(), m_puk.size());
}

bool PivCardState::isValidPin(const std::string& pin)
{
    if (pin.size() < 6 || pin.size() > 8)
        return false;
    for (const char c : pin) {
        if (static_cast<unsigned char>(c) == 0xFF)
            return false;
    }
    return true;
}

bool PivCardState::isValidPuk(const std::string& puk)
{
    return puk.size() == 8 && puk.find('\xFF') == std::string::npos;
}

Bytes PivCardState::pad(const std::string& value)
{
    Bytes out(8, 0xFF);
    for (std::size_t i = 0; i < value.size() && i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value[i]);
    return out;
}

bool PivCardState::initialize(const std::string& pin, const std::string& puk, int pinTries, int pukTries,
                              std::string* error)
{
    if (!isValidPin(pin) || !isValidPuk(puk)) {
        setError(error, "the PIN must have 6-8 characters and the PUK 8");
        return false;
    }
    if (pinTries < 1 || pinTries > 15 || pukTries < 1 || pukTries > 15) {
        setError(error, "retry counters must be between 1 and 15");
        return false;
    }
    m_pin = pad(pin);
    m_puk = pad(puk);
    m_pinTriesMax = m_pinTriesLeft = pinTries;
    m_pukTriesMax = m_pukTriesLeft = pukTries;
    return true;
}

PivCardState::Check PivCardState::check(const Bytes& reference, const Bytes& padded, int& triesLeft)
{
    if (triesLeft <= 0)
        return Check::Blocked;
    if (padded.size() == reference.size() && CRYPTO_memcmp(padded.data(), reference.data(), reference.size()) == 0)
        return Check::Ok;
    --triesLeft;
    return Check::Wrong;
}

PivCardState::Check PivCardState::checkPin(const Bytes& padded)
{
    const Check result = check(m_pin, padded, m_pinTriesLeft);
    if (result == Check::Ok)
        m_pinTriesLeft = m_pinTriesMax;
    return result;
}

PivCardState::Check PivCardState::checkPuk(const Bytes& padded)
{
    const Check result = check(m_puk, padded, m_pukTriesLeft);
    if (result == Check::Ok)
        m_pukTriesLeft = m_pukTriesMax;
    return result;
}

bool PivCardState::setPin(const Bytes& padded)
{
    std::string value = unpad(padded);
    const bool ok = padded.size() == 8 && isValidPin(value);
    wipe(value);
    if (ok) {
        OPENSSL_cleanse(m_pin.data(), m_pin.size());
        m_pin = padded;
        m_pinTriesLeft = m_pinTriesMax;
    }
    return ok;
}

bool PivCardState::setPuk(const Bytes& padded)
{
    std::string value = unpad(padded);
    const bool ok = padded.size() == 8 && isValidPuk(value);
    wipe(value);
    if (ok) {
        OPENSSL_cleanse(m_puk.data(), m_puk.size());
        m_puk = padded;
        m_pukTriesLeft = m_pukTriesMax;
    }
    return ok;
}

const SlotKey* PivCardState::slot(std::uint8_t id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? nullptr : &it->second;
}

void PivCardState::setSlot(SlotKey key)
{
    const std::uint8_t id = key.slot;
    m_slots[id] = std::move(key);
}

bool PivCardState::writeFileAtomically(const std::string& path, const std::string& data, std::string* error)
{
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        setError(error, "cannot create " + tmp + ": " + std::strerror(errno));
        return false;
    }
    ::fchmod(fd, 0600); // an older tmp file may have had other bits
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            setError(error, "cannot write " + tmp + ": " + std::strerror(errno));
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        setError(error, "cannot replace " + path + ": " + std::strerror(errno));
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

bool PivCardState::save(const std::string& path, std::string* error) const
{
    QJsonArray slots;
    for (const auto& [id, key] : m_slots) {
        QJsonObject o;
        o[QStringLiteral("slot")] = QString::fromStdString(Tlv::toHex({id}));
        o[QStringLiteral("key")] = QString::fromLatin1(SimCardKeys::typeName(key.type));
        std::string keyPem = SimCardKeys::keyToPem(key.key.get());
        o[QStringLiteral("key_pem")] = QString::fromStdString(keyPem);
        wipe(keyPem);
        o[QStringLiteral("cert_pem")] = QString::fromStdString(SimCardKeys::certToPem(key.cert.get()));
        slots.append(o);
    }
    std::string pin = unpad(m_pin);
    std::string puk = unpad(m_puk);
    QJsonObject root;
    root[QStringLiteral("comment")] =
        QStringLiteral("TokenDesk PIV card simulator state: a test card, secrets in clear");
    root[QStringLiteral("version")] = stateVersion;
    root[QStringLiteral("pin")] = QString::fromStdString(pin);
    root[QStringLiteral("puk")] = QString::fromStdString(puk);
    wipe(pin);
    wipe(puk);
    root[QStringLiteral("pin_tries_left")] = m_pinTriesLeft;
    root[QStringLiteral("pin_tries_max")] = m_pinTriesMax;
    root[QStringLiteral("puk_tries_left")] = m_pukTriesLeft;
    root[QStringLiteral("puk_tries_max")] = m_pukTriesMax;
    root[QStringLiteral("guid")] = QString::fromStdString(Tlv::toHex(m_guid));
    root[QStringLiteral("slots")] = slots;
    QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    std::string data(json.constData(), static_cast<std::size_t>(json.size()));
    wipe(json);
    const bool ok = writeFileAtomically(path, data, error);
    wipe(data);
    return ok;
}

bool PivCardState::load(const std::string& path, std::string* error)
{
    std::optional<std::string> text = SimCardKeys::readFile(path);
    if (!text) {
        setError(error, "cannot read " + path);
        return false;
    }
    QByteArray raw = QByteArray::fromStdString(*text);
    wipe(*text);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    wipe(raw);
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(QStringLiteral("version")).toInt() != stateVersion) {
        setError(error, path + ": not a simulator state file (" + parseError.errorString().toStdString() + ")");
        return false;
    }
    std::string pin = root.value(QStringLiteral("pin")).toString().toStdString();
    std::string puk = root.value(QStringLiteral("puk")).toString().toStdString();
    const bool ok = initialize(pin, puk, root.value(QStringLiteral("pin_tries_max")).toInt(),
                               root.value(QStringLiteral("puk_tries_max")).toInt(), error);
    wipe(pin);
    wipe(puk);
    if (!ok)
        return false;
    m_pinTriesLeft = std::clamp(root.value(QStringLiteral("pin_tries_left")).toInt(), 0, m_pinTriesMax);
    m_pukTriesLeft = std::clamp(root.value(QStringLiteral("puk_tries_left")).toInt(), 0, m_pukTriesMax);
    const auto guid = Tlv::fromHex(root.value(QStringLiteral("guid")).toString().toStdString());
    if (!guid || guid->size() != 16) {
        setError(error, path + ": bad guid");
        return false;
    }
    m_guid = *guid;
    m_slots.clear();
    const QJsonArray slots = root.value(QStringLiteral("slots")).toArray();
    for (const QJsonValue& v : slots) {
        const QJsonObject o = v.toObject();
        const auto id = Tlv::fromHex(o.value(QStringLiteral("slot")).toString().toStdString());
        SlotKey key;
        std::string keyPem = o.value(QStringLiteral("key_pem")).toString().toStdString();
        key.key = SimCardKeys::keyFromPem(keyPem);
        wipe(keyPem);
        key.cert = SimCardKeys::certFromPem(o.value(QStringLiteral("cert_pem")).toString().toStdString());
        const auto type = key.key ? SimCardKeys::typeOf(key.key.get()) : std::nullopt;
        if (!id || id->size() != 1 || !type || !key.cert ||
            !SimCardKeys::certMatchesKey(key.cert.get(), key.key.get())) {
            setError(error, path + ": bad slot entry");
            return false;
        }
        key.slot = (*id)[0];
        key.type = *type;
        setSlot(std::move(key));
    }
    return true;
}

} // namespace simcard

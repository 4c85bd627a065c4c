#include "P12Importer.h"

#include "KeyTemplate.h"
#include "backend/common/CFree.h"
#include "backend/common/Logging.h"
#include "backend/pkcs11/ObjectReader.h"
#include "backend/pkcs11/PinPrompter.h"

#include <mutex>
#include <openssl/x509.h>
#include <optional>
#include <p11-kit/pkcs11.h>

namespace tokendesk {

namespace {

/// Gives the import's PIN to IdentityTester, which asks for it when the token wants a login.
class HeldPinPrompter : public PinPrompter
{
public:
    explicit HeldPinPrompter(const SecureBytes& pin) : m_pin(pin) {}
    std::optional<SecureBytes> askPin(const PinRequest&) override
    {
        return SecureBytes(m_pin.bytes().constData(), m_pin.size());
    }

private:
    const SecureBytes& m_pin;
};

Pkcs11Error stopped()
{
    Pkcs11Error error;
    error.kind = Pkcs11Error::Kind::Cancelled;
    error.function = QStringLiteral("P12Importer");
    return error;
}

QByteArray derOf(const X509_NAME* name)
{
    unsigned char* out = nullptr;
    const int size = i2d_X509_NAME(name, &out);
    QByteArray der = size > 0 ? QByteArray(reinterpret_cast<const char*>(out), size) : QByteArray();
    OPENSSL_free(out);
    return der;
}

/// The attributes of a certificate object: an identity's (CKA_CERTIFICATE_CATEGORY 1, token
/// user) or the chain's (2, authority); never trusted.
AttributeList certificateTemplate(const QByteArray& der, const QByteArray& id, const QByteArray& label, bool authority)
{
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    const std::unique_ptr<X509, CFree<X509_free>> x509(d2i_X509(nullptr, &in, long(der.size())));
    AttributeList list;
    list.append({CKA_CLASS, Pkcs11Session::ulongValue(CKO_CERTIFICATE)});
    list.append({CKA_CERTIFICATE_TYPE, Pkcs11Session::ulongValue(CKC_X_509)});
    list.append({CKA_TOKEN, Pkcs11Session::boolValue(true)});
    list.append({CKA_PRIVATE, Pkcs11Session::boolValue(false)});
    list.append({CKA_TRUSTED, Pkcs11Session::boolValue(false)});
    list.append({CKA_CERTIFICATE_CATEGORY, Pkcs11Session::ulongValue(authority ? 2 : 1)});
    list.append({CKA_ID, id});
    list.append({CKA_LABEL, label});
    list.append({CKA_VALUE, der});
    if (x509) {
        list.append({CKA_SUBJECT, derOf(X509_get_subject_name(x509.get()))});
        list.append({CKA_ISSUER, derOf(X509_get_issuer_name(x509.get()))});
        unsigned char* serial = nullptr;
        const int size = i2d_ASN1_INTEGER(X509_get0_serialNumber(x509.get()), &serial);
        if (size > 0) {
            list.append({CKA_SERIAL_NUMBER, QByteArray(reinterpret_cast<const char*>(serial), size)});
        }
        OPENSSL_free(serial);
    }
    return list;
}

QByteArray subjectDer(const QByteArray& certificate)
{
    const auto* in = reinterpret_cast<const unsigned char*>(certificate.constData());
    const std::unique_ptr<X509, CFree<X509_free>> x509(d2i_X509(nullptr, &in, long(certificate.size())));
    return x509 ? derOf(X509_get_subject_name(x509.get())) : QByteArray();
}

QString commonNameOr(const CertificateInfo& info)
{
    for (const NameEntry& entry : info.subjectEntries) {
        if (entry.shortName == QLatin1String("CN")) {
            return entry.value;
        }
    }
    return info.subject;
}

/// What one import wrote so far, to be destroyed again if it does not finish.
struct Written
{
    struct Object
    {
        quint64 handle = 0;
        /// Finds it again when the handle no longer does: SoftHSM drops the handles of private
        /// objects at C_Logout. Only attributes that are no secret: class, type, CKA_ID, label,
        /// and the public parts.
        AttributeList find;
    };
    QList<Object> objects;

    /// Destroys every object, the last made first; keeps going past a failure.
    void destroyAll(const Pkcs11Session& session)
    {
        for (auto it = objects.crbegin(); it != objects.crend(); ++it) {
            if (session.destroyObject(it->handle)) {
                continue;
            }
            auto found = session.findObjects(it->find);
            if (!found || found.value().size() != 1) {
                qCWarning(lcPkcs11) << "import: could not find object" << it->handle << "again to destroy it";
                continue;
            }
            if (auto done = session.destroyObject(found.value().constFirst()); !done) {
                qCWarning(lcPkcs11) << "import: could not destroy object" << it->handle << done.error().codeName();
            }
        }
        objects.clear();
    }
};

/// The attributes of `attributes` that find the object again and are no secret.
AttributeList findTemplate(const AttributeList& attributes, bool privateKey)
{
    static const QList<quint64> kPrivateKeyFind = {CKA_CLASS, CKA_KEY_TYPE, CKA_ID, CKA_LABEL};
    AttributeList find;
    for (const auto& attribute : attributes) {
        if (!privateKey || kPrivateKeyFind.contains(attribute.first)) {
            find.append(attribute);
        }
    }
    return find;
}

Result<bool, Pkcs11Error> present(const Pkcs11Session& session, CK_OBJECT_CLASS objectClass, CK_ATTRIBUTE_TYPE type,
                                  const QByteArray& value)
{
    auto found = session.findObjects({{CKA_CLASS, Pkcs11Session::ulongValue(objectClass)}, {type, value}});
    if (!found) {
        return found.error();
    }
    return !found.value().isEmpty();
}

} // namespace

QString ImportedObject::typeName(Type type)
{
    switch (type) {
    case Type::PrivateKey:
        return QStringLiteral("private_key");
    case Type::PublicKey:
        return QStringLiteral("public_key");
    case Type::Certificate:
        break;
    case Type::CaCertificate:
        return QStringLiteral("ca_certificate");
    }
    return QStringLiteral("certificate");
}

Result<ImportResult, ImportError> P12Importer::run(const VirtualTokens& tokens, const Pkcs12Contents& contents,
                                                   const ImportPlan& plan, const SecureBytes& userPin,
                                                   const Request& request)
{
    if (!plan.importable()) {
        return plan.blocker ? *plan.blocker : ImportError::make(ImportError::Code::NoPrivateKey);
    }
    const auto cancelled = [&request] {
        return request.cancelled && request.cancelled();
    };
    const int total = int(plan.identities.size()) * 4 + int(plan.chain.size());
    int done = 0;
    const auto step = [&] {
        ++done;
        if (request.progress) {
            request.progress(done, total);
        }
    };
    if (cancelled()) {
        return ImportError::make(ImportError::Code::Cancelled);
    }

    ImportResult result;
    auto found = request.createToken ? tokens.create(request.tokenLabel, userPin) : tokens.find(request.tokenLabel);
    if (!found) {
        return ImportError::from(found.error());
    }
    const Pkcs11Token token = found.value();
    result.token = token.info();
    result.tokenCreated = request.createToken;
    // Undoing a token made for this import removes it with everything on it.
    const auto dropToken = [&](ImportError error) -> ImportError {
        if (result.tokenCreated) {
            if (auto removed = tokens.remove(token.info()); !removed) {
                qCWarning(lcPkcs11) << "import: could not remove the token made for it:" << removed.error().codeName();
            }
        }
        return error;
    };

    Written written;
    // What stopped the writing when it was not PKCS#11 (a duplicate, a key type): told as such.
    std::optional<ImportError> refusal;
    const auto refuse = [&refusal](ImportError error) -> Pkcs11Error {
        refusal = std::move(error);
        return stopped();
    };
    // One session for the whole import: a token object's handle is only sure to stay valid while a
    // session that saw it exists (SoftHSM forgets the handles when a slot's last session closes),
    // and undoing after the proof needs them. The token's lock is held only while the session works.
    std::mutex& slotLock = token.module()->slotMutex(token.info().slot.slotId);
    std::optional<Pkcs11Session> kept;
    {
        const std::lock_guard<std::mutex> guard(slotLock);
        auto opened = Pkcs11Session::open(token.module(), token.info().slot.slotId, Pkcs11Session::Access::ReadWrite);
        if (!opened) {
            return dropToken(ImportError::from(opened.error()));
        }
        kept.emplace(std::move(opened).value());
    }
    auto wrote = [&]() -> Result<QList<ImportedObject>, Pkcs11Error> {
        const std::lock_guard<std::mutex> guard(slotLock);
        Pkcs11Session& session = *kept;
        if (auto login = session.login(Pkcs11Session::User::User, userPin.bytes()); !login) {
            return login.error();
        }
        QList<ImportedObject> objects;
        const auto make = [&](const AttributeList& attributes, ObjectInfo::Class cls, ImportedObject::Type type,
                              const QByteArray& id, const QString& label) -> Status<Pkcs11Error> {
            if (cancelled()) {
                return stopped();
            }
            auto handle = session.createObject(attributes);
            if (!handle) {
                return handle.error();
            }
            written.objects.append({handle.value(), findTemplate(attributes, cls == ObjectInfo::Class::PrivateKey)});
            auto read = ObjectReader::readObject(session, token.info(), cls, handle.value());
            objects.append({type, read ? read.value().uri : QString(), label, id});
            step();
            return Done{};
        };
        const auto work = [&]() -> Status<Pkcs11Error> {
            for (const ImportPlan::Identity& identity : plan.identities) {
                const QByteArray der = contents.certificates[identity.certificate].der;
                auto dup = present(session, CKO_CERTIFICATE, CKA_VALUE, der);
                if (!dup) {
                    return dup.error();
                }
                if (dup.value()) {
                    return refuse(ImportError::make(ImportError::Code::AlreadyOnToken, identity.info.subject));
                }
                auto idUsed = present(session, CKO_PRIVATE_KEY, CKA_ID, identity.id);
                if (!idUsed) {
                    return idUsed.error();
                }
                if (idUsed.value()) {
                    return refuse(
                        ImportError::make(ImportError::Code::IdInUse, QString::fromLatin1(identity.id.toHex())));
                }
            }
            for (const ImportPlan::Identity& identity : plan.identities) {
                const QByteArray label = identity.label.toUtf8();
                const QByteArray der = contents.certificates[identity.certificate].der;
                auto key = KeyTemplate::fromPkcs8(contents.keys[size_t(identity.key)].pkcs8, identity.id, label,
                                                  subjectDer(der));
                if (!key) {
                    return refuse(key.error());
                }
                if (auto made = make(key.value().privateKey(), ObjectInfo::Class::PrivateKey,
                                     ImportedObject::Type::PrivateKey, identity.id, identity.label);
                    !made) {
                    return made;
                }
                if (auto made = make(key.value().publicKey(), ObjectInfo::Class::PublicKey,
                                     ImportedObject::Type::PublicKey, identity.id, identity.label);
                    !made) {
                    return made;
                }
                if (auto made =
                        make(certificateTemplate(der, identity.id, label, false), ObjectInfo::Class::Certificate,
                             ImportedObject::Type::Certificate, identity.id, identity.label);
                    !made) {
                    return made;
                }
            }
            for (const CertificateInfo& ca : plan.chain) {
                auto there = present(session, CKO_CERTIFICATE, CKA_VALUE, ca.der);
                if (!there) {
                    return there.error();
                }
                if (there.value()) {
                    step(); // the token has it already: kept, and not ours to undo
                    continue;
                }
                const QByteArray id = ca.subjectKeyId.isEmpty() ? ca.publicKeySha1 : ca.subjectKeyId;
                const QString label = commonNameOr(ca);
                if (auto made = make(certificateTemplate(ca.der, id, label.toUtf8(), true),
                                     ObjectInfo::Class::Certificate, ImportedObject::Type::CaCertificate, id, label);
                    !made) {
                    return made;
                }
            }
            return Done{};
        };
        const auto status = work();
        if (!status) {
            written.destroyAll(session);
        }
        (void)session.logout();
        if (!status) {
            return status.error();
        }
        return objects;
    }();

    if (!wrote) {
        kept.reset();
        return dropToken(refusal ? *refusal : ImportError::from(wrote.error()));
    }
    result.objects = wrote.value();

    // The proof: each key signs a challenge on the token that its certificate verifies.
    const auto undo = [&](ImportError error) -> ImportError {
        {
            const std::lock_guard<std::mutex> guard(slotLock);
            if (auto login = kept->login(Pkcs11Session::User::User, userPin.bytes()); !login) {
                qCWarning(lcPkcs11) << "import: could not log in to undo:" << login.error().codeName();
            } else {
                written.destroyAll(*kept);
                (void)kept->logout();
            }
        }
        kept.reset();
        return dropToken(error);
    };
    for (const ImportPlan::Identity& identity : plan.identities) {
        if (cancelled()) {
            return undo(ImportError::make(ImportError::Code::Cancelled));
        }
        CertificateEntry entry;
        entry.object.modulePath = token.info().modulePath;
        entry.object.tokenSerial = token.info().serial;
        entry.object.objectClass = ObjectInfo::Class::Certificate;
        entry.object.id = identity.id;
        entry.object.label = identity.label;
        entry.object.labelRaw = identity.label.toUtf8();
        entry.object.value = contents.certificates[identity.certificate].der;
        entry.info = identity.info;
        entry.keyState = CertificateEntry::KeyState::Present;
        HeldPinPrompter prompter(userPin);
        auto tested = IdentityTester::test(token, entry, prompter);
        if (!tested) {
            return undo(ImportError::from(tested.error()));
        }
        if (!tested.value().verified) {
            return undo(ImportError::make(ImportError::Code::NotVerified, tested.value().verifyError));
        }
        result.verifications.append(tested.value());
        step();
    }
    if (cancelled()) {
        return undo(ImportError::make(ImportError::Code::Cancelled));
    }
    qCInfo(lcPkcs11) << "imported" << plan.identities.size() << "identities and" << plan.chain.size()
                     << "chain certificates into" << token.info().label;
    return result;
}

} // namespace tokendesk

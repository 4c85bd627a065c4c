<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AtrText</name>
    <message numerus="yes">
        <source>%n historical byte(s) missing: T0 announces %1, the ATR has %2.</source>
        <translation>
            <numerusform>%n historical byte missing: T0 announces %1, the ATR has %2.</numerusform>
            <numerusform>%n historical bytes missing: T0 announces %1, the ATR has %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the ATR.</source>
        <translation>
            <numerusform>%n byte after the end of the ATR.</numerusform>
            <numerusform>%n bytes after the end of the ATR.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message numerus="yes">
        <source>The URI names %n certificates; name one (add id= or object=): %1</source>
        <translation>
            <numerusform>The URI names %n certificate; name one (add id= or object=): %1</numerusform>
            <numerusform>The URI names %n certificates; name one (add id= or object=): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s); the first is shown</source>
        <translation>
            <numerusform>%n certificate; the first is shown</numerusform>
            <numerusform>%n certificates; the first is shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertTestCommand</name>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>The URI names %n certificate; name one, e.g. with its id= or object=.</numerusform>
            <numerusform>The URI names %n certificates; name one, e.g. with its id= or object=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message numerus="yes">
        <source>Expires in %n days.</source>
        <translation>
            <numerusform>Expires in %n day.</numerusform>
            <numerusform>Expires in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago.</source>
        <translation>
            <numerusform>Expired %n day ago.</numerusform>
            <numerusform>Expired %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n days)</source>
        <translation>
            <numerusform>Valid until %1 (%n day)</numerusform>
            <numerusform>Valid until %1 (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago (%1)</source>
        <translation>
            <numerusform>Expired %n day ago (%1)</numerusform>
            <numerusform>Expired %n days ago (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of text that is not PEM</source>
        <translation>
            <numerusform>%n byte of text that is not PEM</numerusform>
            <numerusform>%n bytes of text that is not PEM</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) that are not certificates</source>
        <translation>
            <numerusform>%n block that is not a certificate</numerusform>
            <numerusform>%n blocks that are not certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged certificate block(s)</source>
        <translation>
            <numerusform>%n damaged certificate block</numerusform>
            <numerusform>%n damaged certificate blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>The URI names %n certificate; name one, e.g. with its id= or object=.</numerusform>
            <numerusform>The URI names %n certificates; name one, e.g. with its id= or object=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>The PKCS#11 module stopped answering: %1 did not return within %n second(s), so TokenDesk stopped it.</source>
        <translation>
            <numerusform>The PKCS#11 module stopped answering: %1 did not return within %n second, so TokenDesk stopped it.</numerusform>
            <numerusform>The PKCS#11 module stopped answering: %1 did not return within %n seconds, so TokenDesk stopped it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinCommand</name>
    <message numerus="yes">
        <source>The URI names %n tokens; name one, e.g. with its serial=.</source>
        <translation>
            <numerusform>The URI names %n token; name one, e.g. with its serial=.</numerusform>
            <numerusform>The URI names %n tokens; name one, e.g. with its serial=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinText</name>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>%n try left</numerusform>
            <numerusform>%n tries left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong %1: %n tries left.</source>
        <translation>
            <numerusform>Wrong %1: %n try left.</numerusform>
            <numerusform>Wrong %1: %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too short: at least %n character(s).</source>
        <translation>
            <numerusform>The new %1 is too short: at least %n character.</numerusform>
            <numerusform>The new %1 is too short: at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too long: at most %n character(s).</source>
        <translation>
            <numerusform>The new %1 is too long: at most %n character.</numerusform>
            <numerusform>The new %1 is too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message numerus="yes">
        <source>Readers (%n):</source>
        <translation>
            <numerusform>Readers (%n):</numerusform>
            <numerusform>Readers (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reader drivers (%n):</source>
        <translation>
            <numerusform>Reader drivers (%n):</numerusform>
            <numerusform>Reader drivers (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PKCS#11 modules (%n):</source>
        <translation>
            <numerusform>PKCS#11 modules (%n):</numerusform>
            <numerusform>PKCS#11 modules (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens (%n):</source>
        <translation>
            <numerusform>Tokens (%n):</numerusform>
            <numerusform>Tokens (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Certificates (%n):</source>
        <translation>
            <numerusform>Certificates (%n):</numerusform>
            <numerusform>Certificates (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerminalPinPrompter</name>
    <message numerus="yes">
        <source>(%n tries left)</source>
        <translation>
            <numerusform>(%n try left)</numerusform>
            <numerusform>(%n tries left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnpairCli</name>
    <message numerus="yes">
        <source>Unpaired &quot;%1&quot; in %2: %n entries removed.</source>
        <translation>
            <numerusform>Unpaired &quot;%1&quot; in %2: %n entry removed.</numerusform>
            <numerusform>Unpaired &quot;%1&quot; in %2: %n entries removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VirtualTokenText</name>
    <message numerus="yes">
        <source>The certificate of %1 expires within %n days.</source>
        <translation>
            <numerusform>The certificate of %1 expires within %n day.</numerusform>
            <numerusform>The certificate of %1 expires within %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhoisCli</name>
    <message numerus="yes">
        <source>The URI names %n tokens; name one card, e.g. with its serial=.</source>
        <translation>
            <numerusform>The URI names %n token; name one card, e.g. with its serial=.</numerusform>
            <numerusform>The URI names %n tokens; name one card, e.g. with its serial=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::AtrModel</name>
    <message numerus="yes">
        <source>%n historical byte(s)</source>
        <translation>
            <numerusform>%n historical byte</numerusform>
            <numerusform>%n historical bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificateFileDialog</name>
    <message numerus="yes">
        <source>%1: the first of %n certificates in this file.</source>
        <translation>
            <numerusform>%1: the first of %n certificate in this file.</numerusform>
            <numerusform>%1: the first of %n certificates in this file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::DirectoryActions</name>
    <message numerus="yes">
        <source>Reading the directory… %n pairing(s) so far</source>
        <translation>
            <numerusform>Reading the directory… %n pairing so far</numerusform>
            <numerusform>Reading the directory… %n pairings so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n pairing(s) listed, not the whole directory.</source>
        <translation>
            <numerusform>Stopped: %n pairing listed, not the whole directory.</numerusform>
            <numerusform>Stopped: %n pairings listed, not the whole directory.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::InfoPage</name>
    <message numerus="yes">
        <source>%n smart card readers connected.</source>
        <translation>
            <numerusform>%n smart card reader connected.</numerusform>
            <numerusform>%n smart card readers connected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens, grouped by PKCS#11 module.</source>
        <translation>
            <numerusform>%n token, grouped by PKCS#11 module.</numerusform>
            <numerusform>%n tokens, grouped by PKCS#11 module.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingModel</name>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>expires in %n day</numerusform>
            <numerusform>expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::PinChangeDialog</name>
    <message numerus="yes">
        <source>exactly %n character(s)</source>
        <translation>
            <numerusform>exactly %n character</numerusform>
            <numerusform>exactly %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::PinDialog</name>
    <message numerus="yes">
        <source>The %1 has at least %n characters.</source>
        <translation>
            <numerusform>The %1 has at least %n character.</numerusform>
            <numerusform>The %1 has at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenTreeModel</name>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::UnpairCommand</name>
    <message numerus="yes">
        <source>Unpaired “%1”: %n entries removed.</source>
        <translation>
            <numerusform>Unpaired “%1”: %n entry removed.</numerusform>
            <numerusform>Unpaired “%1”: %n entries removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::VirtualTokenDialog</name>
    <message numerus="yes">
        <source>The PIN has at least %n character(s).</source>
        <translation>
            <numerusform>The PIN has at least %n character.</numerusform>
            <numerusform>The PIN has at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::TokenChoicePage</name>
    <message numerus="yes">
        <source>%n virtual token(s) found.</source>
        <translation>
            <numerusform>%n virtual token found.</numerusform>
            <numerusform>%n virtual tokens found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n character(s).</source>
        <comment>PIN the noun</comment>
        <translation>
            <numerusform>The PIN needs at least %n character.</numerusform>
            <numerusform>The PIN needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
</TS>

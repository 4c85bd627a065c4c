<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AtrText</name>
    <message>
        <source>ERROR: %1</source>
        <translation>FEHLER: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>(historical bytes)</source>
        <translation>(historische Bytes)</translation>
    </message>
    <message>
        <source>Historical bytes: %1</source>
        <translation>Historische Bytes: %1</translation>
    </message>
    <message>
        <source>Category indicator byte: %1 (%2)</source>
        <translation>Kategorie-Indikator-Byte: %1 (%2)</translation>
    </message>
    <message>
        <source>Tag: 4F, len: %1 (%2, BER-TLV as in PC/SC part 3)</source>
        <translation>Tag: 4F, Länge: %1 (%2, BER-TLV wie in PC/SC Teil 3)</translation>
    </message>
    <message>
        <source>Tag: %1, len: %2 (%3)</source>
        <translation>Tag: %1, Länge: %2 (%3)</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>Wert: %1</translation>
    </message>
    <message>
        <source>Mandatory status indicator (3 last bytes)</source>
        <translation>Obligatorischer Statusindikator (letzte 3 Bytes)</translation>
    </message>
    <message>
        <source>DIR data reference: %1</source>
        <translation>DIR-Datenreferenz: %1</translation>
    </message>
    <message>
        <source>(correct checksum)</source>
        <translation>(Prüfsumme korrekt)</translation>
    </message>
    <message>
        <source>(WRONG CHECKSUM)</source>
        <translation>(FALSCHE PRÜFSUMME)</translation>
    </message>
    <message>
        <source>Protocols: %1</source>
        <translation>Protokolle: %1</translation>
    </message>
    <message>
        <source>Possibly identified card (using %1):</source>
        <translation>Möglicherweise erkannte Karte (über %1):</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>KEINE</translation>
    </message>
    <message>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
    <message>
        <source>The ATR is empty.</source>
        <translation>Der ATR ist leer.</translation>
    </message>
    <message>
        <source>The ATR has an odd number of hex digits (%1).</source>
        <translation>Der ATR hat eine ungerade Anzahl Hex-Ziffern (%1).</translation>
    </message>
    <message>
        <source>The ATR contains “%1” at position %2, which is not a hex digit.</source>
        <translation>Der ATR enthält an Position %2 „%1“, das ist keine Hex-Ziffer.</translation>
    </message>
    <message>
        <source>TS is %1, neither 3B (direct convention) nor 3F (inverse convention).</source>
        <translation>TS ist %1, weder 3B (direkte Konvention) noch 3F (inverse Konvention).</translation>
    </message>
    <message>
        <source>The ATR is truncated: T0 and the TD bytes announce at least %1 bytes, it has %2.</source>
        <translation>Der ATR ist abgeschnitten: T0 und die TD-Bytes kündigen mindestens %1 Bytes an, er hat %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n historical byte(s) missing: T0 announces %1, the ATR has %2.</source>
        <translation>
            <numerusform>%n historisches Byte fehlt: T0 kündigt %1 an, der ATR hat %2.</numerusform>
            <numerusform>%n historische Bytes fehlen: T0 kündigt %1 an, der ATR hat %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The TCK is missing: a protocol other than T=0 is offered, so the ATR must end with a check byte.</source>
        <translation>Das TCK fehlt: Es wird ein anderes Protokoll als T=0 angeboten, daher muss der ATR mit einem Prüfbyte enden.</translation>
    </message>
    <message>
        <source>The TCK is %1 but should be %2.</source>
        <translation>Das TCK ist %1, sollte aber %2 sein.</translation>
    </message>
    <message>
        <source>The ATR is %1 bytes long, more than the %2 ISO 7816-3 allows.</source>
        <translation>Der ATR ist %1 Bytes lang, mehr als die %2, die ISO 7816-3 erlaubt.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the ATR.</source>
        <translation>
            <numerusform>%n Byte nach dem Ende des ATR.</numerusform>
            <numerusform>%n Bytes nach dem Ende des ATR.</numerusform>
        </translation>
    </message>
    <message>
        <source>TD1 announces T=15, which ISO 7816-3 does not allow there.</source>
        <translation>TD1 kündigt T=15 an, was ISO 7816-3 an dieser Stelle nicht erlaubt.</translation>
    </message>
    <message>
        <source>The TD bytes do not list protocols in ascending order (T=%1 after T=%2).</source>
        <translation>Die TD-Bytes führen die Protokolle nicht in aufsteigender Reihenfolge auf (T=%1 nach T=%2).</translation>
    </message>
    <message>
        <source>TA1 (%1) uses a reserved Fi value.</source>
        <translation>TA1 (%1) verwendet einen reservierten Fi-Wert.</translation>
    </message>
    <message>
        <source>TA1 (%1) uses a reserved Di value.</source>
        <translation>TA1 (%1) verwendet einen reservierten Di-Wert.</translation>
    </message>
    <message>
        <source>The IFSC %1 is reserved.</source>
        <translation>Die IFSC %1 ist reserviert.</translation>
    </message>
    <message>
        <source>The BWI in %1 is reserved.</source>
        <translation>Der BWI in %1 ist reserviert.</translation>
    </message>
    <message>
        <source>The ATR ends with a TCK (%1) although only T=0 is offered, which has none.</source>
        <translation>Der ATR endet mit einem TCK (%1), obwohl nur T=0 angeboten wird, das keines hat.</translation>
    </message>
    <message>
        <source>Category 00 needs a 3-byte status indicator at the end of the historical bytes.</source>
        <translation>Kategorie 00 benötigt am Ende der historischen Bytes einen 3-Byte-Statusindikator.</translation>
    </message>
    <message>
        <source>The compact-TLV object at historical byte %1 is longer than the bytes left.</source>
        <translation>Das Compact-TLV-Objekt bei historischem Byte %1 ist länger als die verbleibenden Bytes.</translation>
    </message>
    <message>
        <source>The compact-TLV object at historical byte %1 has a length its tag does not allow.</source>
        <translation>Das Compact-TLV-Objekt bei historischem Byte %1 hat eine Länge, die sein Tag nicht erlaubt.</translation>
    </message>
    <message>
        <source>Category 10 needs a DIR data reference byte.</source>
        <translation>Kategorie 10 benötigt ein DIR-Datenreferenz-Byte.</translation>
    </message>
    <message>
        <source>Direct convention</source>
        <translation>Direkte Konvention</translation>
    </message>
    <message>
        <source>Inverse convention</source>
        <translation>Inverse Konvention</translation>
    </message>
    <message>
        <source>Undefined (not a microprocessor card?)</source>
        <translation>Undefiniert (keine Mikroprozessorkarte?)</translation>
    </message>
    <message>
        <source>RFU</source>
        <translation>RFU</translation>
    </message>
    <message>
        <source>Fi=%1, Di=%2</source>
        <translation>Fi=%1, Di=%2</translation>
    </message>
    <message>
        <source>, %1 cycles/ETU, %2 bits/s at 3.5795 MHz, f max %3 =&gt; %4 bits/s</source>
        <translation>, %1 Zyklen/ETU, %2 Bit/s bei 3,5795 MHz, f max %3 =&gt; %4 Bit/s</translation>
    </message>
    <message>
        <source>VPP is not electrically connected</source>
        <translation>VPP ist nicht elektrisch angeschlossen</translation>
    </message>
    <message>
        <source>Programming voltage %1 V, current %2 mA (deprecated)</source>
        <translation>Programmierspannung %1 V, Strom %2 mA (veraltet)</translation>
    </message>
    <message>
        <source>Extra guard time: 255 (minimum: 12 ETU for T=0, 11 ETU for T=1)</source>
        <translation>Zusätzliche Schutzzeit: 255 (Minimum: 12 ETU für T=0, 11 ETU für T=1)</translation>
    </message>
    <message>
        <source>Extra guard time: %1 ETU</source>
        <translation>Zusätzliche Schutzzeit: %1 ETU</translation>
    </message>
    <message>
        <source>Specific mode, protocol T=%1, %2, %3</source>
        <translation>Spezifischer Modus, Protokoll T=%1, %2, %3</translation>
    </message>
    <message>
        <source>capable to change</source>
        <translation>umschaltbar</translation>
    </message>
    <message>
        <source>unable to change</source>
        <translation>nicht umschaltbar</translation>
    </message>
    <message>
        <source>parameters implicitly defined</source>
        <translation>Parameter implizit festgelegt</translation>
    </message>
    <message>
        <source>parameters defined by the interface bytes</source>
        <translation>Parameter durch die Schnittstellenbytes festgelegt</translation>
    </message>
    <message>
        <source>Programming voltage PI2: %1 V (deprecated)</source>
        <translation>Programmierspannung PI2: %1 V (veraltet)</translation>
    </message>
    <message>
        <source>Programming voltage PI2: %1 is RFU</source>
        <translation>Programmierspannung PI2: %1 ist RFU</translation>
    </message>
    <message>
        <source>Work waiting time: 960 x %1 x (Fi/f) (T=0)</source>
        <translation>Arbeitswartezeit: 960 x %1 x (Fi/f) (T=0)</translation>
    </message>
    <message>
        <source>T=15 (global interface bytes follow)</source>
        <translation>T=15 (globale Schnittstellenbytes folgen)</translation>
    </message>
    <message>
        <source>Protocol T=%1</source>
        <translation>Protokoll T=%1</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
    <message>
        <source>IFSC: %1 bytes (T=1)</source>
        <translation>IFSC: %1 Bytes (T=1)</translation>
    </message>
    <message>
        <source>Block waiting integer: %1, character waiting integer: %2 (T=1)</source>
        <translation>Block Waiting Integer: %1, Character Waiting Integer: %2 (T=1)</translation>
    </message>
    <message>
        <source>Error detection code: %1 (T=1)</source>
        <translation>Fehlererkennungscode: %1 (T=1)</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <source>state L</source>
        <translation>Zustand L</translation>
    </message>
    <message>
        <source>state H</source>
        <translation>Zustand H</translation>
    </message>
    <message>
        <source>no preference</source>
        <translation>keine Präferenz</translation>
    </message>
    <message>
        <source>A (5 V)</source>
        <translation>A (5 V)</translation>
    </message>
    <message>
        <source>B (3 V)</source>
        <translation>B (3 V)</translation>
    </message>
    <message>
        <source>C (1.8 V)</source>
        <translation>C (1,8 V)</translation>
    </message>
    <message>
        <source>Clock stop: %1, classes accepted by the card: %2</source>
        <translation>Taktstopp: %1, von der Karte akzeptierte Klassen: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>SPU (C6) not used</source>
        <translation>SPU (C6) nicht verwendet</translation>
    </message>
    <message>
        <source>SPU (C6): proprietary use %1</source>
        <translation>SPU (C6): proprietäre Verwendung %1</translation>
    </message>
    <message>
        <source>SPU (C6): standard use %1</source>
        <translation>SPU (C6): Standardverwendung %1</translation>
    </message>
    <message>
        <source>Undefined</source>
        <translation>Undefiniert</translation>
    </message>
    <message>
        <source>Specific to T=%1</source>
        <translation>Spezifisch für T=%1</translation>
    </message>
    <message>
        <source>no historical bytes</source>
        <translation>keine historischen Bytes</translation>
    </message>
    <message>
        <source>compact-TLV data objects, status indicator in the last 3 bytes</source>
        <translation>Compact-TLV-Datenobjekte, Statusindikator in den letzten 3 Bytes</translation>
    </message>
    <message>
        <source>next byte is the DIR data reference</source>
        <translation>nächstes Byte ist die DIR-Datenreferenz</translation>
    </message>
    <message>
        <source>compact-TLV data objects</source>
        <translation>Compact-TLV-Datenobjekte</translation>
    </message>
    <message>
        <source>reserved for future use</source>
        <translation>für zukünftige Verwendung reserviert</translation>
    </message>
    <message>
        <source>proprietary format</source>
        <translation>proprietäres Format</translation>
    </message>
    <message>
        <source>country code, ISO 3166-1</source>
        <translation>Ländercode, ISO 3166-1</translation>
    </message>
    <message>
        <source>issuer identification number, ISO 7812-1</source>
        <translation>Herausgeber-Identifikationsnummer, ISO 7812-1</translation>
    </message>
    <message>
        <source>card service data</source>
        <translation>Kartendienstdaten</translation>
    </message>
    <message>
        <source>initial access data</source>
        <translation>Anfangszugriffsdaten</translation>
    </message>
    <message>
        <source>card issuer&apos;s data</source>
        <translation>Daten des Kartenherausgebers</translation>
    </message>
    <message>
        <source>pre-issuing data</source>
        <translation>Daten vor der Ausgabe</translation>
    </message>
    <message>
        <source>card capabilities</source>
        <translation>Kartenfähigkeiten</translation>
    </message>
    <message>
        <source>status indicator</source>
        <translation>Statusindikator</translation>
    </message>
    <message>
        <source>application identifier</source>
        <translation>Anwendungskennung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no information given</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <source>creation state</source>
        <translation>Erstellungszustand</translation>
    </message>
    <message>
        <source>initialisation state</source>
        <translation>Initialisierungszustand</translation>
    </message>
    <message>
        <source>operational state (activated)</source>
        <translation>Betriebszustand (aktiviert)</translation>
    </message>
    <message>
        <source>operational state (deactivated)</source>
        <translation>Betriebszustand (deaktiviert)</translation>
    </message>
    <message>
        <source>termination state</source>
        <translation>Beendigungszustand</translation>
    </message>
    <message>
        <source>proprietary</source>
        <translation>proprietär</translation>
    </message>
    <message>
        <source>normal processing</source>
        <translation>normale Verarbeitung</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>LCS (life cycle status): %1 (%2)</source>
        <translation>LCS (Lebenszyklusstatus): %1 (%2)</translation>
    </message>
    <message>
        <source>SW: %1</source>
        <translation>SW: %1</translation>
    </message>
    <message>
        <source>SW: %1 (%2)</source>
        <translation>SW: %1 (%2)</translation>
    </message>
    <message>
        <source>Application selection: by full DF name</source>
        <translation>Anwendungsauswahl: über vollständigen DF-Namen</translation>
    </message>
    <message>
        <source>Application selection: by partial DF name</source>
        <translation>Anwendungsauswahl: über partiellen DF-Namen</translation>
    </message>
    <message>
        <source>BER-TLV data objects available in EF.DIR</source>
        <translation>BER-TLV-Datenobjekte in EF.DIR verfügbar</translation>
    </message>
    <message>
        <source>BER-TLV data objects available in EF.ATR</source>
        <translation>BER-TLV-Datenobjekte in EF.ATR verfügbar</translation>
    </message>
    <message>
        <source>by READ RECORD(s)</source>
        <translation>über READ RECORD(s)</translation>
    </message>
    <message>
        <source>by GET DATA</source>
        <translation>über GET DATA</translation>
    </message>
    <message>
        <source>by READ BINARY</source>
        <translation>über READ BINARY</translation>
    </message>
    <message>
        <source>EF.DIR and EF.ATR access services: %1</source>
        <translation>Zugriffsdienste für EF.DIR und EF.ATR: %1</translation>
    </message>
    <message>
        <source>Card with MF</source>
        <translation>Karte mit MF</translation>
    </message>
    <message>
        <source>Card without MF</source>
        <translation>Karte ohne MF</translation>
    </message>
    <message>
        <source>Selection methods: %1</source>
        <translation>Auswahlmethoden: %1</translation>
    </message>
    <message>
        <source>DF selection by full DF name</source>
        <translation>DF-Auswahl über vollständigen DF-Namen</translation>
    </message>
    <message>
        <source>DF selection by partial DF name</source>
        <translation>DF-Auswahl über partiellen DF-Namen</translation>
    </message>
    <message>
        <source>DF selection by path</source>
        <translation>DF-Auswahl über Pfad</translation>
    </message>
    <message>
        <source>DF selection by file identifier</source>
        <translation>DF-Auswahl über Dateikennung</translation>
    </message>
    <message>
        <source>Implicit DF selection</source>
        <translation>Implizite DF-Auswahl</translation>
    </message>
    <message>
        <source>Short EF identifier supported</source>
        <translation>Kurze EF-Kennung unterstützt</translation>
    </message>
    <message>
        <source>Record number supported</source>
        <translation>Datensatznummer unterstützt</translation>
    </message>
    <message>
        <source>Record identifier supported</source>
        <translation>Datensatzkennung unterstützt</translation>
    </message>
    <message>
        <source>one-time write</source>
        <translation>einmaliges Schreiben</translation>
    </message>
    <message>
        <source>write OR</source>
        <translation>Schreiben mit ODER</translation>
    </message>
    <message>
        <source>write AND</source>
        <translation>Schreiben mit UND</translation>
    </message>
    <message>
        <source>Data coding byte: %1</source>
        <translation>Datenkodierungsbyte: %1</translation>
    </message>
    <message>
        <source>EF of TLV structure supported</source>
        <translation>EF mit TLV-Struktur unterstützt</translation>
    </message>
    <message>
        <source>Behaviour of write functions: %1</source>
        <translation>Verhalten der Schreibfunktionen: %1</translation>
    </message>
    <message>
        <source>Value FF for the first byte of BER-TLV tags: valid</source>
        <translation>Wert FF für das erste Byte von BER-TLV-Tags: gültig</translation>
    </message>
    <message>
        <source>Value FF for the first byte of BER-TLV tags: invalid</source>
        <translation>Wert FF für das erste Byte von BER-TLV-Tags: ungültig</translation>
    </message>
    <message>
        <source>Data unit in quartets: %1</source>
        <translation>Dateneinheit in Quartetten: %1</translation>
    </message>
    <message>
        <source>no logical channel</source>
        <translation>kein logischer Kanal</translation>
    </message>
    <message>
        <source>by the interface device</source>
        <translation>durch das Schnittstellengerät</translation>
    </message>
    <message>
        <source>by the card</source>
        <translation>durch die Karte</translation>
    </message>
    <message>
        <source>by the interface device and the card</source>
        <translation>durch das Schnittstellengerät und die Karte</translation>
    </message>
    <message>
        <source>Command chaining, length fields and logical channels: %1</source>
        <translation>Befehlsverkettung, Längenfelder und logische Kanäle: %1</translation>
    </message>
    <message>
        <source>Command chaining</source>
        <translation>Befehlsverkettung</translation>
    </message>
    <message>
        <source>Extended Lc and Le fields</source>
        <translation>Erweiterte Lc- und Le-Felder</translation>
    </message>
    <message>
        <source>Extended length information in EF.ATR/INFO</source>
        <translation>Erweiterte Längeninformation in EF.ATR/INFO</translation>
    </message>
    <message>
        <source>Logical channel number assignment: %1</source>
        <translation>Zuweisung der logischen Kanalnummern: %1</translation>
    </message>
    <message>
        <source>Maximum number of logical channels: %1</source>
        <translation>Maximale Anzahl logischer Kanäle: %1</translation>
    </message>
    <message>
        <source>RID: %1, PIX: %2</source>
        <translation>RID: %1, PIX: %2</translation>
    </message>
    <message>
        <source>PC/SC storage card, standard: %1</source>
        <translation>PC/SC-Speicherkarte, Standard: %1</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>Card name: %1</source>
        <translation>Kartenname: %1</translation>
    </message>
    <message>
        <source>low frequency contactless card</source>
        <translation>kontaktlose Niederfrequenzkarte</translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message>
        <source>Missing argument: show or export, e.g. tokendesk cert show FILE</source>
        <translation>Fehlendes Argument: show oder export, z. B. tokendesk cert show FILE</translation>
    </message>
    <message>
        <source>Unknown cert command: %1 (show or export).</source>
        <translation>Unbekannter cert-Befehl: %1 (show oder export).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>-o and --der are options of cert export.</source>
        <translation>-o und --der sind Optionen von cert export.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>Note: names in this certificate hold invalid characters, shown as �.</source>
        <translation>Hinweis: Namen in diesem Zertifikat enthalten ungültige Zeichen, dargestellt als �.</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>Alternative Inhabernamen</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>Schlüsselverwendung</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>Erweiterte Schlüsselverwendung</translation>
    </message>
    <message>
        <source>Basic constraints</source>
        <translation>Basiseinschränkungen</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>OCSP</source>
        <translation>OCSP</translation>
    </message>
    <message>
        <source>CA issuers</source>
        <translation>CA-Aussteller</translation>
    </message>
    <message>
        <source>CRL distribution points</source>
        <translation>CRL-Verteilungspunkte</translation>
    </message>
    <message>
        <source>Subject key ID</source>
        <translation>Inhaber-Schlüsselkennung</translation>
    </message>
    <message>
        <source>Authority key ID</source>
        <translation>Aussteller-Schlüsselkennung</translation>
    </message>
    <message>
        <source>SHA-1 fingerprint</source>
        <translation>SHA-1-Fingerabdruck</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Public key SHA-1</source>
        <translation>SHA-1 des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Missing argument: the certificate file or PKCS#11 URI, e.g. tokendesk cert %1 FILE</source>
        <translation>Fehlendes Argument: die Zertifikatsdatei oder PKCS#11-URI, z. B. tokendesk cert %1 FILE</translation>
    </message>
    <message>
        <source>The certificate %1 cannot be read: %2</source>
        <translation>Das Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n certificates; name one (add id= or object=): %1</source>
        <translation>
            <numerusform>Die URI bezeichnet %n Zertifikat; geben Sie eines an (mit id= oder object=): %1</numerusform>
            <numerusform>Die URI bezeichnet %n Zertifikate; geben Sie eines an (mit id= oder object=): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing option: -o FILE, where to write the certificate (- for standard output).</source>
        <translation>Fehlende Option: -o FILE, wohin das Zertifikat geschrieben wird (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>-o - writes the certificate to standard output, where --json would write too.</source>
        <translation>-o - schreibt das Zertifikat auf die Standardausgabe, wohin auch --json schreiben würde.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The certificate cannot be encoded.</source>
        <translation>Das Zertifikat kann nicht kodiert werden.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Auf die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s); the first is shown</source>
        <translation>
            <numerusform>%n Zertifikat; das erste wird angezeigt</numerusform>
            <numerusform>%n Zertifikate; das erste wird angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertTestCommand</name>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>Die URI bezeichnet %n Zertifikat; geben Sie eines an, z. B. mit seiner id= oder object=.</numerusform>
            <numerusform>Die URI bezeichnet %n Zertifikate; geben Sie eines an, z. B. mit seiner id= oder object=.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not tested: one more wrong PIN would lock the card. Use --final-try to allow the last try.</source>
        <translation>Nicht getestet: Eine weitere falsche PIN würde die Karte sperren. Mit --final-try erlauben Sie den letzten Versuch.</translation>
    </message>
    <message>
        <source>The token signed with %1, but the certificate&apos;s public key does not verify the signature (%2): the key on the token is not this certificate&apos;s.</source>
        <translation>Der Token hat mit %1 signiert, aber der öffentliche Schlüssel des Zertifikats bestätigt die Signatur nicht (%2): Der Schlüssel auf dem Token gehört nicht zu diesem Zertifikat.</translation>
    </message>
    <message>
        <source>Verified: %1 signed a random challenge with %2 (%3 bytes, %4 ms), and the certificate&apos;s public key verifies the signature.</source>
        <translation>Bestätigt: %1 hat eine zufällige Challenge mit %2 signiert (%3 Bytes, %4 ms), und der öffentliche Schlüssel des Zertifikats bestätigt die Signatur.</translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expires today.</source>
        <translation>Läuft heute ab.</translation>
    </message>
    <message>
        <source>Valid from %1.</source>
        <translation>Gültig ab %1.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>%1 %2 bits</source>
        <translation>%1 %2 Bit</translation>
    </message>
    <message>
        <source>EC %1 bits</source>
        <translation>EC %1 Bit</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Unbekannt (%1)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>UPN</source>
        <comment>Microsoft user principal name</comment>
        <translation>UPN</translation>
    </message>
    <message>
        <source>Directory name</source>
        <translation>Verzeichnisname</translation>
    </message>
    <message>
        <source>Registered ID</source>
        <translation>Registrierte ID</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Anderer Name</translation>
    </message>
    <message>
        <source>Other name %1: %2</source>
        <translation>Anderer Name %1: %2</translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation>Digitale Signatur</translation>
    </message>
    <message>
        <source>Non-repudiation</source>
        <translation>Nichtabstreitbarkeit</translation>
    </message>
    <message>
        <source>Key encipherment</source>
        <translation>Schlüsselverschlüsselung</translation>
    </message>
    <message>
        <source>Data encipherment</source>
        <translation>Datenverschlüsselung</translation>
    </message>
    <message>
        <source>Key agreement</source>
        <translation>Schlüsselvereinbarung</translation>
    </message>
    <message>
        <source>Certificate signing</source>
        <translation>Zertifikatsignatur</translation>
    </message>
    <message>
        <source>CRL signing</source>
        <translation>CRL-Signatur</translation>
    </message>
    <message>
        <source>Encipher only</source>
        <translation>Nur verschlüsseln</translation>
    </message>
    <message>
        <source>Decipher only</source>
        <translation>Nur entschlüsseln</translation>
    </message>
    <message>
        <source>TLS server authentication</source>
        <translation>TLS-Server-Authentifizierung</translation>
    </message>
    <message>
        <source>TLS client authentication</source>
        <translation>TLS-Client-Authentifizierung</translation>
    </message>
    <message>
        <source>Code signing</source>
        <translation>Codesignatur</translation>
    </message>
    <message>
        <source>Email protection (S/MIME)</source>
        <translation>E-Mail-Schutz (S/MIME)</translation>
    </message>
    <message>
        <source>Time stamping</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>OCSP signing</source>
        <translation>OCSP-Signatur</translation>
    </message>
    <message>
        <source>Smart card logon</source>
        <translation>Smartcard-Anmeldung</translation>
    </message>
    <message>
        <source>Kerberos client authentication (PKINIT)</source>
        <translation>Kerberos-Client-Authentifizierung (PKINIT)</translation>
    </message>
    <message>
        <source>Kerberos KDC (PKINIT)</source>
        <translation>Kerberos-KDC (PKINIT)</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>Beliebiger Zweck</translation>
    </message>
    <message>
        <source>Not a CA</source>
        <translation>Keine CA</translation>
    </message>
    <message>
        <source>CA, path length %1</source>
        <translation>CA, Pfadlänge %1</translation>
    </message>
    <message>
        <source>CA, no path length limit</source>
        <translation>CA, keine Begrenzung der Pfadlänge</translation>
    </message>
    <message>
        <source>The certificate is trusted.</source>
        <translation>Das Zertifikat ist vertrauenswürdig.</translation>
    </message>
    <message>
        <source>The chain ends at a root certificate that is not trusted.</source>
        <translation>Die Kette endet bei einem Stammzertifikat, das nicht vertrauenswürdig ist.</translation>
    </message>
    <message>
        <source>The certificate of an issuer is missing, so the chain cannot be checked.</source>
        <translation>Das Zertifikat eines Ausstellers fehlt, daher kann die Kette nicht geprüft werden.</translation>
    </message>
    <message>
        <source>A certificate of the chain has expired.</source>
        <translation>Ein Zertifikat der Kette ist abgelaufen.</translation>
    </message>
    <message>
        <source>A certificate of the chain is not valid yet.</source>
        <translation>Ein Zertifikat der Kette ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>A certificate of the chain has been revoked.</source>
        <translation>Ein Zertifikat der Kette wurde widerrufen.</translation>
    </message>
    <message>
        <source>A signature in the chain does not verify: a certificate was altered or mis-issued.</source>
        <translation>Eine Signatur in der Kette lässt sich nicht bestätigen: Ein Zertifikat wurde verändert oder fehlerhaft ausgestellt.</translation>
    </message>
    <message>
        <source>The chain could not be verified.</source>
        <translation>Die Kette konnte nicht überprüft werden.</translation>
    </message>
    <message>
        <source>The data</source>
        <translation>Die Daten</translation>
    </message>
    <message>
        <source>The file %1</source>
        <translation>Die Datei %1</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 holds a certificate that is cut off.</source>
        <translation>%1 enthält ein abgeschnittenes Zertifikat.</translation>
    </message>
    <message>
        <source>%1 is not a certificate.</source>
        <translation>%1 ist kein Zertifikat.</translation>
    </message>
    <message>
        <source>%1 holds a PEM certificate block that is damaged.</source>
        <translation>%1 enthält einen beschädigten PEM-Zertifikatsblock.</translation>
    </message>
    <message>
        <source>The certificate cannot be read.</source>
        <translation>Das Zertifikat kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (%2).</source>
        <translation>Die Datei %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate file.</source>
        <translation>%1 ist zu groß für eine Zertifikatsdatei.</translation>
    </message>
    <message>
        <source>Reading the certificate failed inside OpenSSL.</source>
        <translation>Das Lesen des Zertifikats ist in OpenSSL fehlgeschlagen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Gültig bis %1</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message>
        <source>Expired today</source>
        <translation>Heute abgelaufen</translation>
    </message>
    <message>
        <source>Not valid before %1</source>
        <translation>Nicht gültig vor %1</translation>
    </message>
    <message>
        <source>Expired today (%1)</source>
        <translation>Heute abgelaufen (%1)</translation>
    </message>
    <message>
        <source>Expires tomorrow.</source>
        <translation>Läuft morgen ab.</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days.</source>
        <translation>
            <numerusform>Läuft in %n Tag ab.</numerusform>
            <numerusform>Läuft in %n Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired yesterday.</source>
        <translation>Gestern abgelaufen.</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago.</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen.</numerusform>
            <numerusform>Vor %n Tagen abgelaufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation>Läuft morgen ab</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired yesterday</source>
        <translation>Gestern abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen</numerusform>
            <numerusform>Vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid until %1 (1 day)</source>
        <translation>Gültig bis %1 (1 Tag)</translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n days)</source>
        <translation>
            <numerusform>Gültig bis %1 (%n Tag)</numerusform>
            <numerusform>Gültig bis %1 (%n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired 1 day ago (%1)</source>
        <translation>Vor 1 Tag abgelaufen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago (%1)</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen (%1)</numerusform>
            <numerusform>Vor %n Tagen abgelaufen (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of text that is not PEM</source>
        <translation>
            <numerusform>%n Byte Text, der kein PEM ist</numerusform>
            <numerusform>%n Bytes Text, der kein PEM ist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) that are not certificates</source>
        <translation>
            <numerusform>%n Block, der kein Zertifikat ist</numerusform>
            <numerusform>%n Blöcke, die keine Zertifikate sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged certificate block(s)</source>
        <translation>
            <numerusform>%n beschädigter Zertifikatsblock</numerusform>
            <numerusform>%n beschädigte Zertifikatsblöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>the certificates after the first %1</source>
        <translation>die Zertifikate nach den ersten %1</translation>
    </message>
    <message>
        <source>skipped %1.</source>
        <translation>%1 übersprungen.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Print one JSON document.</source>
        <translation>Ein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>Card names from FILE instead of %1.</source>
        <translation>Kartennamen aus FILE statt aus %1.</translation>
    </message>
    <message>
        <source>The ATR in hex; spaces and colons are allowed.</source>
        <translation>Der ATR in Hex; Leerzeichen und Doppelpunkte sind erlaubt.</translation>
    </message>
    <message>
        <source>Missing argument: the ATR in hex, e.g. %1</source>
        <translation>Fehlendes Argument: der ATR in Hex, z. B. %1</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Cannot read the card list %1.</source>
        <translation>Die Kartenliste %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>--count takes a number of events.</source>
        <translation>--count erwartet eine Anzahl von Ereignissen.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>Also load the PKCS#11 module PATH (repeatable).</source>
        <translation>Zusätzlich das PKCS#11-Modul PATH laden (mehrfach möglich).</translation>
    </message>
    <message>
        <source>status: PIN and PUK / SO PIN state with tries left; change: current, then new; unblock: PUK / SO PIN, then a new PIN. Secrets from the terminal, or one per line on stdin.</source>
        <translation>status: Zustand von PIN und PUK / SO-PIN mit verbleibenden Versuchen; change: aktuelle, dann neue; unblock: PUK / SO-PIN, dann eine neue PIN. Geheimnisse vom Terminal oder eines pro Zeile von stdin.</translation>
    </message>
    <message>
        <source>The token&apos;s PKCS#11 URI.</source>
        <translation>Die PKCS#11-URI des Tokens.</translation>
    </message>
    <message>
        <source>show FILE|URI: the certificate&apos;s details; export FILE|URI -o OUT; test URI: sign and verify.</source>
        <translation>show FILE|URI: die Details des Zertifikats; export FILE|URI -o OUT; test URI: signieren und prüfen.</translation>
    </message>
    <message>
        <source>A certificate file, PEM or DER, or a PKCS#11 URI (pkcs11:...) of certificates on a token. show: a URI naming several certificates shows them all (with --json, as {&quot;certificates&quot;: [...]}); export wants a URI naming one.</source>
        <translation>Eine Zertifikatsdatei, PEM oder DER, oder eine PKCS#11-URI (pkcs11:...) von Zertifikaten auf einem Token. show: Eine URI, die mehrere Zertifikate bezeichnet, zeigt sie alle (mit --json als {&quot;certificates&quot;: [...]}); export erwartet eine URI, die genau eines bezeichnet.</translation>
    </message>
    <message>
        <source>cert test takes one PKCS#11 URI.</source>
        <translation>cert test erwartet eine PKCS#11-URI.</translation>
    </message>
    <message>
        <source>Usage: tokendesk pin status|change|unblock URI</source>
        <translation>Aufruf: tokendesk pin status|change|unblock URI</translation>
    </message>
    <message>
        <source>Usage: tokendesk [--module PATH] [FILE]   the window
       tokendesk COMMAND [--help] ...      a command:
</source>
        <translation>Aufruf: tokendesk [--module PATH] [FILE]   das Fenster
        tokendesk COMMAND [--help] ...      ein Befehl:
</translation>
    </message>
    <message>
        <source>analyse an ATR: every byte, protocols, card names</source>
        <translation>einen ATR analysieren: jedes Byte, Protokolle, Kartennamen</translation>
    </message>
    <message>
        <source>export: write the certificate to FILE (- for standard output).</source>
        <translation>export: das Zertifikat nach FILE schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>export: DER instead of PEM.</source>
        <translation>export: DER statt PEM.</translation>
    </message>
    <message>
        <source>test: allow the last try of a PIN that comes from stdin.</source>
        <translation>test: den letzten Versuch einer PIN erlauben, die von stdin kommt.</translation>
    </message>
    <message>
        <source>show, export or test a certificate (file or pkcs11: URI)</source>
        <translation>ein Zertifikat anzeigen, exportieren oder testen (Datei oder pkcs11:-URI)</translation>
    </message>
    <message>
        <source>pair a certificate with an account (--user, --cert)</source>
        <translation>ein Zertifikat mit einem Benutzerkonto koppeln (--user, --cert)</translation>
    </message>
    <message>
        <source>Read pam_pkcs11&apos;s mappers and files from FILE (default /etc/pam_pkcs11/pam_pkcs11.conf).</source>
        <translation>Die Mapper und Dateien von pam_pkcs11 aus FILE lesen (Standard: /etc/pam_pkcs11/pam_pkcs11.conf).</translation>
    </message>
    <message>
        <source>The account&apos;s login name.</source>
        <translation>Der Anmeldename des Kontos.</translation>
    </message>
    <message>
        <source>The certificate: a PEM or DER file, or a pkcs11: URI naming one.</source>
        <translation>Das Zertifikat: eine PEM- oder DER-Datei oder eine pkcs11:-URI, die eines bezeichnet.</translation>
    </message>
    <message>
        <source>Pair even though the certificate is not fit for login (expired, untrusted, ...).</source>
        <translation>Kopplung auch dann, wenn das Zertifikat nicht für die Anmeldung taugt (abgelaufen, nicht vertrauenswürdig, ...).</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>Die URI bezeichnet %n Zertifikat; geben Sie eines an, z. B. mit seiner id= oder object=.</numerusform>
            <numerusform>Die URI bezeichnet %n Zertifikate; geben Sie eines an, z. B. mit seiner id= oder object=.</numerusform>
        </translation>
    </message>
    <message>
        <source>list every pairing of the stores pam_pkcs11 reads</source>
        <translation>alle Kopplungen der Speicher auflisten, die pam_pkcs11 liest</translation>
    </message>
    <message>
        <source>change: the SO PIN / PUK instead of the PIN.</source>
        <translation>change: die SO-PIN / PUK statt der PIN.</translation>
    </message>
    <message>
        <source>Allow the last try of a PIN or PUK that comes from stdin.</source>
        <translation>Den letzten Versuch einer PIN oder PUK erlauben, die von stdin kommt.</translation>
    </message>
    <message>
        <source>PIN and PUK state; change the PIN or PUK; unblock the PIN</source>
        <translation>Zustand von PIN und PUK; PIN oder PUK ändern; PIN entsperren</translation>
    </message>
    <message>
        <source>Also the trust store&apos;s and the keyring&apos;s tokens, and uninitialized ones.</source>
        <translation>Auch die Tokens des Vertrauensspeichers und des Schlüsselbunds sowie nicht initialisierte.</translation>
    </message>
    <message>
        <source>readers, cards, PKCS#11 modules, tokens and certificates</source>
        <translation>Kartenleser, Karten, PKCS#11-Module, Tokens und Zertifikate</translation>
    </message>
    <message>
        <source>unpair an account&apos;s certificate (--cert), or all of its certificates</source>
        <translation>das Zertifikat eines Kontos (--cert) oder alle seine Zertifikate entkoppeln</translation>
    </message>
    <message>
        <source>Exit after N events.</source>
        <translation>Nach N Ereignissen beenden.</translation>
    </message>
    <message>
        <source>one line per reader, card and service event</source>
        <translation>eine Zeile pro Ereignis von Kartenleser, Karte und Dienst</translation>
    </message>
    <message>
        <source>who logs in with this card (a token&apos;s URI), by pam_pkcs11&apos;s mappers</source>
        <translation>wer sich mit dieser Karte anmeldet (die URI eines Tokens), laut den Mappern von pam_pkcs11</translation>
    </message>
    <message>
        <source>The card&apos;s token, as a pkcs11: URI.</source>
        <translation>Der Token der Karte als pkcs11:-URI.</translation>
    </message>
    <message>
        <source>The virtual token&apos;s label.</source>
        <translation>Die Bezeichnung des virtuellen Tokens.</translation>
    </message>
    <message>
        <source>Make the virtual token (its new PIN is asked).</source>
        <translation>Den virtuellen Token anlegen (seine neue PIN wird abgefragt).</translation>
    </message>
    <message>
        <source>import a PKCS#12 file into a virtual token (--token LABEL [--create])</source>
        <translation>eine PKCS#12-Datei in einen virtuellen Token importieren (--token LABEL [--create])</translation>
    </message>
    <message>
        <source>The .p12 / .pfx file. Its password, then the token&apos;s PIN (the new token&apos;s PIN with --create), from the terminal or one per line on stdin; an empty line is the empty password.</source>
        <translation>Die .p12-/.pfx-Datei. Ihr Passwort, dann die PIN des Tokens (mit --create die PIN des neuen Tokens), vom Terminal oder eines pro Zeile von stdin; eine leere Zeile ist das leere Passwort.</translation>
    </message>
    <message>
        <source>browsers: register p11-kit-proxy in the NSS databases that lack it.</source>
        <translation>browsers: p11-kit-proxy in den NSS-Datenbanken registrieren, denen er fehlt.</translation>
    </message>
    <message>
        <source>browsers: remove p11-kit-proxy again.</source>
        <translation>browsers: p11-kit-proxy wieder entfernen.</translation>
    </message>
    <message>
        <source>browsers: only this NSS database folder (repeatable).</source>
        <translation>browsers: nur dieser NSS-Datenbankordner (mehrfach möglich).</translation>
    </message>
    <message>
        <source>delete: do not ask to type the label (for scripts).</source>
        <translation>delete: nicht zur Eingabe der Bezeichnung auffordern (für Skripte).</translation>
    </message>
    <message>
        <source>virtual tokens (SoftHSM2): list, create, delete, reset-pin, browsers</source>
        <translation>virtuelle Tokens (SoftHSM2): list, create, delete, reset-pin, browsers</translation>
    </message>
    <message>
        <source>list: the virtual tokens; create LABEL: a new token (its PIN from the terminal or stdin); delete LABEL: the token and everything on it; reset-pin LABEL: a new PIN, set with the SO PIN TokenDesk keeps in the keyring; browsers: which programs see the virtual tokens, with --register or --unregister p11-kit-proxy in their NSS databases.</source>
        <translation>list: die virtuellen Tokens; create LABEL: ein neuer Token (seine PIN vom Terminal oder von stdin); delete LABEL: der Token und alles darauf; reset-pin LABEL: eine neue PIN, gesetzt mit der SO-PIN, die TokenDesk im Schlüsselbund aufbewahrt; browsers: welche Programme die virtuellen Tokens sehen, mit --register oder --unregister p11-kit-proxy in ihren NSS-Datenbanken.</translation>
    </message>
    <message>
        <source>The token.</source>
        <translation>Der Token.</translation>
    </message>
    <message>
        <source>The pairing store KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) or a directory&apos;s URL (ldap://HOST[:PORT]/BASE, ldaps://...) instead of pam_pkcs11&apos;s mappers (repeatable).</source>
        <translation>Der Kopplungsspeicher KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) oder die URL eines Verzeichnisses (ldap://HOST[:PORT]/BASE, ldaps://...) statt der Mapper von pam_pkcs11 (mehrfach möglich).</translation>
    </message>
    <message>
        <source>A directory store: bind as DN (the password is read from the terminal, or the first line of stdin); without it the bind is anonymous.</source>
        <translation>Ein Verzeichnisspeicher: als DN binden (das Passwort wird vom Terminal oder aus der ersten Zeile von stdin gelesen); ohne diese Option ist die Bindung anonym.</translation>
    </message>
    <message>
        <source>A directory store: trust the CA certificates of FILE (PEM) for ldaps:// and StartTLS instead of the system&apos;s.</source>
        <translation>Ein Verzeichnisspeicher: den CA-Zertifikaten aus FILE (PEM) für ldaps:// und StartTLS statt denen des Systems vertrauen.</translation>
    </message>
    <message>
        <source>A directory store: upgrade ldap:// with StartTLS (required: no plain-text fallback).</source>
        <translation>Ein Verzeichnisspeicher: ldap:// mit StartTLS absichern (verpflichtend: kein Rückfall auf Klartext).</translation>
    </message>
    <message>
        <source>A directory store: read SSSD&apos;s certificate mapping rules from FILE (default /etc/sssd/sssd.conf when readable, else SSSD&apos;s default rule).</source>
        <translation>Ein Verzeichnisspeicher: die Zertifikatszuordnungsregeln von SSSD aus FILE lesen (Standard: /etc/sssd/sssd.conf, wenn lesbar, sonst die Standardregel von SSSD).</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>No password was given for the bind DN: nothing was asked of the directory.</source>
        <translation>Für den Bind-DN wurde kein Passwort angegeben: Das Verzeichnis wurde nicht abgefragt.</translation>
    </message>
    <message>
        <source>An HTML document instead of text.</source>
        <translation>Ein HTML-Dokument statt Text.</translation>
    </message>
    <message>
        <source>Card, token and certificate serial numbers masked but their last four characters.</source>
        <translation>Seriennummern von Karten, Tokens und Zertifikaten bis auf die letzten vier Zeichen maskiert.</translation>
    </message>
    <message>
        <source>--html and --json exclude each other.</source>
        <translation>--html und --json schließen einander aus.</translation>
    </message>
    <message>
        <source>Load PKCS#11 modules into this process instead of one child process each (a crashing module then ends the command).</source>
        <translation>PKCS#11-Module in diesen Prozess laden statt in je einen eigenen Kindprozess (ein abstürzendes Modul beendet dann den Befehl).</translation>
    </message>
    <message>
        <source>Only the modules of --module and TOKENDESK_MODULES: not those p11-kit registers, nor the browser&apos;s NSS database.</source>
        <translation>Nur die Module aus --module und TOKENDESK_MODULES: nicht die bei p11-kit registrierten und nicht die NSS-Datenbank des Browsers.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The smart card service (pcscd) is not running.</source>
        <translation>Der Chipkartendienst (pcscd) läuft nicht.</translation>
    </message>
    <message>
        <source>No smart card reader is connected.</source>
        <translation>Es ist kein Kartenleser angeschlossen.</translation>
    </message>
    <message>
        <source>The reader is no longer connected.</source>
        <translation>Der Kartenleser ist nicht mehr angeschlossen.</translation>
    </message>
    <message>
        <source>There is no card in the reader.</source>
        <translation>Es steckt keine Karte im Kartenleser.</translation>
    </message>
    <message>
        <source>The card was removed.</source>
        <translation>Die Karte wurde entfernt.</translation>
    </message>
    <message>
        <source>The card was reset by another program.</source>
        <translation>Die Karte wurde von einem anderen Programm zurückgesetzt.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The smart card service did not answer in time.</source>
        <translation>Der Chipkartendienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Another program is using the card exclusively.</source>
        <translation>Ein anderes Programm verwendet die Karte exklusiv.</translation>
    </message>
    <message>
        <source>The smart card service failed (%1 in %2).</source>
        <translation>Der Chipkartendienst ist fehlgeschlagen (%1 in %2).</translation>
    </message>
    <message>
        <source>The PKCS#11 module could not be loaded (%1).</source>
        <translation>Das PKCS#11-Modul konnte nicht geladen werden (%1).</translation>
    </message>
    <message>
        <source>The token is not present.</source>
        <translation>Der Token ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>Insert the token “%1”.</source>
        <translation>Stecken Sie den Token „%1“ ein.</translation>
    </message>
    <message>
        <source>Insert the token “%1” (serial %2).</source>
        <translation>Stecken Sie den Token „%1“ (Seriennummer %2) ein.</translation>
    </message>
    <message>
        <source>The token was removed or reset during the operation.</source>
        <translation>Der Token wurde während des Vorgangs entfernt oder zurückgesetzt.</translation>
    </message>
    <message>
        <source>The PIN is incorrect.</source>
        <comment>PIN the noun</comment>
        <translation>Die PIN ist falsch.</translation>
    </message>
    <message>
        <source>The PIN is locked.</source>
        <comment>PIN the noun</comment>
        <translation>Die PIN ist gesperrt.</translation>
    </message>
    <message>
        <source>The PIN does not meet the token&apos;s rules.</source>
        <comment>PIN the noun</comment>
        <translation>Die PIN erfüllt die Regeln des Tokens nicht.</translation>
    </message>
    <message>
        <source>The PIN has expired and must be changed.</source>
        <comment>PIN the noun</comment>
        <translation>Die PIN ist abgelaufen und muss geändert werden.</translation>
    </message>
    <message>
        <source>Log in to the token first.</source>
        <translation>Melden Sie sich zuerst am Token an.</translation>
    </message>
    <message>
        <source>The token does not support this operation.</source>
        <translation>Der Token unterstützt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <source>The token or its reader failed.</source>
        <translation>Der Token oder sein Kartenleser ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The token has no such object.</source>
        <translation>Der Token hat kein solches Objekt.</translation>
    </message>
    <message>
        <source>Not a valid PKCS#11 URI: %1</source>
        <translation>Keine gültige PKCS#11-URI: %1</translation>
    </message>
    <message>
        <source>The PKCS#11 module failed (%1 in %2).</source>
        <translation>Das PKCS#11-Modul ist fehlgeschlagen (%1 in %2).</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, folder or pipe): TokenDesk replaces only files.</source>
        <translation>%1 ist keine reguläre Datei (ein Gerät, Ordner oder eine Pipe): TokenDesk ersetzt nur Dateien.</translation>
    </message>
    <message>
        <source>%1 leads to %2, which is not a regular file (a device, folder or pipe): TokenDesk replaces only files.</source>
        <translation>%1 führt zu %2, das keine reguläre Datei ist (ein Gerät, Ordner oder eine Pipe): TokenDesk ersetzt nur Dateien.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link in a shared folder and belongs to another user: TokenDesk does not follow it.</source>
        <translation>%1 ist ein symbolischer Link in einem gemeinsam genutzten Ordner und gehört einem anderen Benutzer: TokenDesk folgt ihm nicht.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist.</source>
        <translation>%1 ist ein symbolischer Link auf %2, das nicht existiert.</translation>
    </message>
    <message>
        <source>%1 leads through too many symbolic links.</source>
        <translation>%1 führt über zu viele symbolische Links.</translation>
    </message>
    <message>
        <source>%1 cannot be written: its folder does not exist.</source>
        <translation>%1 kann nicht geschrieben werden: Sein Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>%1 cannot be written: permission denied or a read-only file system.</source>
        <translation>%1 kann nicht geschrieben werden: Zugriff verweigert oder schreibgeschütztes Dateisystem.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since TokenDesk read it; nothing was written.</source>
        <translation>%1 wurde von jemand anderem geändert, seit TokenDesk die Datei gelesen hat; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the disk is full.</source>
        <translation>%1 kann nicht geschrieben werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>%1 kann nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>The PKCS#11 module crashed (SIG%1).</source>
        <translation>Das PKCS#11-Modul ist abgestürzt (SIG%1).</translation>
    </message>
    <message>
        <source>The PKCS#11 module&apos;s process ended unexpectedly.</source>
        <translation>Der Prozess des PKCS#11-Moduls wurde unerwartet beendet.</translation>
    </message>
    <message numerus="yes">
        <source>The PKCS#11 module stopped answering: %1 did not return within %n second(s), so TokenDesk stopped it.</source>
        <translation>
            <numerusform>Das PKCS#11-Modul antwortet nicht mehr: %1 kehrte nicht innerhalb von %n Sekunde zurück, daher hat TokenDesk es beendet.</numerusform>
            <numerusform>Das PKCS#11-Modul antwortet nicht mehr: %1 kehrte nicht innerhalb von %n Sekunden zurück, daher hat TokenDesk es beendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The smart card service (pcscd) is not running.
Start it with “sudo systemctl start pcscd.socket”.</source>
        <translation>Der Chipkartendienst (pcscd) läuft nicht.
Starten Sie ihn mit „sudo systemctl start pcscd.socket“.</translation>
    </message>
    <message>
        <source>No smart card reader found.
Connect a reader; its cards show here as they are inserted.</source>
        <translation>Kein Kartenleser gefunden.
Schließen Sie einen Kartenleser an; seine Karten erscheinen hier, sobald sie eingesteckt werden.</translation>
    </message>
    <message>
        <source>To try TokenDesk without a reader, start the demo with a simulated card and a virtual token:
%1</source>
        <translation>Um TokenDesk ohne Kartenleser auszuprobieren, starten Sie die Demo mit einer simulierten Karte und einem virtuellen Token:
%1</translation>
    </message>
</context>
<context>
    <name>ImportP12Cli</name>
    <message>
        <source>Usage: tokendesk import-p12 FILE --token LABEL [--create]</source>
        <translation>Aufruf: tokendesk import-p12 FILE --token LABEL [--create]</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>No password given: nothing was imported.</source>
        <translation>Kein Passwort angegeben: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Give --create to make it.</source>
        <translation>Geben Sie --create an, um ihn anzulegen.</translation>
    </message>
    <message>
        <source>New PIN for the virtual token &quot;%1&quot;</source>
        <translation>Neue PIN für den virtuellen Token „%1“</translation>
    </message>
    <message>
        <source>The new PIN again</source>
        <translation>Die neue PIN noch einmal</translation>
    </message>
    <message>
        <source>The two PINs differ: nothing was imported.</source>
        <translation>Die beiden PINs unterscheiden sich: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>PIN of the virtual token &quot;%1&quot;</source>
        <translation>PIN des virtuellen Tokens „%1“</translation>
    </message>
    <message>
        <source>No PIN given: nothing was imported.</source>
        <translation>Keine PIN angegeben: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Made the virtual token &quot;%1&quot; (serial %2) and imported:</source>
        <translation>Virtueller Token „%1“ (Seriennummer %2) angelegt und importiert:</translation>
    </message>
    <message>
        <source>Imported into the virtual token &quot;%1&quot; (serial %2):</source>
        <translation>In den virtuellen Token „%1“ (Seriennummer %2) importiert:</translation>
    </message>
    <message>
        <source>Verified: the token signed a challenge with %1 and the certificate verified it.</source>
        <translation>Bestätigt: Der Token hat eine Challenge mit %1 signiert, und das Zertifikat hat die Signatur bestätigt.</translation>
    </message>
</context>
<context>
    <name>PairCli</name>
    <message>
        <source>pair needs --user LOGIN and --cert URI|FILE.</source>
        <translation>pair benötigt --user LOGIN und --cert URI|FILE.</translation>
    </message>
    <message>
        <source>pair writes to one store: give --store once.</source>
        <translation>pair schreibt in einen Speicher: Geben Sie --store einmal an.</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s configuration names no mapper TokenDesk can write (digest, subject, opensc, openssh): give --store KIND:PATH.</source>
        <translation>Die Konfiguration von pam_pkcs11 nennt keinen Mapper, in den TokenDesk schreiben kann (digest, subject, opensc, openssh): Geben Sie --store KIND:PATH an.</translation>
    </message>
    <message>
        <source>Not paired: the certificate may not work for login. %1 Use --force to pair it anyway.</source>
        <translation>Nicht gekoppelt: Das Zertifikat funktioniert möglicherweise nicht für die Anmeldung. %1 Mit --force koppeln Sie es trotzdem.</translation>
    </message>
    <message>
        <source>Warning: the audit log file could not be written (syslog has the line).</source>
        <translation>Warnung: Die Audit-Protokolldatei konnte nicht geschrieben werden (die Zeile steht im Syslog).</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Warning: there is no local account &quot;%1&quot; (fine for a directory account).</source>
        <translation>Warnung: Es gibt kein lokales Konto „%1“ (in Ordnung für ein Verzeichniskonto).</translation>
    </message>
    <message>
        <source>Paired %1 with &quot;%2&quot; in %3.</source>
        <translation>%1 mit „%2“ in %3 gekoppelt.</translation>
    </message>
    <message>
        <source>Already paired: %1 with &quot;%2&quot; in %3; nothing changed.</source>
        <translation>Bereits gekoppelt: %1 mit „%2“ in %3; nichts geändert.</translation>
    </message>
</context>
<context>
    <name>PairingText</name>
    <message>
        <source>%1 cannot be written: permission denied. Nothing was changed.</source>
        <translation>%1 kann nicht geschrieben werden: Zugriff verweigert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 cannot be written: only %2 may change it (run as that user, e.g. with sudo). Nothing was changed.</source>
        <translation>%1 kann nicht geschrieben werden: Nur %2 darf die Datei ändern (als dieser Benutzer ausführen, z. B. mit sudo). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else while TokenDesk edited it. Nothing was written; try again to see the new content.</source>
        <translation>%1 wurde von jemand anderem geändert, während TokenDesk die Datei bearbeitet hat. Es wurde nichts geschrieben; versuchen Sie es erneut, um den neuen Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>The store is a link to %1, which does not exist. Nothing was changed.</source>
        <translation>Der Speicher ist ein Link auf %1, das nicht existiert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The store&apos;s links go round in circles (%1). Nothing was changed.</source>
        <translation>Die Links des Speichers bilden einen Kreis (%1). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 is reached through a link in a shared folder that TokenDesk does not follow (as fs.protected_symlinks would not). Nothing was changed.</source>
        <translation>%1 wird über einen Link in einem gemeinsam genutzten Ordner erreicht, dem TokenDesk nicht folgt (so wie fs.protected_symlinks es nicht täte). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, device, pipe or a link TokenDesk does not follow). Nothing was changed.</source>
        <translation>%1 ist keine reguläre Datei (ein Ordner, Gerät, eine Pipe oder ein Link, dem TokenDesk nicht folgt). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Nothing was changed.</source>
        <translation>Der Ordner von %1 existiert nicht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>%1 is too large to be a mapping file.</source>
        <translation>%1 ist zu groß für eine Zuordnungsdatei.</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot; with a home folder on this system, so its %2 cannot be written.</source>
        <translation>Es gibt auf diesem System kein Konto „%1“ mit einem Benutzerordner, daher kann seine %2 nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a login name: it is empty or holds spaces or control characters.</source>
        <translation>„%1“ kann kein Anmeldename sein: Er ist leer oder enthält Leerzeichen oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>This certificate cannot be written to %1: pam_pkcs11 could not find it there (&quot;%2&quot;).</source>
        <translation>Dieses Zertifikat kann nicht in %1 geschrieben werden: pam_pkcs11 könnte es dort nicht finden („%2“).</translation>
    </message>
    <message>
        <source>This certificate is already paired with &quot;%1&quot; in %2 (line %3); pam_pkcs11 uses the first entry, so unpair that first.</source>
        <translation>Dieses Zertifikat ist bereits mit „%1“ in %2 (Zeile %3) gekoppelt; pam_pkcs11 verwendet den ersten Eintrag, entkoppeln Sie also zuerst diesen.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is a pattern that pairs this certificate with &quot;%3&quot;. TokenDesk does not edit patterns: change that line by hand.</source>
        <translation>Zeile %1 von %2 ist ein Muster, das dieses Zertifikat mit „%3“ koppelt. TokenDesk bearbeitet keine Muster: Ändern Sie diese Zeile von Hand.</translation>
    </message>
    <message>
        <source>%1 holds a NUL byte on line %2: pam_pkcs11 stops reading there, so nothing added after it would work. Remove it first. Nothing was changed.</source>
        <translation>%1 enthält in Zeile %2 ein NUL-Byte: pam_pkcs11 hört dort auf zu lesen, daher würde nichts danach Hinzugefügte funktionieren. Entfernen Sie es zuerst. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Nothing to unpair: %1 pairs no such certificate with &quot;%2&quot;.</source>
        <translation>Nichts zu entkoppeln: %1 koppelt kein solches Zertifikat mit „%2“.</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 cannot be read: %2.</source>
        <translation>Die pam_pkcs11-Konfiguration %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 cannot be read.</source>
        <translation>Die pam_pkcs11-Konfiguration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 is not valid (line %2: %3).</source>
        <translation>Die pam_pkcs11-Konfiguration %1 ist ungültig (Zeile %2: %3).</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 is not valid (%2).</source>
        <translation>Die pam_pkcs11-Konfiguration %1 ist ungültig (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 could not be changed.</source>
        <translation>%1 konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>The line ends in CR LF: pam_pkcs11 reads the login with a carriage return, which matches no account.</source>
        <translation>Die Zeile endet mit CR LF: pam_pkcs11 liest den Anmeldenamen mit einem Wagenrücklauf, der zu keinem Konto passt.</translation>
    </message>
    <message>
        <source>The key is a regular expression: it may pair several certificates.</source>
        <translation>Der Schlüssel ist ein regulärer Ausdruck: Er kann mehrere Zertifikate koppeln.</translation>
    </message>
    <message>
        <source>An earlier line has the same key: pam_pkcs11 never reaches this one.</source>
        <translation>Eine frühere Zeile hat denselben Schlüssel: pam_pkcs11 erreicht diese nie.</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s mapper does not read this kind of entry (sshd does).</source>
        <translation>Der Mapper von pam_pkcs11 liest diese Art von Eintrag nicht (sshd schon).</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The certificate expires within 30 days.</source>
        <translation>Das Zertifikat läuft innerhalb von 30 Tagen ab.</translation>
    </message>
    <message>
        <source>The certificate&apos;s key usage does not allow digital signatures, which a login needs.</source>
        <translation>Die Schlüsselverwendung des Zertifikats erlaubt keine digitalen Signaturen, die eine Anmeldung benötigt.</translation>
    </message>
    <message>
        <source>The certificate is not for client authentication or smart card logon (extended key usage).</source>
        <translation>Das Zertifikat ist nicht für Client-Authentifizierung oder Smartcard-Anmeldung bestimmt (erweiterte Schlüsselverwendung).</translation>
    </message>
    <message>
        <source>The certificate&apos;s chain does not end at a trusted root.</source>
        <translation>Die Kette des Zertifikats endet nicht bei einem vertrauenswürdigen Stammzertifikat.</translation>
    </message>
    <message>
        <source>%1 mapper (%2, line %3)</source>
        <translation>%1-Mapper (%2, Zeile %3)</translation>
    </message>
    <message>
        <source>%1 mapper (%2)</source>
        <translation>%1-Mapper (%2)</translation>
    </message>
    <message>
        <source>the %1 mapper is not evaluated by TokenDesk</source>
        <translation>der %1-Mapper wird von TokenDesk nicht ausgewertet</translation>
    </message>
    <message>
        <source>the %1 mapper has no mapfile</source>
        <translation>der %1-Mapper hat keine Zuordnungsdatei</translation>
    </message>
    <message>
        <source>the %1 mapper&apos;s mapfile is not a file:// URL</source>
        <translation>die Zuordnungsdatei des %1-Mappers ist keine file://-URL</translation>
    </message>
    <message>
        <source>the %1 mapper&apos;s store could not be read: %2</source>
        <translation>der Speicher des %1-Mappers konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>This card logs in as &quot;%1&quot;: certificate %2 (%3) is paired by the %4.</source>
        <translation>Diese Karte meldet sich als „%1“ an: Zertifikat %2 (%3) wird vom %4 gekoppelt.</translation>
    </message>
    <message>
        <source>Nobody logs in with this card: no mapper pairs any of its certificates.</source>
        <translation>Niemand meldet sich mit dieser Karte an: Kein Mapper koppelt eines ihrer Zertifikate.</translation>
    </message>
    <message>
        <source>Not certain: %1.</source>
        <translation>Nicht sicher: %1.</translation>
    </message>
    <message>
        <source>The directory %1 has no account &quot;%2&quot; (its user filter finds no entry). Nothing was changed.</source>
        <translation>Das Verzeichnis %1 hat kein Konto „%2“ (sein Benutzerfilter findet keinen Eintrag). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This certificate is already paired with &quot;%1&quot; in %2; unpair it there first.</source>
        <translation>Dieses Zertifikat ist bereits mit „%1“ in %2 gekoppelt; entkoppeln Sie es dort zuerst.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pairing store: use KIND:PATH with KIND one of pam-digest, pam-subject, pam-eid, ssh, or a directory&apos;s ldap:// or ldaps:// URL with its search base.</source>
        <translation>„%1“ ist kein Kopplungsspeicher: Verwenden Sie KIND:PATH mit KIND aus pam-digest, pam-subject, pam-eid, ssh oder die ldap://- bzw. ldaps://-URL eines Verzeichnisses mit ihrer Suchbasis.</translation>
    </message>
    <message>
        <source>The directory %1 cannot be reached (%2). Nothing was changed.</source>
        <translation>Das Verzeichnis %1 ist nicht erreichbar (%2). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory %1 did not answer in time. Nothing was changed.</source>
        <translation>Das Verzeichnis %1 hat nicht rechtzeitig geantwortet. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2); TokenDesk does not fall back to plain text. Check the CA file in the directory settings. Nothing was changed.</source>
        <translation>Eine sichere Verbindung zu %1 konnte nicht hergestellt werden (%2); TokenDesk weicht nicht auf Klartext aus. Prüfen Sie die CA-Datei in den Verzeichniseinstellungen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory %1 refused the bind DN or password. Nothing was changed.</source>
        <translation>Das Verzeichnis %1 hat den Bind-DN oder das Passwort abgelehnt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory %1 needs the password of %2 (Settings ▸ Directory…). Nothing was changed.</source>
        <translation>Das Verzeichnis %1 benötigt das Passwort von %2 (Einstellungen ▸ Verzeichnis…). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 may not change this entry of %2 (insufficient access): bind with a DN that may. Nothing was changed.</source>
        <translation>%1 darf diesen Eintrag von %2 nicht ändern (unzureichende Zugriffsrechte): Binden Sie mit einem DN, der das darf. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>An anonymous bind</source>
        <translation>Eine anonyme Bindung</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already holds another certificate with the same serial number and issuer as this one; the directory tells certificates apart only by those two, so it cannot hold both. Unpair the other one first. Nothing was changed.</source>
        <translation>„%1“ enthält bereits ein anderes Zertifikat mit derselben Seriennummer und demselben Aussteller wie dieses; das Verzeichnis unterscheidet Zertifikate nur anhand dieser beiden, daher kann es nicht beide enthalten. Entkoppeln Sie zuerst das andere. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed.</source>
        <translation>Angehalten. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory %1 answered with an error (%2, result %3). Nothing was changed.</source>
        <translation>Das Verzeichnis %1 hat mit einem Fehler geantwortet (%2, Ergebnis %3). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The directory&apos;s rule finds this account, but its certificate is another one with the same serial number and issuer.</source>
        <translation>Die Regel des Verzeichnisses findet dieses Konto, aber sein Zertifikat ist ein anderes mit derselben Seriennummer und demselben Aussteller.</translation>
    </message>
    <message>
        <source>SSSD&apos;s directory (%1)</source>
        <translation>Verzeichnis von SSSD (%1)</translation>
    </message>
    <message>
        <source>This card logs in as &quot;%1&quot;: SSSD&apos;s rule %2 maps certificate %3 (%4) to the entry %5 of %6, which holds this very certificate.</source>
        <translation>Diese Karte meldet sich als „%1“ an: Die SSSD-Regel %2 ordnet Zertifikat %3 (%4) dem Eintrag %5 von %6 zu, der genau dieses Zertifikat enthält.</translation>
    </message>
    <message>
        <source>Nobody logs in with this card: SSSD&apos;s rule %1 gives the filter %2, which finds no account holding this card&apos;s certificate.</source>
        <translation>Niemand meldet sich mit dieser Karte an: Die SSSD-Regel %1 ergibt den Filter %2, der kein Konto mit dem Zertifikat dieser Karte findet.</translation>
    </message>
    <message>
        <source>The rule also finds &quot;%1&quot; (%2), whose certificate is another one with the same serial number and issuer: not this card&apos;s.</source>
        <translation>Die Regel findet auch „%1“ (%2), dessen Zertifikat ein anderes mit derselben Seriennummer und demselben Aussteller ist: nicht das dieser Karte.</translation>
    </message>
</context>
<context>
    <name>PairingsCli</name>
    <message>
        <source> (line %1)</source>
        <translation> (Zeile %1)</translation>
    </message>
    <message>
        <source>  [card present]</source>
        <translation>  [Karte vorhanden]</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Warning: the only certificate &quot;%1&quot; can log in with expires on %2.</source>
        <translation>Warnung: Das einzige Zertifikat, mit dem sich „%1“ anmelden kann, läuft am %2 ab.</translation>
    </message>
    <message>
        <source>No pairings.</source>
        <translation>Keine Kopplungen.</translation>
    </message>
</context>
<context>
    <name>PinCommand</name>
    <message>
        <source>Type it again to confirm.</source>
        <translation>Zur Bestätigung erneut eingeben.</translation>
    </message>
    <message>
        <source>The two entries differ; nothing was changed.</source>
        <translation>Die beiden Eingaben unterscheiden sich; es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n tokens; name one, e.g. with its serial=.</source>
        <translation>
            <numerusform>Die URI bezeichnet %n Token; geben Sie einen an, z. B. mit seiner serial=.</numerusform>
            <numerusform>Die URI bezeichnet %n Tokens; geben Sie einen an, z. B. mit seiner serial=.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown action %1: status, change or unblock.</source>
        <translation>Unbekannte Aktion %1: status, change oder unblock.</translation>
    </message>
    <message>
        <source>The %1 was changed.</source>
        <translation>Die %1 wurde geändert.</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>Die PIN wurde geändert.</translation>
    </message>
    <message>
        <source>The PIN was set and unblocked.</source>
        <translation>Die PIN wurde gesetzt und entsperrt.</translation>
    </message>
    <message>
        <source>Token: %1 (serial %2)</source>
        <translation>Token: %1 (Seriennummer %2)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PinText</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>1 try left</source>
        <translation>1 Versuch übrig</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>%n Versuch übrig</numerusform>
            <numerusform>%n Versuche übrig</numerusform>
        </translation>
    </message>
    <message>
        <source>tries left unknown</source>
        <translation>verbleibende Versuche unbekannt</translation>
    </message>
    <message>
        <source> (final try: one more wrong entry locks it)</source>
        <translation> (letzter Versuch: eine weitere falsche Eingabe sperrt sie)</translation>
    </message>
    <message>
        <source> (a wrong entry was made)</source>
        <translation> (es gab eine falsche Eingabe)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent to the token.</source>
        <translation>Abgebrochen: Es wurde nichts an den Token gesendet.</translation>
    </message>
    <message>
        <source>The new %1 must be digits only.</source>
        <translation>Die neue %1 darf nur aus Ziffern bestehen.</translation>
    </message>
    <message>
        <source>The new %1 is the same as the current one.</source>
        <translation>Die neue %1 ist dieselbe wie die aktuelle.</translation>
    </message>
    <message>
        <source>The token refused the new %1.</source>
        <translation>Der Token hat die neue %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The PIN is locked. Unblock it with the %1: tokendesk pin unblock URI.</source>
        <translation>Die PIN ist gesperrt. Entsperren Sie sie mit der %1: tokendesk pin unblock URI.</translation>
    </message>
    <message>
        <source>The %1 is locked too. Only the card&apos;s issuer can reset or replace this card.</source>
        <translation>Die %1 ist ebenfalls gesperrt. Nur der Herausgeber der Karte kann diese Karte zurücksetzen oder ersetzen.</translation>
    </message>
    <message>
        <source>Wrong %1. It is now locked.</source>
        <translation>Falsche %1. Sie ist jetzt gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong %1: %n tries left.</source>
        <translation>
            <numerusform>Falsche %1: noch %n Versuch übrig.</numerusform>
            <numerusform>Falsche %1: noch %n Versuche übrig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong %1.</source>
        <translation>Falsche %1.</translation>
    </message>
    <message>
        <source>The token failed.</source>
        <translation>Der Token ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The card did not answer as a PIV card should (status %1).</source>
        <translation>Die Karte hat nicht wie eine PIV-Karte geantwortet (Status %1).</translation>
    </message>
    <message>
        <source>This token cannot do that.</source>
        <translation>Dieser Token kann das nicht.</translation>
    </message>
    <message>
        <source>PIN to be changed</source>
        <comment>PIN the noun</comment>
        <translation>PIN muss geändert werden</translation>
    </message>
    <message>
        <source>PIN: wrong PIN entered</source>
        <comment>PIN the noun</comment>
        <translation>PIN: falsche PIN eingegeben</translation>
    </message>
    <message>
        <source>PIN: final try</source>
        <comment>PIN the noun</comment>
        <translation>PIN: letzter Versuch</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <comment>PIN the noun</comment>
        <translation>PIN gesperrt</translation>
    </message>
    <message>
        <source>SO PIN locked</source>
        <comment>PIN the noun</comment>
        <translation>SO-PIN gesperrt</translation>
    </message>
    <message>
        <source>final try</source>
        <translation>letzter Versuch</translation>
    </message>
    <message>
        <source>count low (a wrong PIN was entered)</source>
        <comment>PIN the noun</comment>
        <translation>Zähler niedrig (eine falsche PIN wurde eingegeben)</translation>
    </message>
    <message>
        <source>to be changed</source>
        <translation>muss geändert werden</translation>
    </message>
    <message>
        <source>no problem reported</source>
        <translation>kein Problem gemeldet</translation>
    </message>
    <message>
        <source>locked</source>
        <comment>PIN state</comment>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>one try left</source>
        <comment>PIN state</comment>
        <translation>ein Versuch übrig</translation>
    </message>
    <message>
        <source>wrong PIN entered before</source>
        <comment>PIN state</comment>
        <translation>zuvor falsche PIN eingegeben</translation>
    </message>
    <message>
        <source>ok</source>
        <comment>PIN state</comment>
        <translation>ok</translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too short: at least %n character(s).</source>
        <translation>
            <numerusform>Die neue %1 ist zu kurz: mindestens %n Zeichen.</numerusform>
            <numerusform>Die neue %1 ist zu kurz: mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too long: at most %n character(s).</source>
        <translation>
            <numerusform>Die neue %1 ist zu lang: höchstens %n Zeichen.</numerusform>
            <numerusform>Die neue %1 ist zu lang: höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message numerus="yes">
        <source>Readers (%n):</source>
        <translation>
            <numerusform>Kartenleser (%n):</numerusform>
            <numerusform>Kartenleser (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reader drivers (%n):</source>
        <translation>
            <numerusform>Kartenlesertreiber (%n):</numerusform>
            <numerusform>Kartenlesertreiber (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>driver library missing: %1</source>
        <translation>Treiberbibliothek fehlt: %1</translation>
    </message>
    <message>
        <source>Info.plist unreadable</source>
        <translation>Info.plist nicht lesbar</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>keine Karte</translation>
    </message>
    <message>
        <source>card: %1</source>
        <translation>Karte: %1</translation>
    </message>
    <message numerus="yes">
        <source>PKCS#11 modules (%n):</source>
        <translation>
            <numerusform>PKCS#11-Module (%n):</numerusform>
            <numerusform>PKCS#11-Module (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens (%n):</source>
        <translation>
            <numerusform>Tokens (%n):</numerusform>
            <numerusform>Tokens (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>serial: %1</source>
        <translation>Seriennummer: %1</translation>
    </message>
    <message>
        <source>model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <source>slot: %1</source>
        <translation>Slot: %1</translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation>Modul: %1</translation>
    </message>
    <message>
        <source>PIN: %1</source>
        <comment>PIN the noun</comment>
        <translation>PIN: %1</translation>
    </message>
    <message numerus="yes">
        <source>Certificates (%n):</source>
        <translation>
            <numerusform>Zertifikate (%n):</numerusform>
            <numerusform>Zertifikate (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>on %1 (serial %2):</source>
        <translation>auf %1 (Seriennummer %2):</translation>
    </message>
    <message>
        <source>TokenDesk report</source>
        <translation>TokenDesk-Bericht</translation>
    </message>
    <message>
        <source>Report made %1</source>
        <translation>Bericht erstellt %1</translation>
    </message>
</context>
<context>
    <name>TaskGuides</name>
    <message>
        <source>Inspect a card</source>
        <translation>Eine Karte untersuchen</translation>
    </message>
    <message>
        <source>Insert the card into a reader. The reader appears under Readers on the left, the card under it.</source>
        <translation>Stecken Sie die Karte in einen Kartenleser. Der Leser erscheint links unter Kartenleser, die Karte darunter.</translation>
    </message>
    <message>
        <source>Select the card: its page names the card and breaks its ATR down byte by byte.</source>
        <translation>Wählen Sie die Karte: Ihre Seite nennt die Karte und zerlegt ihren ATR Byte für Byte.</translation>
    </message>
    <message>
        <source>Select the reader to see whether it has a PIN pad or a display.</source>
        <translation>Wählen Sie den Kartenleser, um zu sehen, ob er ein PIN-Pad oder eine Anzeige hat.</translation>
    </message>
    <message>
        <source>Under Tokens, select the card&apos;s token: its PIN state, and the certificates and keys it holds.</source>
        <translation>Wählen Sie unter Tokens das Token der Karte: sein PIN-Zustand und die Zertifikate und Schlüssel darauf.</translation>
    </message>
    <message>
        <source>Select a certificate for its validity, usages and chain; %1 saves it to a file.</source>
        <translation>Wählen Sie ein Zertifikat für Gültigkeit, Verwendungen und Kette; %1 speichert es in eine Datei.</translation>
    </message>
    <message>
        <source>For a helpdesk ticket, %1 shows all TokenDesk sees, to save or copy.</source>
        <translation>Für ein Helpdesk-Ticket zeigt %1 alles, was TokenDesk sieht, zum Speichern oder Kopieren.</translation>
    </message>
    <message>
        <source>Change or unblock a PIN</source>
        <translation>Eine PIN ändern oder entsperren</translation>
    </message>
    <message>
        <source>Insert the card and select its token under Tokens, or a certificate on it.</source>
        <translation>Stecken Sie die Karte ein und wählen Sie ihr Token unter Tokens oder ein Zertifikat darauf.</translation>
    </message>
    <message>
        <source>The token page shows the PIN state, and on PIV cards the tries left.</source>
        <translation>Die Token-Seite zeigt den PIN-Zustand und bei PIV-Karten die verbleibenden Versuche.</translation>
    </message>
    <message>
        <source>Choose %1, type the current PIN, then the new one twice.</source>
        <translation>Wählen Sie %1, geben Sie die aktuelle PIN ein, dann zweimal die neue.</translation>
    </message>
    <message>
        <source>A PIN locked by wrong tries is unblocked with the PUK: choose %1.</source>
        <translation>Eine durch Fehlversuche gesperrte PIN wird mit der PUK entsperrt: Wählen Sie %1.</translation>
    </message>
    <message>
        <source>To change the PUK or SO PIN itself, choose %1.</source>
        <translation>Um die PUK oder SO-PIN selbst zu ändern, wählen Sie %1.</translation>
    </message>
    <message>
        <source>TokenDesk asks before a last try. With a PIN pad, type the PINs on the reader.</source>
        <translation>TokenDesk fragt vor einem letzten Versuch nach. Mit einem PIN-Pad geben Sie die PINs am Kartenleser ein.</translation>
    </message>
    <message>
        <source>Pair an account</source>
        <translation>Ein Konto koppeln</translation>
    </message>
    <message>
        <source>Insert the user&apos;s card: its login certificate shows under Identities.</source>
        <translation>Stecken Sie die Karte des Benutzers ein: Ihr Anmeldezertifikat erscheint unter Identitäten.</translation>
    </message>
    <message>
        <source>Select that identity (a certificate with its key).</source>
        <translation>Wählen Sie diese Identität (ein Zertifikat mit seinem Schlüssel).</translation>
    </message>
    <message>
        <source>Choose %1 and type the account&apos;s login name.</source>
        <translation>Wählen Sie %1 und geben Sie den Anmeldenamen des Kontos ein.</translation>
    </message>
    <message>
        <source>A certificate unfit for login (expired, untrusted) is refused, and TokenDesk says why.</source>
        <translation>Ein zur Anmeldung ungeeignetes Zertifikat (abgelaufen, nicht vertrauenswürdig) wird abgelehnt, und TokenDesk sagt, warum.</translation>
    </message>
    <message>
        <source>The pairing shows under Pairings; %1 tells who logs in with the inserted card.</source>
        <translation>Die Kopplung erscheint unter Kopplungen; %1 sagt, wer sich mit der eingesteckten Karte anmeldet.</translation>
    </message>
    <message>
        <source>To remove a pairing, select it and choose %1.</source>
        <translation>Um eine Kopplung zu entfernen, wählen Sie sie und dann %1.</translation>
    </message>
    <message>
        <source>For an LDAP directory that SSSD reads, set it up first with %1.</source>
        <translation>Für ein LDAP-Verzeichnis, das SSSD liest, richten Sie es zuerst mit %1 ein.</translation>
    </message>
    <message>
        <source>Import a .p12</source>
        <translation>Eine .p12 importieren</translation>
    </message>
    <message>
        <source>Choose %1, or drop the .p12 file onto the window.</source>
        <translation>Wählen Sie %1 oder ziehen Sie die .p12-Datei auf das Fenster.</translation>
    </message>
    <message>
        <source>Pick the file and type its password.</source>
        <translation>Wählen Sie die Datei und geben Sie ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Check what it holds: the certificate, its key and any CA certificates.</source>
        <translation>Prüfen Sie den Inhalt: das Zertifikat, seinen Schlüssel und etwaige CA-Zertifikate.</translation>
    </message>
    <message>
        <source>Choose a virtual token, or make one in the wizard (or before, with %1).</source>
        <translation>Wählen Sie einen virtuellen Token oder legen Sie im Assistenten einen an (oder vorher mit %1).</translation>
    </message>
    <message>
        <source>Type the token&apos;s PIN. The import is all or nothing, proved by a signature.</source>
        <translation>Geben Sie die PIN des Tokens ein. Der Import gelingt ganz oder gar nicht, belegt durch eine Signatur.</translation>
    </message>
    <message>
        <source>The certificate then shows under Identities, and browsers that load p11-kit can use it.</source>
        <translation>Das Zertifikat erscheint dann unter Identitäten, und Browser, die p11-kit laden, können es nutzen.</translation>
    </message>
</context>
<context>
    <name>TerminalPinPrompter</name>
    <message>
        <source>the token</source>
        <translation>den Token</translation>
    </message>
    <message>
        <source>PIN</source>
        <comment>the noun</comment>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PUK / SO PIN</source>
        <translation>PUK / SO-PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PUK / SO PIN</source>
        <translation>Neue PUK / SO-PIN</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>%1 for %2 (serial %3)</source>
        <translation>%1 für %2 (Seriennummer %3)</translation>
    </message>
    <message>
        <source>, to sign a test challenge with the key of %1</source>
        <translation>, um eine Test-Challenge mit dem Schlüssel von %1 zu signieren</translation>
    </message>
    <message>
        <source>One more wrong PIN locks %1: not trying without --final-try.</source>
        <translation>Eine weitere falsche PIN sperrt %1: ohne --final-try wird es nicht versucht.</translation>
    </message>
    <message>
        <source>Warning: this is the last try. A wrong PIN locks the card; only the PUK unblocks it.</source>
        <translation>Warnung: Dies ist der letzte Versuch. Eine falsche PIN sperrt die Karte; nur die PUK entsperrt sie.</translation>
    </message>
    <message>
        <source>Type YES to continue: </source>
        <translation>Geben Sie YES ein, um fortzufahren: </translation>
    </message>
    <message>
        <source>(1 try left)</source>
        <translation>(1 Versuch übrig)</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader&apos;s PIN pad (%1).</source>
        <translation>Geben Sie die PIN am PIN-Pad des Kartenlesers ein (%1).</translation>
    </message>
    <message>
        <source>The input is longer than %1 bytes, more than any token takes: nothing was used.</source>
        <translation>Die Eingabe ist länger als %1 Bytes, mehr als irgendein Token annimmt: Sie wurde nicht verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>(%n tries left)</source>
        <translation>
            <numerusform>(%n Versuch übrig)</numerusform>
            <numerusform>(%n Versuche übrig)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenCardName</name>
    <message>
        <source>PIV card</source>
        <translation>PIV-Karte</translation>
    </message>
    <message>
        <source>CAC card</source>
        <translation>CAC-Karte</translation>
    </message>
    <message>
        <source>OpenPGP card</source>
        <translation>OpenPGP-Karte</translation>
    </message>
    <message>
        <source>GIDS card</source>
        <translation>GIDS-Karte</translation>
    </message>
    <message>
        <source>CoolKey card</source>
        <translation>CoolKey-Karte</translation>
    </message>
    <message>
        <source>YubiKey (PIV)</source>
        <translation>YubiKey (PIV)</translation>
    </message>
    <message>
        <source>Card driven by OpenSC as “%1”</source>
        <translation>Von OpenSC als „%1“ angesteuerte Karte</translation>
    </message>
    <message>
        <source>Named from OpenSC&apos;s “%1” driver, which reads the card&apos;s token; the ATR is not in the list of known cards.</source>
        <translation>Benannt nach dem OpenSC-Treiber „%1“, der den Token der Karte liest; der ATR steht nicht in der Liste bekannter Karten.</translation>
    </message>
</context>
<context>
    <name>TokenCertificates</name>
    <message>
        <source>certificate %1: unreadable (%2)</source>
        <translation>Zertifikat %1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>subject: %1</source>
        <translation>Inhaber: %1</translation>
    </message>
    <message>
        <source>issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>valid until: %1 (%2)</source>
        <translation>gültig bis: %1 (%2)</translation>
    </message>
    <message>
        <source>key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>present (identity)</source>
        <comment>private key</comment>
        <translation>vorhanden (Identität)</translation>
    </message>
    <message>
        <source>expected after login</source>
        <comment>private key</comment>
        <translation>nach der Anmeldung erwartet</translation>
    </message>
    <message>
        <source>none</source>
        <comment>private key</comment>
        <translation>keiner</translation>
    </message>
    <message>
        <source>private key: %1</source>
        <translation>privater Schlüssel: %1</translation>
    </message>
</context>
<context>
    <name>TokenText</name>
    <message>
        <source>Identity: the private key is on the token</source>
        <translation>Identität: Der private Schlüssel befindet sich auf dem Token</translation>
    </message>
    <message>
        <source>Key expected: the token shows its private keys after login</source>
        <translation>Schlüssel erwartet: Der Token zeigt seine privaten Schlüssel nach der Anmeldung</translation>
    </message>
    <message>
        <source>No private key</source>
        <translation>Kein privater Schlüssel</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 Bit</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(keine Bezeichnung)</translation>
    </message>
    <message>
        <source>(not initialized)</source>
        <translation>(nicht initialisiert)</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>PIN pad</source>
        <comment>a reader&apos;s keypad for the PIN</comment>
        <translation>PIN-Pad</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>random number generator</source>
        <translation>Zufallszahlengenerator</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>nicht initialisiert</translation>
    </message>
    <message>
        <source>user PIN not initialized</source>
        <comment>PIN the noun</comment>
        <translation>Benutzer-PIN nicht initialisiert</translation>
    </message>
    <message>
        <source>removable</source>
        <translation>entfernbar</translation>
    </message>
</context>
<context>
    <name>UnpairCli</name>
    <message>
        <source>unpair needs --user LOGIN (and --cert URI|FILE for one certificate).</source>
        <translation>unpair benötigt --user LOGIN (und --cert URI|FILE für ein einzelnes Zertifikat).</translation>
    </message>
    <message>
        <source>Warning: the audit log file could not be written (syslog has the line).</source>
        <translation>Warnung: Die Audit-Protokolldatei konnte nicht geschrieben werden (die Zeile steht im Syslog).</translation>
    </message>
    <message numerus="yes">
        <source>Unpaired &quot;%1&quot; in %2: %n entries removed.</source>
        <translation>
            <numerusform>„%1“ in %2 entkoppelt: %n Eintrag entfernt.</numerusform>
            <numerusform>„%1“ in %2 entkoppelt: %n Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs this certificate with &quot;%1&quot;.</source>
        <translation>Nichts zu entkoppeln: Kein Speicher koppelt dieses Zertifikat mit „%1“.</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs any certificate with &quot;%1&quot;.</source>
        <translation>Nichts zu entkoppeln: Kein Speicher koppelt irgendein Zertifikat mit „%1“.</translation>
    </message>
</context>
<context>
    <name>VirtualTokenText</name>
    <message>
        <source>SoftHSM2 is not installed (the package softhsm2): virtual tokens need it.</source>
        <translation>SoftHSM2 ist nicht installiert (Paket softhsm2): Virtuelle Tokens benötigen es.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration %1 cannot be read: %2.</source>
        <translation>Die SoftHSM2-Konfiguration %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration for this user cannot be made at %1: %2.</source>
        <translation>Die SoftHSM2-Konfiguration für diesen Benutzer kann nicht unter %1 angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration %1 names no token folder (directories.tokendir).</source>
        <translation>Die SoftHSM2-Konfiguration %1 nennt keinen Token-Ordner (directories.tokendir).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a token: a label has 1 to 32 bytes, no control characters and no blanks at either end.</source>
        <translation>„%1“ kann keinen Token benennen: Eine Bezeichnung hat 1 bis 32 Bytes, keine Steuerzeichen und keine Leerzeichen an den Enden.</translation>
    </message>
    <message>
        <source>A virtual token is already called &quot;%1&quot;: choose another name, or import into it.</source>
        <translation>Ein virtueller Token heißt bereits „%1“: Wählen Sie einen anderen Namen oder importieren Sie in diesen.</translation>
    </message>
    <message>
        <source>There is no virtual token &quot;%1&quot;.</source>
        <translation>Es gibt keinen virtuellen Token „%1“.</translation>
    </message>
    <message>
        <source>SoftHSM2 offers no free slot for a new token.</source>
        <translation>SoftHSM2 bietet keinen freien Slot für einen neuen Token.</translation>
    </message>
    <message>
        <source>The Secret Service (the desktop&apos;s keyring) did not keep the token&apos;s SO PIN: %1. Unlock the keyring and try again.</source>
        <translation>Der Secret Service (der Schlüsselbund der Arbeitsumgebung) hat die SO-PIN des Tokens nicht gespeichert: %1. Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The SO PIN of &quot;%1&quot; is not in the keyring (TokenDesk did not make this token): its PIN cannot be reset here.</source>
        <translation>Die SO-PIN von „%1“ ist nicht im Schlüsselbund (TokenDesk hat diesen Token nicht angelegt): Seine PIN kann hier nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>softhsm2-util failed: %1</source>
        <translation>softhsm2-util ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The token failed.</source>
        <translation>Der Token ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than any PKCS#12 file: not imported.</source>
        <translation>%1 ist größer als jede PKCS#12-Datei: nicht importiert.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 (.p12, .pfx) file, or it is damaged or cut short.</source>
        <translation>%1 ist keine PKCS#12-Datei (.p12, .pfx) oder sie ist beschädigt oder abgeschnitten.</translation>
    </message>
    <message>
        <source>Wrong password for this PKCS#12 file.</source>
        <translation>Falsches Passwort für diese PKCS#12-Datei.</translation>
    </message>
    <message>
        <source>The file is protected with an algorithm this system&apos;s OpenSSL cannot use (%1).</source>
        <translation>Die Datei ist mit einem Algorithmus geschützt, den OpenSSL auf diesem System nicht verwenden kann (%1).</translation>
    </message>
    <message>
        <source>OpenSSL failed to read the file: %1</source>
        <translation>OpenSSL konnte die Datei nicht lesen: %1</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file holds no private key, only certificates: there is no identity to import.</source>
        <translation>Die Datei enthält keinen privaten Schlüssel, nur Zertifikate: Es gibt keine Identität zu importieren.</translation>
    </message>
    <message>
        <source>A private key in the file (%1) does not match any of its certificates: nothing was imported.</source>
        <translation>Ein privater Schlüssel in der Datei (%1) passt zu keinem ihrer Zertifikate: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>TokenDesk imports RSA and EC keys; this file holds a key of another type (%1).</source>
        <translation>TokenDesk importiert RSA- und EC-Schlüssel; diese Datei enthält einen Schlüssel eines anderen Typs (%1).</translation>
    </message>
    <message>
        <source>The token already holds the certificate of %1: nothing was imported.</source>
        <translation>Der Token enthält bereits das Zertifikat von %1: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Another key on the token has the ID this key would get (%1): nothing was imported.</source>
        <translation>Ein anderer Schlüssel auf dem Token hat die ID, die dieser Schlüssel bekäme (%1): Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The virtual token failed.</source>
        <translation>Der virtuelle Token ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The imported key&apos;s signature did not verify with its certificate (%1): the import was undone.</source>
        <translation>Die Signatur des importierten Schlüssels ließ sich mit seinem Zertifikat nicht bestätigen (%1): Der Import wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Abgebrochen: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>There is no home folder to look for browsers in.</source>
        <translation>Es gibt keinen Benutzerordner, in dem nach Browsern gesucht werden kann.</translation>
    </message>
    <message>
        <source>%1 is not installed (the package libnss3-tools): NSS databases cannot be changed without it.</source>
        <translation>%1 ist nicht installiert (Paket libnss3-tools): Ohne dieses können NSS-Datenbanken nicht geändert werden.</translation>
    </message>
    <message>
        <source>NSS&apos;s tool failed on %1: %2</source>
        <translation>Das NSS-Werkzeug ist bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>NSS&apos;s tool did not finish in time on %1 and was stopped.</source>
        <translation>Das NSS-Werkzeug wurde bei %1 nicht rechtzeitig fertig und wurde beendet.</translation>
    </message>
    <message>
        <source>%1 holds no NSS database (cert9.db, key4.db).</source>
        <translation>%1 enthält keine NSS-Datenbank (cert9.db, key4.db).</translation>
    </message>
    <message>
        <source>%1 is an unusual path (control characters or &quot;..&quot;): TokenDesk does not change it.</source>
        <translation>%1 ist ein ungewöhnlicher Pfad (Steuerzeichen oder „..“): TokenDesk ändert ihn nicht.</translation>
    </message>
    <message>
        <source>The NSS database %1 cannot be made: %2</source>
        <translation>Die NSS-Datenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>p11-kit-proxy is not installed at %1 (the package p11-kit-modules).</source>
        <translation>p11-kit-proxy ist nicht unter %1 installiert (Paket p11-kit-modules).</translation>
    </message>
    <message>
        <source>GnuTLS, OpenSSL and p11-kit programs</source>
        <translation>GnuTLS-, OpenSSL- und p11-kit-Programme</translation>
    </message>
    <message>
        <source>Chromium and other NSS programs (~/.pki/nssdb)</source>
        <translation>Chromium und andere NSS-Programme (~/.pki/nssdb)</translation>
    </message>
    <message>
        <source>Firefox profile %1</source>
        <translation>Firefox-Profil %1</translation>
    </message>
    <message>
        <source>sees the virtual tokens</source>
        <translation>sieht die virtuellen Tokens</translation>
    </message>
    <message>
        <source>no NSS database yet: does not see them</source>
        <translation>noch keine NSS-Datenbank: sieht sie nicht</translation>
    </message>
    <message>
        <source>the profile folder is missing</source>
        <translation>der Profilordner fehlt</translation>
    </message>
    <message>
        <source>does not see them: SoftHSM2 is not registered with p11-kit</source>
        <translation>sieht sie nicht: SoftHSM2 ist nicht bei p11-kit registriert</translation>
    </message>
    <message>
        <source>does not see them: p11-kit-proxy is not registered</source>
        <translation>sieht sie nicht: p11-kit-proxy ist nicht registriert</translation>
    </message>
    <message>
        <source>; Firefox is running with it: restart Firefox to use it</source>
        <translation>; Firefox läuft damit: Starten Sie Firefox neu, um es zu verwenden</translation>
    </message>
    <message>
        <source> (an unusual path: not changed here)</source>
        <translation> (ein ungewöhnlicher Pfad: hier nicht geändert)</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired.</source>
        <translation>Das Zertifikat von %1 ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet.</source>
        <translation>Das Zertifikat von %1 ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The file is protected with old, weak encryption (%1); the token will keep the key safe, but the file should be deleted or re-made.</source>
        <translation>Die Datei ist mit alter, schwacher Verschlüsselung geschützt (%1); der Token hält den Schlüssel sicher, aber die Datei sollte gelöscht oder neu erstellt werden.</translation>
    </message>
    <message>
        <source>%1 is in the chain but is no CA certificate.</source>
        <translation>%1 ist in der Kette, ist aber kein CA-Zertifikat.</translation>
    </message>
    <message>
        <source>The password opened the file only the way OpenSSL before 1.1 read non-ASCII passwords: the file was made by an old tool. The token does not mind.</source>
        <translation>Das Passwort hat die Datei nur so geöffnet, wie OpenSSL vor 1.1 Nicht-ASCII-Passwörter las: Die Datei wurde mit einem alten Werkzeug erstellt. Den Token stört das nicht.</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires within %n days.</source>
        <translation>
            <numerusform>Das Zertifikat von %1 läuft innerhalb von %n Tag ab.</numerusform>
            <numerusform>Das Zertifikat von %1 läuft innerhalb von %n Tagen ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VtokenBrowsers</name>
    <message>
        <source>Registered p11-kit-proxy in %1</source>
        <translation>p11-kit-proxy in %1 registriert</translation>
    </message>
    <message>
        <source>Removed p11-kit-proxy from %1</source>
        <translation>p11-kit-proxy aus %1 entfernt</translation>
    </message>
</context>
<context>
    <name>VtokenCli</name>
    <message>
        <source>The new PIN again</source>
        <translation>Die neue PIN noch einmal</translation>
    </message>
    <message>
        <source>Usage: tokendesk vtoken list | create LABEL | delete LABEL | reset-pin LABEL | browsers [--register|--unregister] [--nssdb DIR]</source>
        <translation>Aufruf: tokendesk vtoken list | create LABEL | delete LABEL | reset-pin LABEL | browsers [--register|--unregister] [--nssdb DIR]</translation>
    </message>
    <message>
        <source>Give --register or --unregister, not both.</source>
        <translation>Geben Sie --register oder --unregister an, nicht beides.</translation>
    </message>
    <message>
        <source>No virtual tokens (SoftHSM2 configuration: %1).</source>
        <translation>Keine virtuellen Tokens (SoftHSM2-Konfiguration: %1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;  serial %2  %3</source>
        <translation>„%1“  Seriennummer %2  %3</translation>
    </message>
    <message>
        <source>(SO PIN in the keyring)</source>
        <translation>(SO-PIN im Schlüsselbund)</translation>
    </message>
    <message>
        <source>(not made by TokenDesk)</source>
        <translation>(nicht von TokenDesk angelegt)</translation>
    </message>
    <message>
        <source>PIN for the new virtual token &quot;%1&quot;</source>
        <translation>PIN für den neuen virtuellen Token „%1“</translation>
    </message>
    <message>
        <source>The two PINs differ: no token was made.</source>
        <translation>Die beiden PINs unterscheiden sich: Es wurde kein Token angelegt.</translation>
    </message>
    <message>
        <source>No PIN given: no token was made.</source>
        <translation>Keine PIN angegeben: Es wurde kein Token angelegt.</translation>
    </message>
    <message>
        <source>Made the virtual token &quot;%1&quot; (serial %2): %3</source>
        <translation>Virtueller Token „%1“ (Seriennummer %2) angelegt: %3</translation>
    </message>
    <message>
        <source>delete removes the token with every key on it: give --yes in a script.</source>
        <translation>delete entfernt den Token mit allen Schlüsseln darauf: Geben Sie in einem Skript --yes an.</translation>
    </message>
    <message>
        <source>This deletes &quot;%1&quot; (serial %2) and every key and certificate on it, for good.</source>
        <translation>Dies löscht „%1“ (Seriennummer %2) und alle Schlüssel und Zertifikate darauf endgültig.</translation>
    </message>
    <message>
        <source>Type the token&apos;s label to delete it</source>
        <translation>Geben Sie die Bezeichnung des Tokens ein, um ihn zu löschen</translation>
    </message>
    <message>
        <source>Not deleted.</source>
        <translation>Nicht gelöscht.</translation>
    </message>
    <message>
        <source>Deleted the virtual token &quot;%1&quot; (serial %2).</source>
        <translation>Virtueller Token „%1“ (Seriennummer %2) gelöscht.</translation>
    </message>
    <message>
        <source>New PIN for &quot;%1&quot;</source>
        <translation>Neue PIN für „%1“</translation>
    </message>
    <message>
        <source>The two PINs differ: the PIN was not changed.</source>
        <translation>Die beiden PINs unterscheiden sich: Die PIN wurde nicht geändert.</translation>
    </message>
    <message>
        <source>No PIN given: the PIN was not changed.</source>
        <translation>Keine PIN angegeben: Die PIN wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The PIN of &quot;%1&quot; is set.</source>
        <translation>Die PIN von „%1“ ist gesetzt.</translation>
    </message>
</context>
<context>
    <name>WhoisCli</name>
    <message>
        <source>whois takes one pkcs11: URI, e.g. tokendesk whois &apos;pkcs11:token=PIV_II&apos;.</source>
        <translation>whois erwartet eine pkcs11:-URI, z. B. tokendesk whois &apos;pkcs11:token=PIV_II&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n tokens; name one card, e.g. with its serial=.</source>
        <translation>
            <numerusform>Die URI bezeichnet %n Token; geben Sie eine Karte an, z. B. mit ihrer serial=.</numerusform>
            <numerusform>Die URI bezeichnet %n Tokens; geben Sie eine Karte an, z. B. mit ihrer serial=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Smart cards, tokens and certificates.</source>
        <translation>Chipkarten, Tokens und Zertifikate.</translation>
    </message>
    <message>
        <source>Also load this PKCS#11 module (repeatable); TOKENDESK_MODULES does the same.</source>
        <translation>Zusätzlich dieses PKCS#11-Modul laden (mehrfach möglich); TOKENDESK_MODULES bewirkt dasselbe.</translation>
    </message>
    <message>
        <source>tokendesk: unknown command &quot;%1&quot;.
</source>
        <translation>tokendesk: unbekannter Befehl „%1“.
</translation>
    </message>
    <message>
        <source>Load PKCS#11 modules into this process instead of one child process each.</source>
        <translation>PKCS#11-Module in diesen Prozess laden statt in je einen eigenen Kindprozess.</translation>
    </message>
</context>
<context>
    <name>tokendesk::AboutDialog</name>
    <message>
        <source>built with</source>
        <translation>beim Bauen</translation>
    </message>
    <message>
        <source>package %1</source>
        <translation>Paket %1</translation>
    </message>
    <message>
        <source>About TokenDesk</source>
        <translation>Über TokenDesk</translation>
    </message>
    <message>
        <source>Smart cards, tokens and certificates on Linux.</source>
        <translation>Chipkarten, Tokens und Zertifikate unter Linux.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>PKCS#11 module %1</source>
        <translation>PKCS#11-Modul %1</translation>
    </message>
    <message>
        <source>%1 %2 (%3, PKCS#11 %4)</source>
        <translation>%1 %2 (%3, PKCS#11 %4)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the versions as text, for a bug report</source>
        <translation>Die Versionen als Text kopieren, für einen Fehlerbericht</translation>
    </message>
</context>
<context>
    <name>tokendesk::AtrModel</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message numerus="yes">
        <source>%n historical byte(s)</source>
        <translation>
            <numerusform>%n historisches Byte</numerusform>
            <numerusform>%n historische Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 follow; %2</source>
        <translation>%1 folgen; %2</translation>
    </message>
    <message>
        <source>checksum correct</source>
        <translation>Prüfsumme korrekt</translation>
    </message>
    <message>
        <source>checksum WRONG</source>
        <translation>Prüfsumme FALSCH</translation>
    </message>
    <message>
        <source>Historical bytes</source>
        <translation>Historische Bytes</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>Status indicator</source>
        <translation>Statusindikator</translation>
    </message>
    <message>
        <source>DIR data reference</source>
        <translation>DIR-Datenreferenz</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>tokendesk::BrowserProxyCommand</name>
    <message>
        <source>Register for browsers</source>
        <translation>Für Browser registrieren</translation>
    </message>
    <message>
        <source>Unregister from browsers</source>
        <translation>Von Browsern abmelden</translation>
    </message>
    <message>
        <source>%1 now sees the virtual tokens.</source>
        <translation>%1 sieht jetzt die virtuellen Tokens.</translation>
    </message>
    <message>
        <source>%1 no longer sees the virtual tokens.</source>
        <translation>%1 sieht die virtuellen Tokens nicht mehr.</translation>
    </message>
</context>
<context>
    <name>tokendesk::CardPage</name>
    <message>
        <source>Reader:</source>
        <translation>Kartenleser:</translation>
    </message>
    <message>
        <source>Card type:</source>
        <translation>Kartentyp:</translation>
    </message>
    <message>
        <source>ATR:</source>
        <translation>ATR:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <comment>the transmission protocol the card talks</comment>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Not in the list of known cards</source>
        <translation>Nicht in der Liste bekannter Karten</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>ATR analysis</source>
        <translation>ATR-Analyse</translation>
    </message>
    <message>
        <source>Each byte of the card&apos;s answer to reset, what it means, and any error</source>
        <translation>Jedes Byte der Antwort der Karte auf den Reset, seine Bedeutung und etwaige Fehler</translation>
    </message>
    <message>
        <source>&amp;ATR analysis (ISO 7816-3):</source>
        <translation>&amp;ATR-Analyse (ISO 7816-3):</translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificateDetailsModel</name>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Signature Algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Not Before</source>
        <translation>Nicht vor</translation>
    </message>
    <message>
        <source>Not After</source>
        <translation>Nicht nach</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Subject Public Key Info</source>
        <translation>Informationen zum öffentlichen Schlüssel des Inhabers</translation>
    </message>
    <message>
        <source>Public Key Algorithm</source>
        <translation>Algorithmus des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>Key size</source>
        <translation>Schlüssellänge</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>Public key SHA-1</source>
        <translation>SHA-1 des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>SubjectPublicKeyInfo SHA-256</source>
        <translation>SubjectPublicKeyInfo SHA-256</translation>
    </message>
    <message>
        <source>X509v3 extensions</source>
        <translation>X509v3-Erweiterungen</translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation>%1 (kritisch)</translation>
    </message>
    <message>
        <source>OID</source>
        <translation>OID</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Fingerabdrücke</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificateFileDialog</name>
    <message>
        <source>Certificate file %1</source>
        <translation>Zertifikatsdatei %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: the first of %n certificates in this file.</source>
        <translation>
            <numerusform>%1: das erste von %n Zertifikat in dieser Datei.</numerusform>
            <numerusform>%1: das erste von %n Zertifikaten in dieser Datei.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificatePage</name>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Key usage:</source>
        <translation>Schlüsselverwendung:</translation>
    </message>
    <message>
        <source>Extended key usage:</source>
        <translation>Erweiterte Schlüsselverwendung:</translation>
    </message>
    <message>
        <source>Alternative names:</source>
        <translation>Alternative Namen:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Seriennummer:</translation>
    </message>
    <message>
        <source>Public key hash:</source>
        <translation>Hash des öffentlichen Schlüssels:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (Seriennummer %2)</translation>
    </message>
    <message>
        <source>The certificate cannot be read.</source>
        <translation>Das Zertifikat kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The chain cannot be built for a certificate that cannot be read.</source>
        <translation>Für ein Zertifikat, das nicht gelesen werden kann, lässt sich keine Kette bilden.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <source>not restricted</source>
        <translation>nicht eingeschränkt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Kette wird geprüft…</translation>
    </message>
    <message>
        <source>OpenSSL: %1 (at depth %2)</source>
        <translation>OpenSSL: %1 (in Tiefe %2)</translation>
    </message>
    <message>
        <source>Certificate views</source>
        <translation>Zertifikatsansichten</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Certificate fields</source>
        <translation>Zertifikatsfelder</translation>
    </message>
    <message>
        <source>Every field and extension of the certificate</source>
        <translation>Alle Felder und Erweiterungen des Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <source>The certificate, then each issuer up to the root, with its validity</source>
        <translation>Das Zertifikat, dann jeder Aussteller bis zur Wurzel, mit seiner Gültigkeit</translation>
    </message>
    <message>
        <source>Ch&amp;ain</source>
        <translation>&amp;Kette</translation>
    </message>
</context>
<context>
    <name>tokendesk::ChangePinCommand</name>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>Change PUK / SO PIN</source>
        <translation>PUK / SO-PIN ändern</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>PIN entsperren</translation>
    </message>
</context>
<context>
    <name>tokendesk::CheckCardCommand</name>
    <message>
        <source>Check this card</source>
        <translation>Diese Karte prüfen</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
</context>
<context>
    <name>tokendesk::CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>tokendesk::DeleteVirtualTokenCommand</name>
    <message>
        <source>Delete Virtual Token</source>
        <translation>Virtuellen Token löschen</translation>
    </message>
    <message>
        <source>Delete the virtual token “%1” (serial %2)?</source>
        <translation>Den virtuellen Token „%1“ (Seriennummer %2) löschen?</translation>
    </message>
    <message>
        <source>Every key and certificate on it goes, for good: programs that sign or log in with them will no longer be able to. There is no undo.</source>
        <translation>Alle Schlüssel und Zertifikate darauf gehen endgültig verloren: Programme, die damit signieren oder sich anmelden, können das dann nicht mehr. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Delete Token</source>
        <translation>Token &amp;löschen</translation>
    </message>
    <message>
        <source>Deleted the virtual token “%1” (serial %2) and everything on it.</source>
        <translation>Der virtuelle Token „%1“ (Seriennummer %2) und alles darauf wurden gelöscht.</translation>
    </message>
</context>
<context>
    <name>tokendesk::DialogPinPrompter</name>
    <message>
        <source>Final try</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>One more wrong PIN locks %1 (serial %2). Enter it on the reader anyway?</source>
        <translation>Eine weitere falsche PIN sperrt %1 (Seriennummer %2). Trotzdem am Kartenleser eingeben?</translation>
    </message>
</context>
<context>
    <name>tokendesk::DirectoryActions</name>
    <message>
        <source>The keyring did not answer as asked (%1): the directory&apos;s password is known only until TokenDesk quits.</source>
        <translation>Der Schlüsselbund hat nicht wie erwartet geantwortet (%1): Das Passwort des Verzeichnisses ist nur bekannt, bis TokenDesk beendet wird.</translation>
    </message>
    <message>
        <source>&amp;Directory…</source>
        <translation>&amp;Verzeichnis…</translation>
    </message>
    <message>
        <source>The LDAP directory that pairing writes to, and how to bind to it</source>
        <translation>Das LDAP-Verzeichnis, in das die Kopplung schreibt, und wie dort gebunden wird</translation>
    </message>
    <message>
        <source>&amp;Stop loading pairings</source>
        <translation>Laden der Kopplungen &amp;anhalten</translation>
    </message>
    <message>
        <source>Stop reading the directory; the pairings read so far stay listed</source>
        <translation>Das Lesen des Verzeichnisses anhalten; die bisher gelesenen Kopplungen bleiben in der Liste</translation>
    </message>
    <message>
        <source>Enter the password of %1 to read the pairings of %2.</source>
        <translation>Geben Sie das Passwort von %1 ein, um die Kopplungen von %2 zu lesen.</translation>
    </message>
    <message numerus="yes">
        <source>Reading the directory… %n pairing(s) so far</source>
        <translation>
            <numerusform>Verzeichnis wird gelesen… bisher %n Kopplung</numerusform>
            <numerusform>Verzeichnis wird gelesen… bisher %n Kopplungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n pairing(s) listed, not the whole directory.</source>
        <translation>
            <numerusform>Angehalten: %n Kopplung aufgelistet, nicht das ganze Verzeichnis.</numerusform>
            <numerusform>Angehalten: %n Kopplungen aufgelistet, nicht das ganze Verzeichnis.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::DirectorySettingsDialog</name>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Pair cards in an LDAP directory that SSSD reads: each certificate goes to its account&apos;s entry. With a directory set, the Pairings list and Pair and Unpair use it.</source>
        <translation>Koppeln Sie Karten in einem LDAP-Verzeichnis, das SSSD liest: Jedes Zertifikat kommt in den Eintrag seines Kontos. Ist ein Verzeichnis eingestellt, verwenden die Kopplungsliste sowie Koppeln und Entkoppeln dieses.</translation>
    </message>
    <message>
        <source>Directory URL</source>
        <translation>Verzeichnis-URL</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>Bind-DN</translation>
    </message>
    <message>
        <source>empty: anonymous</source>
        <translation>leer: anonym</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>Bind-Passwort</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Remember the password in the keyring</source>
        <translation>Passwort im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Kept in the desktop&apos;s Secret Service (GNOME Keyring, KWallet), never in a file. Unticked: asked once per session.</source>
        <translation>Wird im Secret Service der Arbeitsumgebung (GNOME Keyring, KWallet) aufbewahrt, nie in einer Datei. Nicht angehakt: einmal pro Sitzung abgefragt.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted CAs</source>
        <translation>leer: die vertrauenswürdigen CAs des Systems</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>Nach der CA-Datei suchen</translation>
    </message>
    <message>
        <source>Use Start&amp;TLS (for ldap:// URLs; ldaps:// is always TLS)</source>
        <translation>Start&amp;TLS verwenden (für ldap://-URLs; ldaps:// ist immer TLS)</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>StartTLS verwenden</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Benutzerfilter</translation>
    </message>
    <message>
        <source>%s is the login</source>
        <translation>%s ist der Anmeldename</translation>
    </message>
    <message>
        <source>Certificate attribute</source>
        <translation>Zertifikatsattribut</translation>
    </message>
    <message>
        <source>Time-out in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>SSSD configuration</source>
        <translation>SSSD-Konfiguration</translation>
    </message>
    <message>
        <source>Directory &amp;URL:</source>
        <translation>Verzeichnis-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Bind DN:</source>
        <translation>&amp;Bind-DN:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A-Datei:</translation>
    </message>
    <message>
        <source>User &amp;filter:</source>
        <translation>Benutzer&amp;filter:</translation>
    </message>
    <message>
        <source>&amp;Certificate attribute:</source>
        <translation>&amp;Zertifikatsattribut:</translation>
    </message>
    <message>
        <source>Ti&amp;me-out:</source>
        <translation>Zeit&amp;limit:</translation>
    </message>
    <message>
        <source>&amp;SSSD configuration:</source>
        <translation>&amp;SSSD-Konfiguration:</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>Die Verzeichniseinstellungen speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter an ldap:// or ldaps:// URL with the server and the search base, e.g. ldaps://dir.example.com/ou=people,dc=example,dc=com.</source>
        <translation>Geben Sie eine ldap://- oder ldaps://-URL mit dem Server und der Suchbasis ein, z. B. ldaps://dir.example.com/ou=people,dc=example,dc=com.</translation>
    </message>
    <message>
        <source>none: an anonymous bind</source>
        <translation>keine: eine anonyme Bindung</translation>
    </message>
    <message>
        <source>known (type to change it)</source>
        <translation>bekannt (zum Ändern eintippen)</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test angehalten.</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>Test an&amp;halten</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>anonymously</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
    <message>
        <source>Connected to %1 %2, but nothing can be read below %3: check the search base and what this bind DN may read.</source>
        <translation>Mit %1 %2 verbunden, aber unterhalb von %3 kann nichts gelesen werden: Prüfen Sie die Suchbasis und was dieser Bind-DN lesen darf.</translation>
    </message>
    <message>
        <source>Connected to %1 %2; the search base %3 can be read.</source>
        <translation>Mit %1 %2 verbunden; die Suchbasis %3 kann gelesen werden.</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>CA-Zertifikate (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>sssd.conf with the certificate mapping rules, for “Check this card”</source>
        <translation>sssd.conf mit den Zertifikatszuordnungsregeln, für „Diese Karte prüfen“</translation>
    </message>
</context>
<context>
    <name>tokendesk::ExportCertificateCommand</name>
    <message>
        <source>Select a certificate first.</source>
        <translation>Wählen Sie zuerst ein Zertifikat aus.</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Zertifikat exportieren</translation>
    </message>
    <message>
        <source>PEM certificate (*.pem *.crt)</source>
        <translation>PEM-Zertifikat (*.pem *.crt)</translation>
    </message>
    <message>
        <source>DER certificate (*.der *.cer)</source>
        <translation>DER-Zertifikat (*.der *.cer)</translation>
    </message>
    <message>
        <source>Certificate written to %1.</source>
        <translation>Zertifikat nach %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>tokendesk::HelpActions</name>
    <message>
        <source>&amp;Guides</source>
        <translation>&amp;Anleitungen</translation>
    </message>
    <message>
        <source>&amp;Inspect a card</source>
        <translation>Karte &amp;untersuchen</translation>
    </message>
    <message>
        <source>&amp;Change or unblock a PIN</source>
        <translation>PIN ändern oder &amp;entsperren</translation>
    </message>
    <message>
        <source>&amp;Pair an account</source>
        <translation>Konto &amp;koppeln</translation>
    </message>
    <message>
        <source>I&amp;mport a .p12</source>
        <translation>.p12 &amp;importieren</translation>
    </message>
    <message>
        <source>&amp;Report for the helpdesk…</source>
        <translation>&amp;Bericht für den Helpdesk…</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>Über &amp;TokenDesk</translation>
    </message>
</context>
<context>
    <name>tokendesk::IdentitiesModel</name>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>tokendesk::ImportP12Actions</name>
    <message>
        <source>&amp;Import .p12…</source>
        <translation>.p12 &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file (.p12, .pfx) into a virtual token</source>
        <translation>Eine PKCS#12-Datei (.p12, .pfx) in einen virtuellen Token importieren</translation>
    </message>
</context>
<context>
    <name>tokendesk::ImportP12Wizard</name>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>Eine PKCS#12-Datei importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>tokendesk::InfoPage</name>
    <message>
        <source>1 smart card reader connected.</source>
        <translation>1 Kartenleser angeschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>%n smart card readers connected.</source>
        <translation>
            <numerusform>%n Kartenleser angeschlossen.</numerusform>
            <numerusform>%n Kartenleser angeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PKCS#11 token found.
Insert a smart card, or add a module with --module.</source>
        <translation>Kein PKCS#11-Token gefunden.
Stecken Sie eine Chipkarte ein oder fügen Sie mit --module ein Modul hinzu.</translation>
    </message>
    <message>
        <source>1 token, grouped by PKCS#11 module.</source>
        <translation>1 Token, gruppiert nach PKCS#11-Modul.</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens, grouped by PKCS#11 module.</source>
        <translation>
            <numerusform>%n Token, gruppiert nach PKCS#11-Modul.</numerusform>
            <numerusform>%n Tokens, gruppiert nach PKCS#11-Modul.</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificates with a private key beside them, on every token.</source>
        <translation>Zertifikate mit einem zugehörigen privaten Schlüssel, auf allen Tokens.</translation>
    </message>
    <message>
        <source>Which certificate logs in as which account, in every store pam_pkcs11 reads (or the stores set in the settings) and in the LDAP directory of Settings ▸ Directory…
To add one, select an identity of a card and choose Pair; a pairing&apos;s page has Unpair.</source>
        <translation>Welches Zertifikat sich als welches Konto anmeldet, in allen Speichern, die pam_pkcs11 liest (oder den in den Einstellungen festgelegten Speichern), und im LDAP-Verzeichnis aus Einstellungen ▸ Verzeichnis…
Um eine Kopplung hinzuzufügen, wählen Sie eine Identität einer Karte und dann Koppeln; die Seite einer Kopplung bietet Entkoppeln.</translation>
    </message>
    <message>
        <source>Virtual tokens are SoftHSM2 tokens of your own, which browsers, GnuTLS and OpenSSL programs and SSH can use like a smart card.
Make one with Token ▸ New Virtual Token…, or import a .p12 file into one with File ▸ Import .p12… (or drop the file on this window).</source>
        <translation>Virtuelle Tokens sind Ihre eigenen SoftHSM2-Tokens, die Browser, GnuTLS- und OpenSSL-Programme und SSH wie eine Chipkarte verwenden können.
Legen Sie einen mit Token ▸ Neuer virtueller Token… an, oder importieren Sie mit Datei ▸ .p12 importieren… eine .p12-Datei hinein (oder ziehen Sie die Datei auf dieses Fenster).</translation>
    </message>
</context>
<context>
    <name>tokendesk::KeyboardActions</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search readers, tokens, certificates and pairings</source>
        <translation>Kartenleser, Tokens, Zertifikate und Kopplungen durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selection&apos;s URI (a pairing: its SHA-256 fingerprint; a card: its ATR)</source>
        <translation>Die URI der Auswahl kopieren (eine Kopplung: ihren SHA-256-Fingerabdruck; eine Karte: ihren ATR)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the tokens and the pairings again</source>
        <translation>Tokens und Kopplungen neu lesen</translation>
    </message>
    <message>
        <source>Reading the tokens and pairings again…</source>
        <translation>Tokens und Kopplungen werden neu gelesen…</translation>
    </message>
    <message>
        <source>Fingerprint copied.</source>
        <translation>Fingerabdruck kopiert.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>URI copied.</source>
        <translation>URI kopiert.</translation>
    </message>
</context>
<context>
    <name>tokendesk::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
    <message>
        <source>Applies when TokenDesk starts again</source>
        <translation>Gilt ab dem nächsten Start von TokenDesk</translation>
    </message>
</context>
<context>
    <name>tokendesk::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Pairing</source>
        <translation>&amp;Kopplung</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
</context>
<context>
    <name>tokendesk::MainWindow</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Notify when a card is inserted or removed</source>
        <translation>&amp;Benachrichtigen, wenn eine Karte eingesteckt oder entfernt wird</translation>
    </message>
    <message>
        <source>&amp;Export certificate…</source>
        <translation>Zertifikat &amp;exportieren…</translation>
    </message>
    <message>
        <source>Copy &amp;URI</source>
        <translation>&amp;URI kopieren</translation>
    </message>
    <message>
        <source>&amp;Test identity…</source>
        <translation>Identität &amp;testen…</translation>
    </message>
    <message>
        <source>Sign a random challenge with the token&apos;s key and check it</source>
        <translation>Eine zufällige Challenge mit dem Schlüssel des Tokens signieren und prüfen</translation>
    </message>
    <message>
        <source>Reading tokens…</source>
        <translation>Tokens werden gelesen…</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>&amp;PIN ändern…</translation>
    </message>
    <message>
        <source>&amp;Unblock PIN…</source>
        <translation>PIN &amp;entsperren…</translation>
    </message>
    <message>
        <source>Show &amp;trust stores</source>
        <translation>Vertrauensspeicher an&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the tokens of trust stores and keyrings, such as p11-kit&apos;s System Trust</source>
        <translation>Die Tokens von Vertrauensspeichern und Schlüsselbunden anzeigen, etwa System Trust von p11-kit</translation>
    </message>
    <message>
        <source>Change PU&amp;K / SO PIN…</source>
        <translation>PU&amp;K / SO-PIN ändern…</translation>
    </message>
</context>
<context>
    <name>tokendesk::ModuleActions</name>
    <message>
        <source>Run each PKCS#11 module in a &amp;separate process</source>
        <translation>Jedes PKCS#11-Modul in einem &amp;eigenen Prozess ausführen</translation>
    </message>
    <message>
        <source>A module that crashes or hangs then cannot take TokenDesk with it. Takes effect when TokenDesk starts again.</source>
        <translation>Ein Modul, das abstürzt oder hängt, kann TokenDesk dann nicht mitreißen. Wirkt beim nächsten Start von TokenDesk.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ModulePage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Start the module&apos;s process again and read its tokens</source>
        <translation>Den Prozess des Moduls neu starten und seine Token lesen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Runs in a process of its own: if it crashes or hangs, TokenDesk stays up.</source>
        <translation>Läuft in einem eigenen Prozess: Stürzt es ab oder hängt es, läuft TokenDesk weiter.</translation>
    </message>
    <message>
        <source>Runs inside TokenDesk.</source>
        <translation>Läuft innerhalb von TokenDesk.</translation>
    </message>
</context>
<context>
    <name>tokendesk::NavigationModel</name>
    <message>
        <source>Readers</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>Kopplungen</translation>
    </message>
    <message>
        <source>Virtual tokens</source>
        <translation>Virtuelle Tokens</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>tokendesk::NavigationPane</name>
    <message>
        <source>Search: subject, issuer, serial, fingerprint, URI</source>
        <translation>Suche: Inhaber, Aussteller, Seriennummer, Fingerabdruck, URI</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Filters the readers, tokens, identities and pairings below by subject, issuer, serial number, fingerprint or URI</source>
        <translation>Filtert die Kartenleser, Tokens, Identitäten und Kopplungen darunter nach Inhaber, Aussteller, Seriennummer, Fingerabdruck oder URI</translation>
    </message>
    <message>
        <source>Readers, tokens, identities and pairings</source>
        <translation>Kartenleser, Tokens, Identitäten und Kopplungen</translation>
    </message>
    <message>
        <source>Select an item to see its details on the right; its actions are in the menus and in the context menu</source>
        <translation>Wählen Sie einen Eintrag, um rechts seine Details zu sehen; seine Aktionen stehen in den Menüs und im Kontextmenü</translation>
    </message>
</context>
<context>
    <name>tokendesk::NewVirtualTokenCommand</name>
    <message>
        <source>New Virtual Token</source>
        <translation>Neuer virtueller Token</translation>
    </message>
    <message>
        <source>Made the virtual token “%1” (serial %2).</source>
        <translation>Virtueller Token „%1“ (Seriennummer %2) angelegt.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairCommand</name>
    <message>
        <source>Pair</source>
        <comment>Pair the verb</comment>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s configuration names no mapper TokenDesk can write (digest, subject, opensc, openssh): set the pairing stores in the settings.</source>
        <translation>Die Konfiguration von pam_pkcs11 nennt keinen Mapper, in den TokenDesk schreiben kann (digest, subject, opensc, openssh): Legen Sie die Kopplungsspeicher in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Paired %1 with “%2” in %3.</source>
        <translation>%1 mit „%2“ in %3 gekoppelt.</translation>
    </message>
    <message>
        <source>Already paired: %1 with “%2” in %3; nothing changed.</source>
        <translation>Bereits gekoppelt: %1 mit „%2“ in %3; nichts geändert.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairDialog</name>
    <message>
        <source>Pair with an account</source>
        <comment>Pair the verb</comment>
        <translation>Mit einem Konto koppeln</translation>
    </message>
    <message>
        <source>Pair the certificate &lt;b&gt;%1&lt;/b&gt; with an account, so that its card logs in as that account.</source>
        <translation>Das Zertifikat &lt;b&gt;%1&lt;/b&gt; mit einem Konto koppeln, damit sich seine Karte als dieses Konto anmeldet.</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>%1 (%2 mapper)</source>
        <translation>%1 (%2-Mapper)</translation>
    </message>
    <message>
        <source>“%1” in %2</source>
        <translation>„%1“ in %2</translation>
    </message>
    <message>
        <source>Already paired with %1.</source>
        <translation>Bereits mit %1 gekoppelt.</translation>
    </message>
    <message>
        <source>This certificate may not work for logging in:</source>
        <translation>Dieses Zertifikat funktioniert möglicherweise nicht für die Anmeldung:</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Koppeln</translation>
    </message>
    <message>
        <source>No local account “%1”: fine for a directory account, else check the spelling.</source>
        <translation>Kein lokales Konto „%1“: in Ordnung für ein Verzeichniskonto, sonst prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>Enter the login to pair with.</source>
        <translation>Geben Sie den Anmeldenamen ein, mit dem gekoppelt werden soll.</translation>
    </message>
    <message>
        <source>No store to write: configure pam_pkcs11 or the pairing stores.</source>
        <translation>Kein Speicher zum Schreiben: Konfigurieren Sie pam_pkcs11 oder die Kopplungsspeicher.</translation>
    </message>
    <message>
        <source>Tick “Pair anyway” to pair a certificate that may not work for logging in.</source>
        <translation>Haken Sie „Trotzdem koppeln“ an, um ein Zertifikat zu koppeln, das möglicherweise nicht für die Anmeldung funktioniert.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Pair &amp;anyway, knowing it may not work</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Trotzdem koppeln, obwohl es vielleicht nicht funktioniert</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingActions</name>
    <message>
        <source>&amp;Pair with account…</source>
        <comment>Pair the verb</comment>
        <translation>Mit Konto &amp;koppeln…</translation>
    </message>
    <message>
        <source>Pair this certificate with an account, so that its card logs in as it</source>
        <translation>Dieses Zertifikat mit einem Konto koppeln, damit sich seine Karte als dieses anmeldet</translation>
    </message>
    <message>
        <source>&amp;Unpair…</source>
        <translation>&amp;Entkoppeln…</translation>
    </message>
    <message>
        <source>C&amp;heck this card</source>
        <translation>Diese Karte &amp;prüfen</translation>
    </message>
    <message>
        <source>Who logs in with this card, by pam_pkcs11&apos;s rules</source>
        <translation>Wer sich mit dieser Karte anmeldet, nach den Regeln von pam_pkcs11</translation>
    </message>
    <message>
        <source>Offer to &amp;pair a card nobody is paired with</source>
        <comment>Pair the verb</comment>
        <translation>Kopplung &amp;anbieten, wenn eine Karte mit niemandem gekoppelt ist</translation>
    </message>
    <message>
        <source>%1 is still running: finish it first.</source>
        <translation>%1 läuft noch: Schließen Sie das zuerst ab.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingModel</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>card present</source>
        <translation>Karte vorhanden</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>läuft in %n Tag ab</numerusform>
            <numerusform>läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>Kopplung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPage</name>
    <message>
        <source>&amp;Unpair…</source>
        <translation>&amp;Entkoppeln…</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <comment>the line of the mapping file</comment>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Karte:</translation>
    </message>
    <message>
        <source>Pairing of “%1”</source>
        <translation>Kopplung von „%1“</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>unknown until its card is present</source>
        <translation>unbekannt, bis seine Karte vorhanden ist</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>present: its card is in a reader</source>
        <translation>vorhanden: Seine Karte steckt in einem Kartenleser</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>This is the only certificate paired with “%1” and it expires on %2: pair its successor before then, or the account cannot log in with a card.</source>
        <translation>Dies ist das einzige mit „%1“ gekoppelte Zertifikat und es läuft am %2 ab: Koppeln Sie vorher seinen Nachfolger, sonst kann sich das Konto nicht mehr mit einer Karte anmelden.</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Verzeichnis:</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPrompt</name>
    <message>
        <source>This card now logs you in: paired with “%1” in %2.</source>
        <translation>Diese Karte meldet Sie jetzt an: gekoppelt mit „%1“ in %2.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPromptDialog</name>
    <message>
        <source>Pair this card?</source>
        <comment>Pair the verb</comment>
        <translation>Diese Karte koppeln?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The card “%1” is not paired with any account.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Pair its login certificate &lt;i&gt;%2&lt;/i&gt; with your account “%3”, so that you can log in with this card?&lt;/p&gt;&lt;p&gt;The pairing is written to %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Karte „%1“ ist mit keinem Konto gekoppelt.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ihr Anmeldezertifikat &lt;i&gt;%2&lt;/i&gt; mit Ihrem Konto „%3“ koppeln, damit Sie sich mit dieser Karte anmelden können?&lt;/p&gt;&lt;p&gt;Die Kopplung wird in %4 geschrieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again for this card</source>
        <translation>Für diese Karte &amp;nicht mehr fragen</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Koppeln</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Jetzt nicht</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinChangeDialog</name>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (Seriennummer %2)</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>Change PUK</source>
        <translation>PUK ändern</translation>
    </message>
    <message>
        <source>Change SO PIN</source>
        <translation>SO-PIN ändern</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>PIN entsperren</translation>
    </message>
    <message>
        <source>The PUK (PIN Unblocking Key) is a second, longer secret that came with the card. It sets a new PIN when the PIN is locked. If the PUK is entered wrongly too often, it locks as well, and only the card&apos;s issuer can reset or replace the card.</source>
        <translation>Die PUK (PIN Unblocking Key) ist ein zweites, längeres Geheimnis, das mit der Karte geliefert wurde. Sie setzt eine neue PIN, wenn die PIN gesperrt ist. Wird die PUK zu oft falsch eingegeben, wird sie ebenfalls gesperrt, und nur der Herausgeber der Karte kann die Karte zurücksetzen oder ersetzen.</translation>
    </message>
    <message>
        <source>The SO PIN (Security Officer PIN) is the token&apos;s administrator secret. It sets a new PIN when the PIN is locked. If it is entered wrongly too often, it may lock as well.</source>
        <translation>Die SO-PIN (Security-Officer-PIN) ist das Administratorgeheimnis des Tokens. Sie setzt eine neue PIN, wenn die PIN gesperrt ist. Wird sie zu oft falsch eingegeben, kann sie ebenfalls gesperrt werden.</translation>
    </message>
    <message>
        <source>Change the PIN of %1. You need the current PIN.</source>
        <translation>Die PIN von %1 ändern. Sie benötigen die aktuelle PIN.</translation>
    </message>
    <message>
        <source>Change the %1 of %2. You need the current one.</source>
        <translation>Die %1 von %2 ändern. Sie benötigen die aktuelle.</translation>
    </message>
    <message>
        <source>Set a new PIN for %1 with the %2. This also unblocks a locked PIN.</source>
        <translation>Mit der %2 eine neue PIN für %1 setzen. Dies entsperrt auch eine gesperrte PIN.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The PIN is locked. Use Unblock PIN with the %1.</source>
        <translation>Die PIN ist gesperrt. Verwenden Sie „PIN entsperren“ mit der %1.</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>The %1 is locked. The card must be reset or replaced by its issuer.</source>
        <translation>Die %1 ist gesperrt. Die Karte muss von ihrem Herausgeber zurückgesetzt oder ersetzt werden.</translation>
    </message>
    <message>
        <source>Enter the %1, then the new %2 twice, on the reader&apos;s keypad after you press OK.</source>
        <translation>Geben Sie nach dem Klick auf OK die %1 und dann zweimal die neue %2 am Tastenfeld des Kartenlesers ein.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>digits only</source>
        <translation>nur Ziffern</translation>
    </message>
    <message>
        <source>The new %1 needs %2.</source>
        <translation>Die neue %1 benötigt %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Enter the current %1.</source>
        <translation>Geben Sie die aktuelle %1 ein.</translation>
    </message>
    <message>
        <source>Enter the new %1.</source>
        <translation>Geben Sie die neue %1 ein.</translation>
    </message>
    <message>
        <source>The new %1 must be digits only.</source>
        <translation>Die neue %1 darf nur aus Ziffern bestehen.</translation>
    </message>
    <message>
        <source>The new %1 is too short.</source>
        <translation>Die neue %1 ist zu kurz.</translation>
    </message>
    <message>
        <source>The new %1 is too long.</source>
        <translation>Die neue %1 ist zu lang.</translation>
    </message>
    <message>
        <source>The two new entries differ.</source>
        <translation>Die beiden neuen Eingaben unterscheiden sich.</translation>
    </message>
    <message>
        <source>The new %1 is the same as the current one.</source>
        <translation>Die neue %1 ist dieselbe wie die aktuelle.</translation>
    </message>
    <message>
        <source>Tick the box: this is the last try before the %1 locks.</source>
        <translation>Haken Sie das Kästchen an: Dies ist der letzte Versuch, bevor die %1 gesperrt wird.</translation>
    </message>
    <message numerus="yes">
        <source>exactly %n character(s)</source>
        <translation>
            <numerusform>genau %n Zeichen</numerusform>
            <numerusform>genau %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>I &amp;understand: if the %1 I enter on the reader is wrong, it locks now.</source>
        <translation>Ich &amp;verstehe: Ist die %1, die ich am Leser eingebe, falsch, wird sie jetzt gesperrt.</translation>
    </message>
    <message>
        <source>&amp;Current %1:</source>
        <translation>&amp;Aktuelle %1:</translation>
    </message>
    <message>
        <source>&amp;New %1:</source>
        <translation>&amp;Neue %1:</translation>
    </message>
    <message>
        <source>New %1 &amp;again:</source>
        <translation>Neue %1 &amp;wiederholen:</translation>
    </message>
    <message>
        <source>I &amp;understand: if this %1 is wrong, it locks now.</source>
        <translation>Ich &amp;verstehe: Ist diese %1 falsch, wird sie jetzt gesperrt.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinDialog</name>
    <message>
        <source>Enter your PIN on the reader</source>
        <translation>Geben Sie Ihre PIN am Kartenleser ein</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>Token: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Token: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Token: &lt;b&gt;%1&lt;/b&gt; (serial %2)</source>
        <translation>Token: &lt;b&gt;%1&lt;/b&gt; (Seriennummer %2)</translation>
    </message>
    <message>
        <source>TokenDesk will sign a random challenge with the key on the token to test it.</source>
        <translation>TokenDesk signiert zum Test eine zufällige Challenge mit dem Schlüssel auf dem Token.</translation>
    </message>
    <message>
        <source>TokenDesk will sign a random challenge with the key of %1 to test it.</source>
        <translation>TokenDesk signiert zum Test eine zufällige Challenge mit dem Schlüssel von %1.</translation>
    </message>
    <message>
        <source>Log in to see the token&apos;s private objects.</source>
        <translation>Melden Sie sich an, um die privaten Objekte des Tokens zu sehen.</translation>
    </message>
    <message>
        <source>The PIN was wrong. Try again.</source>
        <comment>the noun</comment>
        <translation>Die PIN war falsch. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Enter your PIN on the reader.</source>
        <translation>Geben Sie Ihre PIN am Kartenleser ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the last try.&lt;/b&gt; If this PIN is wrong, the card locks and only the PUK (or your administrator) can unblock it.</source>
        <translation>&lt;b&gt;Dies ist der letzte Versuch.&lt;/b&gt; Ist diese PIN falsch, wird die Karte gesperrt und nur die PUK (oder Ihr Administrator) kann sie entsperren.</translation>
    </message>
    <message>
        <source>PIN</source>
        <comment>the noun</comment>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PUK</source>
        <comment>the noun</comment>
        <translation>PUK</translation>
    </message>
    <message>
        <source>New PIN</source>
        <comment>the noun</comment>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PUK</source>
        <comment>the noun</comment>
        <translation>Neue PUK</translation>
    </message>
    <message>
        <source>Type the %1.</source>
        <translation>Geben Sie die %1 ein.</translation>
    </message>
    <message numerus="yes">
        <source>The %1 has at least %n characters.</source>
        <translation>
            <numerusform>Die %1 hat mindestens %n Zeichen.</numerusform>
            <numerusform>Die %1 hat mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the box to confirm the last try.</source>
        <translation>Haken Sie das Kästchen an, um den letzten Versuch zu bestätigen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>I &amp;understand the card locks if this PIN is wrong</source>
        <translation>Ich &amp;verstehe, dass die Karte sperrt, wenn diese PIN falsch ist</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinFlow</name>
    <message>
        <source>The PIN was changed.</source>
        <translation>Die PIN wurde geändert.</translation>
    </message>
    <message>
        <source>The %1 was changed.</source>
        <translation>Die %1 wurde geändert.</translation>
    </message>
    <message>
        <source>The PIN was set and unblocked.</source>
        <translation>Die PIN wurde gesetzt und entsperrt.</translation>
    </message>
    <message>
        <source>The PIN is locked. Set a new PIN with the %1 to unblock it.</source>
        <translation>Die PIN ist gesperrt. Setzen Sie mit der %1 eine neue PIN, um sie zu entsperren.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReaderModel</name>
    <message>
        <source>Unknown card</source>
        <translation>Unbekannte Karte</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <source>Card</source>
        <comment>state of the card in a reader</comment>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Card type</source>
        <translation>Kartentyp</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>Keine Karte</translation>
    </message>
    <message>
        <source>Card in use</source>
        <translation>Karte in Verwendung</translation>
    </message>
    <message>
        <source>Card present</source>
        <translation>Karte vorhanden</translation>
    </message>
    <message>
        <source>Card does not answer</source>
        <translation>Karte antwortet nicht</translation>
    </message>
    <message>
        <source>Reader unavailable</source>
        <translation>Kartenleser nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReaderPage</name>
    <message>
        <source>Card:</source>
        <comment>state of the card in a reader</comment>
        <translation>Karte:</translation>
    </message>
    <message>
        <source>Card type:</source>
        <translation>Kartentyp:</translation>
    </message>
    <message>
        <source>ATR:</source>
        <translation>ATR:</translation>
    </message>
    <message>
        <source>Reader features:</source>
        <translation>Kartenleser-Funktionen:</translation>
    </message>
    <message>
        <source>This reader is gone.</source>
        <translation>Dieser Kartenleser ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Not in the list of known cards</source>
        <translation>Nicht in der Liste bekannter Karten</translation>
    </message>
    <message>
        <source>Insert a card into this reader.</source>
        <translation>Stecken Sie eine Karte in diesen Kartenleser.</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>none reported (no PC/SC part 10 support); PINs are typed on the computer</source>
        <translation>keine gemeldet (keine Unterstützung für PC/SC Teil 10); PINs werden am Computer eingegeben</translation>
    </message>
    <message>
        <source>PIN pad: PINs are entered on the reader</source>
        <translation>PIN-Pad: PINs werden am Kartenleser eingegeben</translation>
    </message>
    <message>
        <source>no PIN pad</source>
        <translation>kein PIN-Pad</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReportDialog</name>
    <message>
        <source>Report for the helpdesk</source>
        <translation>Bericht für den Helpdesk</translation>
    </message>
    <message>
        <source>What TokenDesk sees: readers, cards, modules, tokens and certificates. The same as &lt;tt&gt;tokendesk report&lt;/tt&gt;; it holds no PIN, password or key.</source>
        <translation>Was TokenDesk sieht: Kartenleser, Karten, Module, Tokens und Zertifikate. Dasselbe wie &lt;tt&gt;tokendesk report&lt;/tt&gt;; ohne PIN, Passwort oder Schlüssel.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>&amp;Mask serial numbers</source>
        <translation>Seriennummern &amp;maskieren</translation>
    </message>
    <message>
        <source>Card, token and certificate serial numbers show only their last four characters</source>
        <translation>Seriennummern von Karten, Tokens und Zertifikaten zeigen nur ihre letzten vier Zeichen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Reading readers, cards and tokens…</source>
        <translation>Kartenleser, Karten und Tokens werden gelesen…</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Der Bericht ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ResetVirtualPinCommand</name>
    <message>
        <source>Reset PIN</source>
        <comment>PIN the noun</comment>
        <translation>PIN zurücksetzen</translation>
    </message>
    <message>
        <source>The PIN of “%1” is set.</source>
        <translation>Die PIN von „%1“ ist gesetzt.</translation>
    </message>
</context>
<context>
    <name>tokendesk::SeenByWidget</name>
    <message>
        <source>Seen by</source>
        <translation>Gesehen von</translation>
    </message>
    <message>
        <source>Checking which programs see the virtual tokens…</source>
        <translation>Es wird geprüft, welche Programme die virtuellen Tokens sehen…</translation>
    </message>
    <message>
        <source>Programs that find this token, checked just now:</source>
        <translation>Programme, die diesen Token finden, soeben geprüft:</translation>
    </message>
    <message>
        <source>sees the virtual tokens</source>
        <translation>sieht die virtuellen Tokens</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Register p11-kit-proxy in %1, so that it sees the virtual tokens</source>
        <translation>p11-kit-proxy in %1 registrieren, damit es die virtuellen Tokens sieht</translation>
    </message>
    <message>
        <source>Remove p11-kit-proxy from %1</source>
        <translation>p11-kit-proxy aus %1 entfernen</translation>
    </message>
    <message>
        <source>Registering p11-kit-proxy…</source>
        <translation>p11-kit-proxy wird registriert…</translation>
    </message>
    <message>
        <source>Unregistering p11-kit-proxy…</source>
        <translation>p11-kit-proxy wird abgemeldet…</translation>
    </message>
    <message>
        <source>Register for %1</source>
        <translation>Für %1 registrieren</translation>
    </message>
    <message>
        <source>Unregister for %1</source>
        <translation>Für %1 abmelden</translation>
    </message>
</context>
<context>
    <name>tokendesk::ServiceStateLabel</name>
    <message>
        <source>PC/SC: connecting…</source>
        <translation>PC/SC: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>PC/SC: running</source>
        <translation>PC/SC: läuft</translation>
    </message>
    <message>
        <source>PC/SC: restarting…</source>
        <translation>PC/SC: wird neu gestartet…</translation>
    </message>
    <message>
        <source>PC/SC: service not running</source>
        <translation>PC/SC: Dienst läuft nicht</translation>
    </message>
</context>
<context>
    <name>tokendesk::SingleInstance</name>
    <message>
        <source>Another TokenDesk is listening on %1.</source>
        <translation>Ein anderes TokenDesk lauscht bereits auf %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TaskGuideDialog</name>
    <message>
        <source>TokenDesk Guides</source>
        <translation>TokenDesk-Anleitungen</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
</context>
<context>
    <name>tokendesk::TestIdentityCommand</name>
    <message>
        <source>Test identity</source>
        <translation>Identität testen</translation>
    </message>
    <message>
        <source>The identity test failed: %1</source>
        <translation>Der Identitätstest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The token signed, but the certificate&apos;s key does not verify the signature: this key does not belong to this certificate (%1).</source>
        <translation>Der Token hat signiert, aber der Schlüssel des Zertifikats bestätigt die Signatur nicht: Dieser Schlüssel gehört nicht zu diesem Zertifikat (%1).</translation>
    </message>
    <message>
        <source>The identity works: the token signed a random challenge (%1, %2 ms) and the certificate verified it.</source>
        <translation>Die Identität funktioniert: Der Token hat eine zufällige Challenge signiert (%1, %2 ms), und das Zertifikat hat die Signatur bestätigt.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenActions</name>
    <message>
        <source>%1 is still running on “%2” (serial %3): finish it first.</source>
        <translation>%1 läuft noch auf „%2“ (Seriennummer %3): Schließen Sie das zuerst ab.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenCommand</name>
    <message>
        <source>Insert the card or token “%1” (serial %2) to continue.</source>
        <translation>Stecken Sie die Karte oder den Token „%1“ (Seriennummer %2) ein, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenPage</name>
    <message>
        <source>Manufacturer:</source>
        <translation>Hersteller:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Seriennummer:</translation>
    </message>
    <message>
        <source>Module:</source>
        <comment>PKCS#11 module</comment>
        <translation>Modul:</translation>
    </message>
    <message>
        <source>Slot:</source>
        <comment>PKCS#11 slot</comment>
        <translation>Slot:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI:</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Flags:</translation>
    </message>
    <message>
        <source>User PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Benutzer-PIN:</translation>
    </message>
    <message>
        <source>SO PIN:</source>
        <comment>PIN the noun</comment>
        <translation>SO-PIN:</translation>
    </message>
    <message>
        <source>Tries left:</source>
        <translation>Verbleibende Versuche:</translation>
    </message>
    <message>
        <source>PIN length:</source>
        <comment>PIN the noun</comment>
        <translation>PIN-Länge:</translation>
    </message>
    <message>
        <source>Objects:</source>
        <translation>Objekte:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>certificates: %1</source>
        <translation>Zertifikate: %1</translation>
    </message>
    <message>
        <source>identities: %1</source>
        <translation>Identitäten: %1</translation>
    </message>
    <message>
        <source>key expected after login: %1</source>
        <translation>Schlüssel nach der Anmeldung erwartet: %1</translation>
    </message>
    <message>
        <source>public keys: %1</source>
        <translation>öffentliche Schlüssel: %1</translation>
    </message>
    <message>
        <source>private keys: %1</source>
        <translation>private Schlüssel: %1</translation>
    </message>
    <message>
        <source>secret keys: %1</source>
        <translation>geheime Schlüssel: %1</translation>
    </message>
    <message>
        <source>data objects: %1</source>
        <translation>Datenobjekte: %1</translation>
    </message>
    <message>
        <source>Private objects show after login.</source>
        <translation>Private Objekte werden nach der Anmeldung angezeigt.</translation>
    </message>
    <message>
        <source>Reading the objects failed: %1</source>
        <translation>Das Lesen der Objekte ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the token does not tell</source>
        <translation>der Token gibt das nicht an</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenTreeModel</name>
    <message>
        <source>Identities (%1)</source>
        <translation>Identitäten (%1)</translation>
    </message>
    <message>
        <source>Certificates (%1)</source>
        <translation>Zertifikate (%1)</translation>
    </message>
    <message>
        <source>Public keys (%1)</source>
        <translation>Öffentliche Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Private keys (%1)</source>
        <translation>Private Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Secret keys (%1)</source>
        <translation>Geheime Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Data objects (%1)</source>
        <translation>Datenobjekte (%1)</translation>
    </message>
    <message>
        <source>%1 %2, serial %3</source>
        <translation>%1 %2, Seriennummer %3</translation>
    </message>
    <message>
        <source>(key expected)</source>
        <translation>(Schlüssel erwartet)</translation>
    </message>
    <message>
        <source>Unreadable certificate</source>
        <translation>Nicht lesbares Zertifikat</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
%3
%4
Token: %5</source>
        <translation>Inhaber: %1
Aussteller: %2
%3
%4
Token: %5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>identity: key role, key type</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>tokendesk::TrayNotifier</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Card inserted</source>
        <translation>Karte eingesteckt</translation>
    </message>
    <message>
        <source>Card removed</source>
        <translation>Karte entfernt</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>tokendesk::UnpairCommand</name>
    <message>
        <source>Unpair</source>
        <translation>Entkoppeln</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs %1 with any account.</source>
        <translation>Nichts zu entkoppeln: Kein Speicher koppelt %1 mit einem Konto.</translation>
    </message>
    <message>
        <source>every pairing store</source>
        <translation>alle Kopplungsspeicher</translation>
    </message>
    <message>
        <source>Unpair %1 from “%2” in %3? That card will no longer log in as “%2”.</source>
        <translation>%1 von „%2“ in %3 entkoppeln? Diese Karte meldet sich dann nicht mehr als „%2“ an.</translation>
    </message>
    <message>
        <source>&amp;Unpair</source>
        <translation>&amp;Entkoppeln</translation>
    </message>
    <message>
        <source>%1 is paired with several accounts. Unpair it from:</source>
        <translation>%1 ist mit mehreren Konten gekoppelt. Entkoppeln von:</translation>
    </message>
    <message>
        <source>“%1” has several entries in this store: insert the card of this one to unpair it alone.</source>
        <translation>„%1“ hat mehrere Einträge in diesem Speicher: Stecken Sie die Karte dieses Eintrags ein, um nur ihn zu entkoppeln.</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs this certificate with “%1”.</source>
        <translation>Nichts zu entkoppeln: Kein Speicher koppelt dieses Zertifikat mit „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Unpaired “%1”: %n entries removed.</source>
        <translation>
            <numerusform>„%1“ entkoppelt: %n Eintrag entfernt.</numerusform>
            <numerusform>„%1“ entkoppelt: %n Einträge entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::VirtualTokenActions</name>
    <message>
        <source>&amp;New Virtual Token…</source>
        <translation>&amp;Neuer virtueller Token…</translation>
    </message>
    <message>
        <source>Make a token in SoftHSM2 that browsers and other programs use like a smart card</source>
        <translation>Einen Token in SoftHSM2 anlegen, den Browser und andere Programme wie eine Chipkarte verwenden</translation>
    </message>
    <message>
        <source>&amp;Delete Virtual Token…</source>
        <translation>Virtuellen Token &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Reset PIN…</source>
        <comment>PIN the noun</comment>
        <translation>PIN &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>%1 is still running: finish it first.</source>
        <translation>%1 läuft noch: Schließen Sie das zuerst ab.</translation>
    </message>
    <message>
        <source>Delete “%1” and every key and certificate on it</source>
        <translation>„%1“ und alle Schlüssel und Zertifikate darauf löschen</translation>
    </message>
    <message>
        <source>Select a virtual token (a SoftHSM2 token) to delete it</source>
        <translation>Wählen Sie einen virtuellen Token (einen SoftHSM2-Token) aus, um ihn zu löschen</translation>
    </message>
    <message>
        <source>Select a virtual token to reset its PIN</source>
        <translation>Wählen Sie einen virtuellen Token aus, um seine PIN zurückzusetzen</translation>
    </message>
    <message>
        <source>Looking for the token&apos;s SO PIN in the keyring…</source>
        <translation>Die SO-PIN des Tokens wird im Schlüsselbund gesucht…</translation>
    </message>
    <message>
        <source>Set a new PIN with the SO PIN TokenDesk keeps in your keyring</source>
        <translation>Eine neue PIN mit der SO-PIN setzen, die TokenDesk in Ihrem Schlüsselbund aufbewahrt</translation>
    </message>
</context>
<context>
    <name>tokendesk::VirtualTokenDialog</name>
    <message>
        <source>New Virtual Token</source>
        <translation>Neuer virtueller Token</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <comment>PIN the noun</comment>
        <translation>PIN zurücksetzen</translation>
    </message>
    <message>
        <source>A virtual token keeps keys and certificates in SoftHSM2, in your own folder, and browsers and other programs use it like a smart card. Its PIN protects the keys; TokenDesk keeps a random SO PIN in your keyring so that a forgotten PIN can be reset.</source>
        <translation>Ein virtueller Token bewahrt Schlüssel und Zertifikate in SoftHSM2 auf, in Ihrem eigenen Ordner, und Browser und andere Programme verwenden ihn wie eine Chipkarte. Seine PIN schützt die Schlüssel; TokenDesk bewahrt eine zufällige SO-PIN in Ihrem Schlüsselbund auf, damit eine vergessene PIN zurückgesetzt werden kann.</translation>
    </message>
    <message>
        <source>Set a new PIN for “%1” with the SO PIN TokenDesk keeps in your keyring. The current PIN is not needed, and a locked PIN is unblocked.</source>
        <translation>Eine neue PIN für „%1“ mit der SO-PIN setzen, die TokenDesk in Ihrem Schlüsselbund aufbewahrt. Die aktuelle PIN wird nicht benötigt, und eine gesperrte PIN wird entsperrt.</translation>
    </message>
    <message>
        <source>e.g. Work identity</source>
        <translation>z. B. Arbeitsidentität</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <comment>the token&apos;s label</comment>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <comment>PIN the noun</comment>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <comment>PIN the noun</comment>
        <translation>&amp;Neue PIN:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <comment>PIN the noun</comment>
        <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <comment>create the token</comment>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <comment>PIN the noun</comment>
        <translation>PIN &amp;setzen</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Token wird angelegt…</translation>
    </message>
    <message>
        <source>Setting the PIN…</source>
        <translation>PIN wird gesetzt…</translation>
    </message>
    <message>
        <source>Give the token a name.</source>
        <translation>Geben Sie dem Token einen Namen.</translation>
    </message>
    <message>
        <source>A name has at most 32 bytes (fewer letters with accents), no control characters and no blanks at either end.</source>
        <translation>Ein Name hat höchstens 32 Bytes (weniger Buchstaben mit Akzenten), keine Steuerzeichen und keine Leerzeichen an den Enden.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs unterscheiden sich.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN has at least %n character(s).</source>
        <translation>
            <numerusform>Die PIN hat mindestens %n Zeichen.</numerusform>
            <numerusform>Die PIN hat mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::DonePage</name>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Which programs will see the token</source>
        <translation>Welche Programme den Token sehen werden</translation>
    </message>
    <message>
        <source>The virtual token &quot;%1&quot; was made, and the identity imported into it.</source>
        <translation>Der virtuelle Token „%1“ wurde angelegt und die Identität hineinimportiert.</translation>
    </message>
    <message>
        <source>The identity was imported into the virtual token &quot;%1&quot;.</source>
        <translation>Die Identität wurde in den virtuellen Token „%1“ importiert.</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot;, serial %2. The new objects, by their PKCS#11 URIs:</source>
        <translation>Token „%1“, Seriennummer %2. Die neuen Objekte mit ihren PKCS#11-URIs:</translation>
    </message>
    <message>
        <source>Verified: the token signed a challenge with %1 and the certificate verified it.</source>
        <translation>Bestätigt: Der Token hat eine Challenge mit %1 signiert, und das Zertifikat hat die Signatur bestätigt.</translation>
    </message>
    <message>
        <source>Not verified (%1).</source>
        <translation>Nicht bestätigt (%1).</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::FilePage</name>
    <message>
        <source>Choose the PKCS#12 file</source>
        <translation>PKCS#12-Datei auswählen</translation>
    </message>
    <message>
        <source>A .p12 or .pfx file holds a private key with its certificate, and often the certificates of its issuers. Nothing is written until the last step.</source>
        <translation>Eine .p12- oder .pfx-Datei enthält einen privaten Schlüssel mit seinem Zertifikat und oft die Zertifikate seiner Aussteller. Bis zum letzten Schritt wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>/path/to/identity.p12</source>
        <translation>/pfad/zu/identitaet.p12</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>You can also drop a .p12 or .pfx file on the TokenDesk window.</source>
        <translation>Sie können eine .p12- oder .pfx-Datei auch auf das TokenDesk-Fenster ziehen.</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx *.P12 *.PFX)</source>
        <translation>PKCS#12-Dateien (*.p12 *.pfx *.P12 *.PFX)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>Eine PKCS#12-Datei importieren</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::ImportPage</name>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>The private key is written so that it can never be read back from the token, then the token signs a challenge with it to prove the import worked. If anything fails, or you cancel, everything written is removed again.</source>
        <translation>Der private Schlüssel wird so geschrieben, dass er nie wieder vom Token gelesen werden kann; dann signiert der Token damit eine Challenge, um zu beweisen, dass der Import funktioniert hat. Schlägt etwas fehl oder brechen Sie ab, wird alles Geschriebene wieder entfernt.</translation>
    </message>
    <message>
        <source>Making the virtual token &quot;%1&quot; and writing the identity to it.</source>
        <translation>Der virtuelle Token „%1“ wird angelegt und die Identität hineingeschrieben.</translation>
    </message>
    <message>
        <source>Writing the identity to the virtual token &quot;%1&quot;.</source>
        <translation>Die Identität wird in den virtuellen Token „%1“ geschrieben.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Step %1 of %2…</source>
        <translation>Schritt %1 von %2…</translation>
    </message>
    <message>
        <source>Imported and verified.</source>
        <translation>Importiert und bestätigt.</translation>
    </message>
    <message>
        <source>Cancelling: removing what was written…</source>
        <translation>Abbruch: Das Geschriebene wird entfernt…</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::PasswordPage</name>
    <message>
        <source>Enter the file&apos;s password</source>
        <translation>Passwort der Datei eingeben</translation>
    </message>
    <message>
        <source>The password decrypts the file in memory only; it is not stored. Leave it empty for a file without a password.</source>
        <translation>Das Passwort entschlüsselt die Datei nur im Speicher; es wird nicht gespeichert. Lassen Sie es bei einer Datei ohne Passwort leer.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The password that protects %1.</source>
        <translation>Das Passwort, das %1 schützt.</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::PreviewPage</name>
    <message>
        <source>What the file holds</source>
        <translation>Was die Datei enthält</translation>
    </message>
    <message>
        <source>Check what will be written to the token. Nothing has been written yet.</source>
        <translation>Prüfen Sie, was auf den Token geschrieben wird. Es wurde noch nichts geschrieben.</translation>
    </message>
    <message>
        <source>Identity %1</source>
        <translation>Identität %1</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Label on the token:</source>
        <translation>Bezeichnung auf dem Token:</translation>
    </message>
    <message>
        <source>Chain (stored, trusted for nothing)</source>
        <translation>Kette (gespeichert, für nichts vertrauenswürdig)</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Zertifikate:</translation>
    </message>
    <message>
        <source>Protection of the file</source>
        <translation>Schutz der Datei</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Integrität:</translation>
    </message>
    <message>
        <source>MAC with %1</source>
        <translation>MAC mit %1</translation>
    </message>
    <message>
        <source>no MAC</source>
        <translation>kein MAC</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::TokenChoicePage</name>
    <message>
        <source>Choose the virtual token</source>
        <translation>Virtuellen Token auswählen</translation>
    </message>
    <message>
        <source>A virtual token keeps the key where browsers, TLS clients and SSH can use it, behind a PIN.</source>
        <translation>Ein virtueller Token bewahrt den Schlüssel hinter einer PIN dort auf, wo Browser, TLS-Clients und SSH ihn verwenden können.</translation>
    </message>
    <message>
        <source>&amp;Make a new virtual token</source>
        <translation>Neuen virtuellen Token &amp;anlegen</translation>
    </message>
    <message>
        <source>Import into an &amp;existing virtual token</source>
        <translation>In einen &amp;vorhandenen virtuellen Token importieren</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>New &amp;PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Neue &amp;PIN:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <comment>PIN the noun</comment>
        <translation>PIN wieder&amp;holen:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>My identity</source>
        <translation>Meine Identität</translation>
    </message>
    <message>
        <source>Looking for virtual tokens…</source>
        <translation>Virtuelle Tokens werden gesucht…</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual token(s) found.</source>
        <translation>
            <numerusform>%n virtueller Token gefunden.</numerusform>
            <numerusform>%n virtuelle Tokens gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs unterscheiden sich.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n character(s).</source>
        <comment>PIN the noun</comment>
        <translation>
            <numerusform>Die PIN benötigt mindestens %n Zeichen.</numerusform>
            <numerusform>Die PIN benötigt mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;User PIN:</source>
        <comment>PIN the noun</comment>
        <translation>&amp;Benutzer-PIN:</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AtrText</name>
    <message>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
    <message>
        <source>The ATR is empty.</source>
        <translation>L&apos;ATR est vide.</translation>
    </message>
    <message>
        <source>The ATR has an odd number of hex digits (%1).</source>
        <translation>L&apos;ATR a un nombre impair de chiffres hexadécimaux (%1).</translation>
    </message>
    <message>
        <source>The ATR contains “%1” at position %2, which is not a hex digit.</source>
        <translation>L&apos;ATR contient «&#xa0;%1&#xa0;» à la position %2, qui n&apos;est pas un chiffre hexadécimal.</translation>
    </message>
    <message>
        <source>TS is %1, neither 3B (direct convention) nor 3F (inverse convention).</source>
        <translation>TS vaut %1, ni 3B (convention directe) ni 3F (convention inverse).</translation>
    </message>
    <message>
        <source>The ATR is truncated: T0 and the TD bytes announce at least %1 bytes, it has %2.</source>
        <translation>L&apos;ATR est tronqué&#xa0;: T0 et les octets TD annoncent au moins %1 octets, il en a %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n historical byte(s) missing: T0 announces %1, the ATR has %2.</source>
        <translation>
            <numerusform>%n octet historique manquant&#xa0;: T0 en annonce %1, l&apos;ATR en a %2.</numerusform>
            <numerusform>%n octets historiques manquants&#xa0;: T0 en annonce %1, l&apos;ATR en a %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The TCK is missing: a protocol other than T=0 is offered, so the ATR must end with a check byte.</source>
        <translation>Le TCK manque&#xa0;: un protocole autre que T=0 est proposé, l&apos;ATR doit donc se terminer par un octet de contrôle.</translation>
    </message>
    <message>
        <source>The TCK is %1 but should be %2.</source>
        <translation>Le TCK vaut %1 mais devrait valoir %2.</translation>
    </message>
    <message>
        <source>The ATR is %1 bytes long, more than the %2 ISO 7816-3 allows.</source>
        <translation>L&apos;ATR fait %1 octets, plus que les %2 autorisés par l&apos;ISO 7816-3.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the end of the ATR.</source>
        <translation>
            <numerusform>%n octet après la fin de l&apos;ATR.</numerusform>
            <numerusform>%n octets après la fin de l&apos;ATR.</numerusform>
        </translation>
    </message>
    <message>
        <source>TD1 announces T=15, which ISO 7816-3 does not allow there.</source>
        <translation>TD1 annonce T=15, ce que l&apos;ISO 7816-3 n&apos;autorise pas à cet endroit.</translation>
    </message>
    <message>
        <source>The TD bytes do not list protocols in ascending order (T=%1 after T=%2).</source>
        <translation>Les octets TD ne listent pas les protocoles par ordre croissant (T=%1 après T=%2).</translation>
    </message>
    <message>
        <source>TA1 (%1) uses a reserved Fi value.</source>
        <translation>TA1 (%1) utilise une valeur Fi réservée.</translation>
    </message>
    <message>
        <source>TA1 (%1) uses a reserved Di value.</source>
        <translation>TA1 (%1) utilise une valeur Di réservée.</translation>
    </message>
    <message>
        <source>The IFSC %1 is reserved.</source>
        <translation>L&apos;IFSC %1 est réservé.</translation>
    </message>
    <message>
        <source>The BWI in %1 is reserved.</source>
        <translation>Le BWI de %1 est réservé.</translation>
    </message>
    <message>
        <source>The ATR ends with a TCK (%1) although only T=0 is offered, which has none.</source>
        <translation>L&apos;ATR se termine par un TCK (%1) alors que seul T=0 est proposé, qui n&apos;en a pas.</translation>
    </message>
    <message>
        <source>Category 00 needs a 3-byte status indicator at the end of the historical bytes.</source>
        <translation>La catégorie 00 exige un indicateur d&apos;état de 3 octets à la fin des octets historiques.</translation>
    </message>
    <message>
        <source>The compact-TLV object at historical byte %1 is longer than the bytes left.</source>
        <translation>L&apos;objet compact-TLV à l&apos;octet historique %1 est plus long que les octets restants.</translation>
    </message>
    <message>
        <source>The compact-TLV object at historical byte %1 has a length its tag does not allow.</source>
        <translation>L&apos;objet compact-TLV à l&apos;octet historique %1 a une longueur que son tag n&apos;autorise pas.</translation>
    </message>
    <message>
        <source>Category 10 needs a DIR data reference byte.</source>
        <translation>La catégorie 10 exige un octet de référence de données DIR.</translation>
    </message>
    <message>
        <source>Direct convention</source>
        <translation>Convention directe</translation>
    </message>
    <message>
        <source>Inverse convention</source>
        <translation>Convention inverse</translation>
    </message>
    <message>
        <source>Undefined (not a microprocessor card?)</source>
        <translation>Indéfini (pas une carte à microprocesseur&#xa0;?)</translation>
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
        <translation>, %1 cycles/ETU, %2 bit/s à 3,5795 MHz, f max %3 =&gt; %4 bit/s</translation>
    </message>
    <message>
        <source>VPP is not electrically connected</source>
        <translation>VPP n&apos;est pas connecté électriquement</translation>
    </message>
    <message>
        <source>Programming voltage %1 V, current %2 mA (deprecated)</source>
        <translation>Tension de programmation %1 V, courant %2 mA (obsolète)</translation>
    </message>
    <message>
        <source>Extra guard time: 255 (minimum: 12 ETU for T=0, 11 ETU for T=1)</source>
        <translation>Temps de garde supplémentaire&#xa0;: 255 (minimum&#xa0;: 12 ETU pour T=0, 11 ETU pour T=1)</translation>
    </message>
    <message>
        <source>Extra guard time: %1 ETU</source>
        <translation>Temps de garde supplémentaire&#xa0;: %1 ETU</translation>
    </message>
    <message>
        <source>Specific mode, protocol T=%1, %2, %3</source>
        <translation>Mode spécifique, protocole T=%1, %2, %3</translation>
    </message>
    <message>
        <source>capable to change</source>
        <translation>peut changer de mode</translation>
    </message>
    <message>
        <source>unable to change</source>
        <translation>ne peut pas changer de mode</translation>
    </message>
    <message>
        <source>parameters implicitly defined</source>
        <translation>paramètres définis implicitement</translation>
    </message>
    <message>
        <source>parameters defined by the interface bytes</source>
        <translation>paramètres définis par les octets d&apos;interface</translation>
    </message>
    <message>
        <source>Programming voltage PI2: %1 V (deprecated)</source>
        <translation>Tension de programmation PI2&#xa0;: %1 V (obsolète)</translation>
    </message>
    <message>
        <source>Programming voltage PI2: %1 is RFU</source>
        <translation>Tension de programmation PI2&#xa0;: %1 est RFU</translation>
    </message>
    <message>
        <source>Work waiting time: 960 x %1 x (Fi/f) (T=0)</source>
        <translation>Temps d&apos;attente de travail&#xa0;: 960 x %1 x (Fi/f) (T=0)</translation>
    </message>
    <message>
        <source>T=15 (global interface bytes follow)</source>
        <translation>T=15 (des octets d&apos;interface globaux suivent)</translation>
    </message>
    <message>
        <source>Protocol T=%1</source>
        <translation>Protocole T=%1</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, puis %2</translation>
    </message>
    <message>
        <source>IFSC: %1 bytes (T=1)</source>
        <translation>IFSC&#xa0;: %1 octets (T=1)</translation>
    </message>
    <message>
        <source>Block waiting integer: %1, character waiting integer: %2 (T=1)</source>
        <translation>Entier d&apos;attente de bloc&#xa0;: %1, entier d&apos;attente de caractère&#xa0;: %2 (T=1)</translation>
    </message>
    <message>
        <source>Error detection code: %1 (T=1)</source>
        <translation>Code de détection d&apos;erreur&#xa0;: %1 (T=1)</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>non pris en charge</translation>
    </message>
    <message>
        <source>state L</source>
        <translation>état L</translation>
    </message>
    <message>
        <source>state H</source>
        <translation>état H</translation>
    </message>
    <message>
        <source>no preference</source>
        <translation>pas de préférence</translation>
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
        <translation>Arrêt d&apos;horloge&#xa0;: %1, classes acceptées par la carte&#xa0;: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>SPU (C6) not used</source>
        <translation>SPU (C6) non utilisé</translation>
    </message>
    <message>
        <source>SPU (C6): proprietary use %1</source>
        <translation>SPU (C6)&#xa0;: usage propriétaire %1</translation>
    </message>
    <message>
        <source>SPU (C6): standard use %1</source>
        <translation>SPU (C6)&#xa0;: usage standard %1</translation>
    </message>
    <message>
        <source>Undefined</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Specific to T=%1</source>
        <translation>Spécifique à T=%1</translation>
    </message>
    <message>
        <source>no historical bytes</source>
        <translation>pas d&apos;octets historiques</translation>
    </message>
    <message>
        <source>compact-TLV data objects, status indicator in the last 3 bytes</source>
        <translation>objets de données compact-TLV, indicateur d&apos;état dans les 3 derniers octets</translation>
    </message>
    <message>
        <source>next byte is the DIR data reference</source>
        <translation>l&apos;octet suivant est la référence de données DIR</translation>
    </message>
    <message>
        <source>compact-TLV data objects</source>
        <translation>objets de données compact-TLV</translation>
    </message>
    <message>
        <source>reserved for future use</source>
        <translation>réservé pour un usage futur</translation>
    </message>
    <message>
        <source>proprietary format</source>
        <translation>format propriétaire</translation>
    </message>
    <message>
        <source>country code, ISO 3166-1</source>
        <translation>code pays, ISO 3166-1</translation>
    </message>
    <message>
        <source>issuer identification number, ISO 7812-1</source>
        <translation>numéro d&apos;identification de l&apos;émetteur, ISO 7812-1</translation>
    </message>
    <message>
        <source>card service data</source>
        <translation>données de service de la carte</translation>
    </message>
    <message>
        <source>initial access data</source>
        <translation>données d&apos;accès initial</translation>
    </message>
    <message>
        <source>card issuer&apos;s data</source>
        <translation>données de l&apos;émetteur de la carte</translation>
    </message>
    <message>
        <source>pre-issuing data</source>
        <translation>données de pré-émission</translation>
    </message>
    <message>
        <source>card capabilities</source>
        <translation>capacités de la carte</translation>
    </message>
    <message>
        <source>status indicator</source>
        <translation>indicateur d&apos;état</translation>
    </message>
    <message>
        <source>application identifier</source>
        <translation>identifiant d&apos;application</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>no information given</source>
        <translation>aucune information fournie</translation>
    </message>
    <message>
        <source>creation state</source>
        <translation>état de création</translation>
    </message>
    <message>
        <source>initialisation state</source>
        <translation>état d&apos;initialisation</translation>
    </message>
    <message>
        <source>operational state (activated)</source>
        <translation>état opérationnel (activé)</translation>
    </message>
    <message>
        <source>operational state (deactivated)</source>
        <translation>état opérationnel (désactivé)</translation>
    </message>
    <message>
        <source>termination state</source>
        <translation>état de terminaison</translation>
    </message>
    <message>
        <source>proprietary</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>normal processing</source>
        <translation>traitement normal</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>LCS (life cycle status): %1 (%2)</source>
        <translation>LCS (état du cycle de vie)&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>SW: %1</source>
        <translation>SW&#xa0;: %1</translation>
    </message>
    <message>
        <source>SW: %1 (%2)</source>
        <translation>SW&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Application selection: by full DF name</source>
        <translation>Sélection d&apos;application&#xa0;: par nom de DF complet</translation>
    </message>
    <message>
        <source>Application selection: by partial DF name</source>
        <translation>Sélection d&apos;application&#xa0;: par nom de DF partiel</translation>
    </message>
    <message>
        <source>BER-TLV data objects available in EF.DIR</source>
        <translation>Objets de données BER-TLV disponibles dans EF.DIR</translation>
    </message>
    <message>
        <source>BER-TLV data objects available in EF.ATR</source>
        <translation>Objets de données BER-TLV disponibles dans EF.ATR</translation>
    </message>
    <message>
        <source>by READ RECORD(s)</source>
        <translation>par READ RECORD(s)</translation>
    </message>
    <message>
        <source>by GET DATA</source>
        <translation>par GET DATA</translation>
    </message>
    <message>
        <source>by READ BINARY</source>
        <translation>par READ BINARY</translation>
    </message>
    <message>
        <source>EF.DIR and EF.ATR access services: %1</source>
        <translation>Services d&apos;accès à EF.DIR et EF.ATR&#xa0;: %1</translation>
    </message>
    <message>
        <source>Card with MF</source>
        <translation>Carte avec MF</translation>
    </message>
    <message>
        <source>Card without MF</source>
        <translation>Carte sans MF</translation>
    </message>
    <message>
        <source>Selection methods: %1</source>
        <translation>Méthodes de sélection&#xa0;: %1</translation>
    </message>
    <message>
        <source>DF selection by full DF name</source>
        <translation>Sélection de DF par nom complet</translation>
    </message>
    <message>
        <source>DF selection by partial DF name</source>
        <translation>Sélection de DF par nom partiel</translation>
    </message>
    <message>
        <source>DF selection by path</source>
        <translation>Sélection de DF par chemin</translation>
    </message>
    <message>
        <source>DF selection by file identifier</source>
        <translation>Sélection de DF par identifiant de fichier</translation>
    </message>
    <message>
        <source>Implicit DF selection</source>
        <translation>Sélection implicite de DF</translation>
    </message>
    <message>
        <source>Short EF identifier supported</source>
        <translation>Identifiant court d&apos;EF pris en charge</translation>
    </message>
    <message>
        <source>Record number supported</source>
        <translation>Numéro d&apos;enregistrement pris en charge</translation>
    </message>
    <message>
        <source>Record identifier supported</source>
        <translation>Identifiant d&apos;enregistrement pris en charge</translation>
    </message>
    <message>
        <source>one-time write</source>
        <translation>écriture unique</translation>
    </message>
    <message>
        <source>write OR</source>
        <translation>écriture OU</translation>
    </message>
    <message>
        <source>write AND</source>
        <translation>écriture ET</translation>
    </message>
    <message>
        <source>Data coding byte: %1</source>
        <translation>Octet de codage des données&#xa0;: %1</translation>
    </message>
    <message>
        <source>EF of TLV structure supported</source>
        <translation>EF à structure TLV pris en charge</translation>
    </message>
    <message>
        <source>Behaviour of write functions: %1</source>
        <translation>Comportement des fonctions d&apos;écriture&#xa0;: %1</translation>
    </message>
    <message>
        <source>Value FF for the first byte of BER-TLV tags: valid</source>
        <translation>Valeur FF pour le premier octet des tags BER-TLV&#xa0;: valide</translation>
    </message>
    <message>
        <source>Value FF for the first byte of BER-TLV tags: invalid</source>
        <translation>Valeur FF pour le premier octet des tags BER-TLV&#xa0;: non valide</translation>
    </message>
    <message>
        <source>Data unit in quartets: %1</source>
        <translation>Unité de données en quartets&#xa0;: %1</translation>
    </message>
    <message>
        <source>no logical channel</source>
        <translation>pas de canal logique</translation>
    </message>
    <message>
        <source>by the interface device</source>
        <translation>par le dispositif d&apos;interface</translation>
    </message>
    <message>
        <source>by the card</source>
        <translation>par la carte</translation>
    </message>
    <message>
        <source>by the interface device and the card</source>
        <translation>par le dispositif d&apos;interface et la carte</translation>
    </message>
    <message>
        <source>Command chaining, length fields and logical channels: %1</source>
        <translation>Chaînage de commandes, champs de longueur et canaux logiques&#xa0;: %1</translation>
    </message>
    <message>
        <source>Command chaining</source>
        <translation>Chaînage de commandes</translation>
    </message>
    <message>
        <source>Extended Lc and Le fields</source>
        <translation>Champs Lc et Le étendus</translation>
    </message>
    <message>
        <source>Extended length information in EF.ATR/INFO</source>
        <translation>Informations de longueur étendue dans EF.ATR/INFO</translation>
    </message>
    <message>
        <source>Logical channel number assignment: %1</source>
        <translation>Attribution des numéros de canal logique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Maximum number of logical channels: %1</source>
        <translation>Nombre maximal de canaux logiques&#xa0;: %1</translation>
    </message>
    <message>
        <source>RID: %1, PIX: %2</source>
        <translation>RID&#xa0;: %1, PIX&#xa0;: %2</translation>
    </message>
    <message>
        <source>PC/SC storage card, standard: %1</source>
        <translation>Carte mémoire PC/SC, norme&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>inconnu (%1)</translation>
    </message>
    <message>
        <source>Card name: %1</source>
        <translation>Nom de la carte&#xa0;: %1</translation>
    </message>
    <message>
        <source>low frequency contactless card</source>
        <translation>carte sans contact basse fréquence</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>ERREUR&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>(historical bytes)</source>
        <translation>(octets historiques)</translation>
    </message>
    <message>
        <source>Historical bytes: %1</source>
        <translation>Octets historiques&#xa0;: %1</translation>
    </message>
    <message>
        <source>Category indicator byte: %1 (%2)</source>
        <translation>Octet indicateur de catégorie&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Tag: 4F, len: %1 (%2, BER-TLV as in PC/SC part 3)</source>
        <translation>Tag&#xa0;: 4F, long.&#xa0;: %1 (%2, BER-TLV comme dans PC/SC partie 3)</translation>
    </message>
    <message>
        <source>Tag: %1, len: %2 (%3)</source>
        <translation>Tag&#xa0;: %1, long.&#xa0;: %2 (%3)</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>Valeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mandatory status indicator (3 last bytes)</source>
        <translation>Indicateur d&apos;état obligatoire (3 derniers octets)</translation>
    </message>
    <message>
        <source>DIR data reference: %1</source>
        <translation>Référence de données DIR&#xa0;: %1</translation>
    </message>
    <message>
        <source>(correct checksum)</source>
        <translation>(somme de contrôle correcte)</translation>
    </message>
    <message>
        <source>(WRONG CHECKSUM)</source>
        <translation>(SOMME DE CONTRÔLE FAUSSE)</translation>
    </message>
    <message>
        <source>Protocols: %1</source>
        <translation>Protocoles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Possibly identified card (using %1):</source>
        <translation>Carte peut-être identifiée (d&apos;après %1)&#xa0;:</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>AUCUNE</translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message>
        <source>Missing argument: show or export, e.g. tokendesk cert show FILE</source>
        <translation>Argument manquant&#xa0;: show ou export, p. ex. tokendesk cert show FILE</translation>
    </message>
    <message>
        <source>Unknown cert command: %1 (show or export).</source>
        <translation>Commande cert inconnue&#xa0;: %1 (show ou export).</translation>
    </message>
    <message>
        <source>Missing argument: the certificate file or PKCS#11 URI, e.g. tokendesk cert %1 FILE</source>
        <translation>Argument manquant&#xa0;: le fichier de certificat ou l&apos;URI PKCS#11, p. ex. tokendesk cert %1 FILE</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>-o and --der are options of cert export.</source>
        <translation>-o et --der sont des options de cert export.</translation>
    </message>
    <message>
        <source>Missing option: -o FILE, where to write the certificate (- for standard output).</source>
        <translation>Option manquante&#xa0;: -o FILE, où écrire le certificat (- pour la sortie standard).</translation>
    </message>
    <message>
        <source>-o - writes the certificate to standard output, where --json would write too.</source>
        <translation>-o - écrit le certificat sur la sortie standard, où --json écrirait aussi.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>The certificate %1 cannot be read: %2</source>
        <translation>Le certificat %1 est illisible&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n certificates; name one (add id= or object=): %1</source>
        <translation>
            <numerusform>L&apos;URI désigne %n certificat&#xa0;; désignez-en un seul (ajoutez id= ou object=)&#xa0;: %1</numerusform>
            <numerusform>L&apos;URI désigne %n certificats&#xa0;; désignez-en un seul (ajoutez id= ou object=)&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate cannot be encoded.</source>
        <translation>Le certificat ne peut pas être encodé.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Impossible d&apos;écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Début de validité</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Fin de validité</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>Algorithme de signature</translation>
    </message>
    <message>
        <source>Note: names in this certificate hold invalid characters, shown as �.</source>
        <translation>Remarque&#xa0;: des noms de ce certificat contiennent des caractères non valides, affichés comme �.</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>Noms alternatifs du sujet</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>Utilisation de la clé</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>Utilisation étendue de la clé</translation>
    </message>
    <message>
        <source>Basic constraints</source>
        <translation>Contraintes de base</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message>
        <source>OCSP</source>
        <translation>OCSP</translation>
    </message>
    <message>
        <source>CA issuers</source>
        <translation>Émetteurs de l&apos;AC</translation>
    </message>
    <message>
        <source>CRL distribution points</source>
        <translation>Points de distribution des CRL</translation>
    </message>
    <message>
        <source>Subject key ID</source>
        <translation>Identifiant de la clé du sujet</translation>
    </message>
    <message>
        <source>Authority key ID</source>
        <translation>Identifiant de la clé de l&apos;autorité</translation>
    </message>
    <message>
        <source>SHA-1 fingerprint</source>
        <translation>Empreinte SHA-1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>Public key SHA-1</source>
        <translation>SHA-1 de la clé publique</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s); the first is shown</source>
        <translation>
            <numerusform>%n certificat&#xa0;; le premier est affiché</numerusform>
            <numerusform>%n certificats&#xa0;; le premier est affiché</numerusform>
        </translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
</context>
<context>
    <name>CertTestCommand</name>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>L&apos;URI désigne %n certificat&#xa0;; désignez-en un seul, p. ex. avec son id= ou son object=.</numerusform>
            <numerusform>L&apos;URI désigne %n certificats&#xa0;; désignez-en un seul, p. ex. avec son id= ou son object=.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not tested: one more wrong PIN would lock the card. Use --final-try to allow the last try.</source>
        <translation>Non testé&#xa0;: un code PIN erroné de plus bloquerait la carte. Utilisez --final-try pour autoriser le dernier essai.</translation>
    </message>
    <message>
        <source>The token signed with %1, but the certificate&apos;s public key does not verify the signature (%2): the key on the token is not this certificate&apos;s.</source>
        <translation>Le jeton a signé avec %1, mais la clé publique du certificat ne vérifie pas la signature (%2)&#xa0;: la clé du jeton n&apos;est pas celle de ce certificat.</translation>
    </message>
    <message>
        <source>Verified: %1 signed a random challenge with %2 (%3 bytes, %4 ms), and the certificate&apos;s public key verifies the signature.</source>
        <translation>Vérifié&#xa0;: %1 a signé un défi aléatoire avec %2 (%3 octets, %4 ms), et la clé publique du certificat vérifie la signature.</translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Pas encore valide</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expires today.</source>
        <translation>Expire aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Expires tomorrow.</source>
        <translation>Expire demain.</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days.</source>
        <translation>
            <numerusform>Expire dans %n jour.</numerusform>
            <numerusform>Expire dans %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired yesterday.</source>
        <translation>A expiré hier.</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago.</source>
        <translation>
            <numerusform>A expiré il y a %n jour.</numerusform>
            <numerusform>A expiré il y a %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid from %1.</source>
        <translation>Valide à partir du %1.</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Valide jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Expire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation>Expire demain</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Expire dans %n jour</numerusform>
            <numerusform>Expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired today</source>
        <translation>A expiré aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Expired yesterday</source>
        <translation>A expiré hier</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>A expiré il y a %n jour</numerusform>
            <numerusform>A expiré il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid before %1</source>
        <translation>Non valide avant le %1</translation>
    </message>
    <message>
        <source>Valid until %1 (1 day)</source>
        <translation>Valide jusqu&apos;au %1 (1 jour)</translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n days)</source>
        <translation>
            <numerusform>Valide jusqu&apos;au %1 (%n jour)</numerusform>
            <numerusform>Valide jusqu&apos;au %1 (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired today (%1)</source>
        <translation>A expiré aujourd&apos;hui (%1)</translation>
    </message>
    <message>
        <source>Expired 1 day ago (%1)</source>
        <translation>A expiré il y a 1 jour (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago (%1)</source>
        <translation>
            <numerusform>A expiré il y a %n jour (%1)</numerusform>
            <numerusform>A expiré il y a %n jours (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>%1 %2 bits</source>
        <translation>%1 %2 bits</translation>
    </message>
    <message>
        <source>EC %1 bits</source>
        <translation>EC %1 bits</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Inconnu (%1)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>UPN</source>
        <comment>Microsoft user principal name</comment>
        <translation>UPN</translation>
    </message>
    <message>
        <source>Directory name</source>
        <translation>Nom d&apos;annuaire</translation>
    </message>
    <message>
        <source>Registered ID</source>
        <translation>ID enregistré</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Autre nom</translation>
    </message>
    <message>
        <source>Other name %1: %2</source>
        <translation>Autre nom %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation>Signature numérique</translation>
    </message>
    <message>
        <source>Non-repudiation</source>
        <translation>Non-répudiation</translation>
    </message>
    <message>
        <source>Key encipherment</source>
        <translation>Chiffrement de clé</translation>
    </message>
    <message>
        <source>Data encipherment</source>
        <translation>Chiffrement de données</translation>
    </message>
    <message>
        <source>Key agreement</source>
        <translation>Accord de clé</translation>
    </message>
    <message>
        <source>Certificate signing</source>
        <translation>Signature de certificats</translation>
    </message>
    <message>
        <source>CRL signing</source>
        <translation>Signature de CRL</translation>
    </message>
    <message>
        <source>Encipher only</source>
        <translation>Chiffrement uniquement</translation>
    </message>
    <message>
        <source>Decipher only</source>
        <translation>Déchiffrement uniquement</translation>
    </message>
    <message>
        <source>TLS server authentication</source>
        <translation>Authentification de serveur TLS</translation>
    </message>
    <message>
        <source>TLS client authentication</source>
        <translation>Authentification de client TLS</translation>
    </message>
    <message>
        <source>Code signing</source>
        <translation>Signature de code</translation>
    </message>
    <message>
        <source>Email protection (S/MIME)</source>
        <translation>Protection des e-mails (S/MIME)</translation>
    </message>
    <message>
        <source>Time stamping</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>OCSP signing</source>
        <translation>Signature OCSP</translation>
    </message>
    <message>
        <source>Smart card logon</source>
        <translation>Connexion par carte à puce</translation>
    </message>
    <message>
        <source>Kerberos client authentication (PKINIT)</source>
        <translation>Authentification de client Kerberos (PKINIT)</translation>
    </message>
    <message>
        <source>Kerberos KDC (PKINIT)</source>
        <translation>KDC Kerberos (PKINIT)</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>Tout usage</translation>
    </message>
    <message>
        <source>Not a CA</source>
        <translation>Pas une AC</translation>
    </message>
    <message>
        <source>CA, path length %1</source>
        <translation>AC, longueur de chemin %1</translation>
    </message>
    <message>
        <source>CA, no path length limit</source>
        <translation>AC, sans limite de longueur de chemin</translation>
    </message>
    <message>
        <source>The certificate is trusted.</source>
        <translation>Le certificat est de confiance.</translation>
    </message>
    <message>
        <source>The chain ends at a root certificate that is not trusted.</source>
        <translation>La chaîne aboutit à un certificat racine qui n&apos;est pas de confiance.</translation>
    </message>
    <message>
        <source>The certificate of an issuer is missing, so the chain cannot be checked.</source>
        <translation>Le certificat d&apos;un émetteur manque, la chaîne ne peut donc pas être vérifiée.</translation>
    </message>
    <message>
        <source>A certificate of the chain has expired.</source>
        <translation>Un certificat de la chaîne a expiré.</translation>
    </message>
    <message>
        <source>A certificate of the chain is not valid yet.</source>
        <translation>Un certificat de la chaîne n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <source>A certificate of the chain has been revoked.</source>
        <translation>Un certificat de la chaîne a été révoqué.</translation>
    </message>
    <message>
        <source>A signature in the chain does not verify: a certificate was altered or mis-issued.</source>
        <translation>Une signature de la chaîne ne se vérifie pas&#xa0;: un certificat a été modifié ou émis à tort.</translation>
    </message>
    <message>
        <source>The chain could not be verified.</source>
        <translation>La chaîne n&apos;a pas pu être vérifiée.</translation>
    </message>
    <message>
        <source>The data</source>
        <translation>Le contenu</translation>
    </message>
    <message>
        <source>The file %1</source>
        <translation>Le fichier %1</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 holds a certificate that is cut off.</source>
        <translation>%1 contient un certificat tronqué.</translation>
    </message>
    <message>
        <source>%1 is not a certificate.</source>
        <translation>%1 n&apos;est pas un certificat.</translation>
    </message>
    <message>
        <source>%1 holds a PEM certificate block that is damaged.</source>
        <translation>%1 contient un bloc de certificat PEM endommagé.</translation>
    </message>
    <message>
        <source>The certificate cannot be read.</source>
        <translation>Le certificat est illisible.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (%2).</source>
        <translation>Le fichier %1 est illisible (%2).</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate file.</source>
        <translation>%1 est trop volumineux pour être un fichier de certificat.</translation>
    </message>
    <message>
        <source>Reading the certificate failed inside OpenSSL.</source>
        <translation>La lecture du certificat a échoué dans OpenSSL.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of text that is not PEM</source>
        <translation>
            <numerusform>%n octet de texte qui n&apos;est pas du PEM</numerusform>
            <numerusform>%n octets de texte qui ne sont pas du PEM</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) that are not certificates</source>
        <translation>
            <numerusform>%n bloc qui n&apos;est pas un certificat</numerusform>
            <numerusform>%n blocs qui ne sont pas des certificats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged certificate block(s)</source>
        <translation>
            <numerusform>%n bloc de certificat endommagé</numerusform>
            <numerusform>%n blocs de certificat endommagés</numerusform>
        </translation>
    </message>
    <message>
        <source>the certificates after the first %1</source>
        <translation>les certificats après le premier %1</translation>
    </message>
    <message>
        <source>skipped %1.</source>
        <translation>non pris en compte&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Usage: tokendesk [--module PATH] [FILE]   the window
       tokendesk COMMAND [--help] ...      a command:
</source>
        <translation>Usage&#xa0;: tokendesk [--module PATH] [FILE]   la fenêtre
        tokendesk COMMAND [--help] ...      une commande&#xa0;:
</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Print one JSON document.</source>
        <translation>Afficher un seul document JSON.</translation>
    </message>
    <message>
        <source>analyse an ATR: every byte, protocols, card names</source>
        <translation>analyser un ATR&#xa0;: chaque octet, les protocoles, les noms de carte</translation>
    </message>
    <message>
        <source>The ATR in hex; spaces and colons are allowed.</source>
        <translation>L&apos;ATR en hexadécimal&#xa0;; espaces et deux-points sont autorisés.</translation>
    </message>
    <message>
        <source>Missing argument: the ATR in hex, e.g. %1</source>
        <translation>Argument manquant&#xa0;: l&apos;ATR en hexadécimal, p. ex. %1</translation>
    </message>
    <message>
        <source>export: write the certificate to FILE (- for standard output).</source>
        <translation>export&#xa0;: écrire le certificat dans FILE (- pour la sortie standard).</translation>
    </message>
    <message>
        <source>export: DER instead of PEM.</source>
        <translation>export&#xa0;: DER au lieu de PEM.</translation>
    </message>
    <message>
        <source>test: allow the last try of a PIN that comes from stdin.</source>
        <translation>test&#xa0;: autoriser le dernier essai d&apos;un code PIN lu sur stdin.</translation>
    </message>
    <message>
        <source>show, export or test a certificate (file or pkcs11: URI)</source>
        <translation>afficher, exporter ou tester un certificat (fichier ou URI pkcs11:)</translation>
    </message>
    <message>
        <source>show FILE|URI: the certificate&apos;s details; export FILE|URI -o OUT; test URI: sign and verify.</source>
        <translation>show FILE|URI&#xa0;: les détails du certificat&#xa0;; export FILE|URI -o OUT&#xa0;; test URI&#xa0;: signer et vérifier.</translation>
    </message>
    <message>
        <source>A certificate file, PEM or DER, or a PKCS#11 URI (pkcs11:...) of certificates on a token. show: a URI naming several certificates shows them all (with --json, as {&quot;certificates&quot;: [...]}); export wants a URI naming one.</source>
        <translation>Un fichier de certificat, PEM ou DER, ou une URI PKCS#11 (pkcs11:...) de certificats sur un jeton. show&#xa0;: une URI désignant plusieurs certificats les affiche tous (avec --json, sous la forme {&quot;certificates&quot;: [...]})&#xa0;; export veut une URI qui en désigne un seul.</translation>
    </message>
    <message>
        <source>cert test takes one PKCS#11 URI.</source>
        <translation>cert test prend une seule URI PKCS#11.</translation>
    </message>
    <message>
        <source>Cannot read the card list %1.</source>
        <translation>Impossible de lire la liste de cartes %1.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Also load the PKCS#11 module PATH (repeatable).</source>
        <translation>Charger aussi le module PKCS#11 PATH (option répétable).</translation>
    </message>
    <message>
        <source>Card names from FILE instead of %1.</source>
        <translation>Les noms de carte lus dans FILE au lieu de %1.</translation>
    </message>
    <message>
        <source>The virtual token&apos;s label.</source>
        <translation>Le libellé du jeton virtuel.</translation>
    </message>
    <message>
        <source>Make the virtual token (its new PIN is asked).</source>
        <translation>Créer le jeton virtuel (son nouveau code PIN est demandé).</translation>
    </message>
    <message>
        <source>import a PKCS#12 file into a virtual token (--token LABEL [--create])</source>
        <translation>importer un fichier PKCS#12 dans un jeton virtuel (--token LABEL [--create])</translation>
    </message>
    <message>
        <source>The .p12 / .pfx file. Its password, then the token&apos;s PIN (the new token&apos;s PIN with --create), from the terminal or one per line on stdin; an empty line is the empty password.</source>
        <translation>Le fichier .p12 / .pfx. Son mot de passe, puis le code PIN du jeton (celui du nouveau jeton avec --create), lus sur le terminal ou un par ligne sur stdin&#xa0;; une ligne vide est le mot de passe vide.</translation>
    </message>
    <message>
        <source>pair a certificate with an account (--user, --cert)</source>
        <translation>associer un certificat à un compte (--user, --cert)</translation>
    </message>
    <message>
        <source>The pairing store KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) or a directory&apos;s URL (ldap://HOST[:PORT]/BASE, ldaps://...) instead of pam_pkcs11&apos;s mappers (repeatable).</source>
        <translation>Le magasin d&apos;associations KIND:PATH (pam-digest:FILE, pam-subject:FILE, pam-eid, ssh) ou l&apos;URL d&apos;un annuaire (ldap://HOST[:PORT]/BASE, ldaps://...) au lieu des mappers de pam_pkcs11 (option répétable).</translation>
    </message>
    <message>
        <source>A directory store: bind as DN (the password is read from the terminal, or the first line of stdin); without it the bind is anonymous.</source>
        <translation>Un magasin annuaire&#xa0;: se lier en tant que DN (le mot de passe est lu sur le terminal, ou sur la première ligne de stdin)&#xa0;; sans cette option, la liaison est anonyme.</translation>
    </message>
    <message>
        <source>A directory store: trust the CA certificates of FILE (PEM) for ldaps:// and StartTLS instead of the system&apos;s.</source>
        <translation>Un magasin annuaire&#xa0;: faire confiance aux certificats d&apos;AC de FILE (PEM) pour ldaps:// et StartTLS au lieu de ceux du système.</translation>
    </message>
    <message>
        <source>A directory store: upgrade ldap:// with StartTLS (required: no plain-text fallback).</source>
        <translation>Un magasin annuaire&#xa0;: passer ldap:// en StartTLS (obligatoire&#xa0;: pas de repli en texte clair).</translation>
    </message>
    <message>
        <source>A directory store: read SSSD&apos;s certificate mapping rules from FILE (default /etc/sssd/sssd.conf when readable, else SSSD&apos;s default rule).</source>
        <translation>Un magasin annuaire&#xa0;: lire les règles de correspondance de certificats de SSSD dans FILE (par défaut /etc/sssd/sssd.conf s&apos;il est lisible, sinon la règle par défaut de SSSD).</translation>
    </message>
    <message>
        <source>Read pam_pkcs11&apos;s mappers and files from FILE (default /etc/pam_pkcs11/pam_pkcs11.conf).</source>
        <translation>Lire les mappers et fichiers de pam_pkcs11 dans FILE (par défaut /etc/pam_pkcs11/pam_pkcs11.conf).</translation>
    </message>
    <message>
        <source>The account&apos;s login name.</source>
        <translation>Le nom de connexion du compte.</translation>
    </message>
    <message>
        <source>The certificate: a PEM or DER file, or a pkcs11: URI naming one.</source>
        <translation>Le certificat&#xa0;: un fichier PEM ou DER, ou une URI pkcs11: qui en désigne un seul.</translation>
    </message>
    <message>
        <source>Pair even though the certificate is not fit for login (expired, untrusted, ...).</source>
        <translation>Associer même si le certificat ne convient pas à la connexion (expiré, pas de confiance, ...).</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe de %1</translation>
    </message>
    <message>
        <source>No password was given for the bind DN: nothing was asked of the directory.</source>
        <translation>Aucun mot de passe donné pour le DN de liaison&#xa0;: rien n&apos;a été demandé à l&apos;annuaire.</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n certificates; name one, e.g. with its id= or object=.</source>
        <translation>
            <numerusform>L&apos;URI désigne %n certificat&#xa0;; désignez-en un seul, p. ex. avec son id= ou son object=.</numerusform>
            <numerusform>L&apos;URI désigne %n certificats&#xa0;; désignez-en un seul, p. ex. avec son id= ou son object=.</numerusform>
        </translation>
    </message>
    <message>
        <source>list every pairing of the stores pam_pkcs11 reads</source>
        <translation>lister toutes les associations des magasins que lit pam_pkcs11</translation>
    </message>
    <message>
        <source>change: the SO PIN / PUK instead of the PIN.</source>
        <translation>change&#xa0;: le PIN administrateur / PUK au lieu du code PIN.</translation>
    </message>
    <message>
        <source>Allow the last try of a PIN or PUK that comes from stdin.</source>
        <translation>Autoriser le dernier essai d&apos;un code PIN ou PUK lu sur stdin.</translation>
    </message>
    <message>
        <source>PIN and PUK state; change the PIN or PUK; unblock the PIN</source>
        <translation>état du code PIN et du PUK&#xa0;; modifier le code PIN ou le PUK&#xa0;; débloquer le code PIN</translation>
    </message>
    <message>
        <source>status: PIN and PUK / SO PIN state with tries left; change: current, then new; unblock: PUK / SO PIN, then a new PIN. Secrets from the terminal, or one per line on stdin.</source>
        <translation>status&#xa0;: état du code PIN et du PUK / PIN administrateur avec les essais restants&#xa0;; change&#xa0;: l&apos;actuel, puis le nouveau&#xa0;; unblock&#xa0;: PUK / PIN administrateur, puis un nouveau code PIN. Secrets lus sur le terminal, ou un par ligne sur stdin.</translation>
    </message>
    <message>
        <source>The token&apos;s PKCS#11 URI.</source>
        <translation>L&apos;URI PKCS#11 du jeton.</translation>
    </message>
    <message>
        <source>Usage: tokendesk pin status|change|unblock URI</source>
        <translation>Usage&#xa0;: tokendesk pin status|change|unblock URI</translation>
    </message>
    <message>
        <source>Also the trust store&apos;s and the keyring&apos;s tokens, and uninitialized ones.</source>
        <translation>Aussi les jetons du magasin de confiance et du trousseau, et ceux qui ne sont pas initialisés.</translation>
    </message>
    <message>
        <source>readers, cards, PKCS#11 modules, tokens and certificates</source>
        <translation>lecteurs, cartes, modules PKCS#11, jetons et certificats</translation>
    </message>
    <message>
        <source>unpair an account&apos;s certificate (--cert), or all of its certificates</source>
        <translation>dissocier un certificat d&apos;un compte (--cert), ou tous ses certificats</translation>
    </message>
    <message>
        <source>browsers: register p11-kit-proxy in the NSS databases that lack it.</source>
        <translation>browsers&#xa0;: inscrire p11-kit-proxy dans les bases NSS où il manque.</translation>
    </message>
    <message>
        <source>browsers: remove p11-kit-proxy again.</source>
        <translation>browsers&#xa0;: retirer à nouveau p11-kit-proxy.</translation>
    </message>
    <message>
        <source>browsers: only this NSS database folder (repeatable).</source>
        <translation>browsers&#xa0;: seulement ce dossier de base NSS (option répétable).</translation>
    </message>
    <message>
        <source>delete: do not ask to type the label (for scripts).</source>
        <translation>delete&#xa0;: ne pas demander de taper le libellé (pour les scripts).</translation>
    </message>
    <message>
        <source>virtual tokens (SoftHSM2): list, create, delete, reset-pin, browsers</source>
        <translation>jetons virtuels (SoftHSM2)&#xa0;: list, create, delete, reset-pin, browsers</translation>
    </message>
    <message>
        <source>list: the virtual tokens; create LABEL: a new token (its PIN from the terminal or stdin); delete LABEL: the token and everything on it; reset-pin LABEL: a new PIN, set with the SO PIN TokenDesk keeps in the keyring; browsers: which programs see the virtual tokens, with --register or --unregister p11-kit-proxy in their NSS databases.</source>
        <translation>list&#xa0;: les jetons virtuels&#xa0;; create LABEL&#xa0;: un nouveau jeton (son code PIN lu sur le terminal ou stdin)&#xa0;; delete LABEL&#xa0;: le jeton et tout ce qu&apos;il contient&#xa0;; reset-pin LABEL&#xa0;: un nouveau code PIN, défini avec le PIN administrateur que TokenDesk garde dans le trousseau&#xa0;; browsers&#xa0;: quels programmes voient les jetons virtuels, avec --register ou --unregister pour p11-kit-proxy dans leurs bases NSS.</translation>
    </message>
    <message>
        <source>The token.</source>
        <translation>Le jeton.</translation>
    </message>
    <message>
        <source>Exit after N events.</source>
        <translation>Quitter après N événements.</translation>
    </message>
    <message>
        <source>one line per reader, card and service event</source>
        <translation>une ligne par événement de lecteur, de carte et de service</translation>
    </message>
    <message>
        <source>--count takes a number of events.</source>
        <translation>--count attend un nombre d&apos;événements.</translation>
    </message>
    <message>
        <source>who logs in with this card (a token&apos;s URI), by pam_pkcs11&apos;s mappers</source>
        <translation>qui se connecte avec cette carte (l&apos;URI d&apos;un jeton), selon les mappers de pam_pkcs11</translation>
    </message>
    <message>
        <source>The card&apos;s token, as a pkcs11: URI.</source>
        <translation>Le jeton de la carte, sous forme d&apos;URI pkcs11:.</translation>
    </message>
    <message>
        <source>An HTML document instead of text.</source>
        <translation>Un document HTML au lieu de texte.</translation>
    </message>
    <message>
        <source>Card, token and certificate serial numbers masked but their last four characters.</source>
        <translation>Numéros de série des cartes, jetons et certificats masqués, sauf leurs quatre derniers caractères.</translation>
    </message>
    <message>
        <source>--html and --json exclude each other.</source>
        <translation>--html et --json s’excluent mutuellement.</translation>
    </message>
    <message>
        <source>Load PKCS#11 modules into this process instead of one child process each (a crashing module then ends the command).</source>
        <translation>Charger les modules PKCS#11 dans ce processus plutôt que chacun dans un processus enfant (un module qui plante termine alors la commande).</translation>
    </message>
    <message>
        <source>Only the modules of --module and TOKENDESK_MODULES: not those p11-kit registers, nor the browser&apos;s NSS database.</source>
        <translation>Uniquement les modules de --module et de TOKENDESK_MODULES : ni ceux que p11-kit enregistre, ni la base NSS du navigateur.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The smart card service (pcscd) is not running.</source>
        <translation>Le service de cartes à puce (pcscd) n&apos;est pas en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>No smart card reader is connected.</source>
        <translation>Aucun lecteur de cartes à puce n&apos;est connecté.</translation>
    </message>
    <message>
        <source>The reader is no longer connected.</source>
        <translation>Le lecteur n&apos;est plus connecté.</translation>
    </message>
    <message>
        <source>There is no card in the reader.</source>
        <translation>Il n&apos;y a pas de carte dans le lecteur.</translation>
    </message>
    <message>
        <source>The card was removed.</source>
        <translation>La carte a été retirée.</translation>
    </message>
    <message>
        <source>The card was reset by another program.</source>
        <translation>La carte a été réinitialisée par un autre programme.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L&apos;opération a été annulée.</translation>
    </message>
    <message>
        <source>The smart card service did not answer in time.</source>
        <translation>Le service de cartes à puce n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Another program is using the card exclusively.</source>
        <translation>Un autre programme utilise la carte en exclusivité.</translation>
    </message>
    <message>
        <source>The smart card service failed (%1 in %2).</source>
        <translation>Le service de cartes à puce a échoué (%1 dans %2).</translation>
    </message>
    <message>
        <source>The PKCS#11 module could not be loaded (%1).</source>
        <translation>Le module PKCS#11 n&apos;a pas pu être chargé (%1).</translation>
    </message>
    <message>
        <source>The token is not present.</source>
        <translation>Le jeton n&apos;est pas présent.</translation>
    </message>
    <message>
        <source>Insert the token “%1”.</source>
        <translation>Insérez le jeton «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Insert the token “%1” (serial %2).</source>
        <translation>Insérez le jeton «&#xa0;%1&#xa0;» (n° de série %2).</translation>
    </message>
    <message>
        <source>The token was removed or reset during the operation.</source>
        <translation>Le jeton a été retiré ou réinitialisé pendant l&apos;opération.</translation>
    </message>
    <message>
        <source>The PIN is incorrect.</source>
        <comment>PIN the noun</comment>
        <translation>Le code PIN est incorrect.</translation>
    </message>
    <message>
        <source>The PIN is locked.</source>
        <comment>PIN the noun</comment>
        <translation>Le code PIN est bloqué.</translation>
    </message>
    <message>
        <source>The PIN does not meet the token&apos;s rules.</source>
        <comment>PIN the noun</comment>
        <translation>Le code PIN ne respecte pas les règles du jeton.</translation>
    </message>
    <message>
        <source>The PIN has expired and must be changed.</source>
        <comment>PIN the noun</comment>
        <translation>Le code PIN a expiré et doit être modifié.</translation>
    </message>
    <message>
        <source>Log in to the token first.</source>
        <translation>Connectez-vous d&apos;abord au jeton.</translation>
    </message>
    <message>
        <source>The token does not support this operation.</source>
        <translation>Le jeton ne prend pas en charge cette opération.</translation>
    </message>
    <message>
        <source>The token or its reader failed.</source>
        <translation>Le jeton ou son lecteur a échoué.</translation>
    </message>
    <message>
        <source>The token has no such object.</source>
        <translation>Le jeton n&apos;a pas cet objet.</translation>
    </message>
    <message>
        <source>Not a valid PKCS#11 URI: %1</source>
        <translation>URI PKCS#11 non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The PKCS#11 module failed (%1 in %2).</source>
        <translation>Le module PKCS#11 a échoué (%1 dans %2).</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, folder or pipe): TokenDesk replaces only files.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire (c&apos;est un périphérique, un dossier ou un tube)&#xa0;: TokenDesk ne remplace que des fichiers.</translation>
    </message>
    <message>
        <source>%1 leads to %2, which is not a regular file (a device, folder or pipe): TokenDesk replaces only files.</source>
        <translation>%1 mène à %2, qui n&apos;est pas un fichier ordinaire (c&apos;est un périphérique, un dossier ou un tube)&#xa0;: TokenDesk ne remplace que des fichiers.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link in a shared folder and belongs to another user: TokenDesk does not follow it.</source>
        <translation>%1 est un lien symbolique dans un dossier partagé et appartient à un autre utilisateur&#xa0;: TokenDesk ne le suit pas.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist.</source>
        <translation>%1 est un lien symbolique vers %2, qui n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 leads through too many symbolic links.</source>
        <translation>%1 passe par trop de liens symboliques.</translation>
    </message>
    <message>
        <source>%1 cannot be written: its folder does not exist.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: son dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 cannot be written: permission denied or a read-only file system.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: permission refusée ou système de fichiers en lecture seule.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since TokenDesk read it; nothing was written.</source>
        <translation>%1 a été modifié par quelqu&apos;un d&apos;autre depuis que TokenDesk l&apos;a lu&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the disk is full.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: le disque est plein.</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>Impossible d&apos;écrire %1 (%2).</translation>
    </message>
    <message>
        <source>The PKCS#11 module crashed (SIG%1).</source>
        <translation>Le module PKCS#11 a planté (SIG%1).</translation>
    </message>
    <message>
        <source>The PKCS#11 module&apos;s process ended unexpectedly.</source>
        <translation>Le processus du module PKCS#11 s’est terminé de façon inattendue.</translation>
    </message>
    <message numerus="yes">
        <source>The PKCS#11 module stopped answering: %1 did not return within %n second(s), so TokenDesk stopped it.</source>
        <translation>
            <numerusform>Le module PKCS#11 ne répond plus : %1 n&apos;a pas rendu la main en %n seconde, TokenDesk l&apos;a donc arrêté.</numerusform>
            <numerusform>Le module PKCS#11 ne répond plus : %1 n&apos;a pas rendu la main en %n secondes, TokenDesk l&apos;a donc arrêté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The smart card service (pcscd) is not running.
Start it with “sudo systemctl start pcscd.socket”.</source>
        <translation>Le service de cartes à puce (pcscd) n&apos;est pas en cours d&apos;exécution.
Démarrez-le avec «&#xa0;sudo systemctl start pcscd.socket&#xa0;».</translation>
    </message>
    <message>
        <source>No smart card reader found.
Connect a reader; its cards show here as they are inserted.</source>
        <translation>Aucun lecteur de cartes à puce trouvé.
Branchez un lecteur&#xa0;; ses cartes apparaissent ici dès qu&apos;elles sont insérées.</translation>
    </message>
    <message>
        <source>To try TokenDesk without a reader, start the demo with a simulated card and a virtual token:
%1</source>
        <translation>Pour essayer TokenDesk sans lecteur, lancez la démo avec une carte simulée et un jeton virtuel&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>ImportP12Cli</name>
    <message>
        <source>Usage: tokendesk import-p12 FILE --token LABEL [--create]</source>
        <translation>Usage&#xa0;: tokendesk import-p12 FILE --token LABEL [--create]</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe de %1</translation>
    </message>
    <message>
        <source>No password given: nothing was imported.</source>
        <translation>Aucun mot de passe donné&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Give --create to make it.</source>
        <translation>Ajoutez --create pour le créer.</translation>
    </message>
    <message>
        <source>New PIN for the virtual token &quot;%1&quot;</source>
        <translation>Nouveau code PIN du jeton virtuel «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The new PIN again</source>
        <translation>Le nouveau code PIN, à nouveau</translation>
    </message>
    <message>
        <source>The two PINs differ: nothing was imported.</source>
        <translation>Les deux codes PIN diffèrent&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>PIN of the virtual token &quot;%1&quot;</source>
        <translation>Code PIN du jeton virtuel «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>No PIN given: nothing was imported.</source>
        <translation>Aucun code PIN donné&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Made the virtual token &quot;%1&quot; (serial %2) and imported:</source>
        <translation>Jeton virtuel «&#xa0;%1&#xa0;» (n° de série %2) créé, et importé&#xa0;:</translation>
    </message>
    <message>
        <source>Imported into the virtual token &quot;%1&quot; (serial %2):</source>
        <translation>Importé dans le jeton virtuel «&#xa0;%1&#xa0;» (n° de série %2)&#xa0;:</translation>
    </message>
    <message>
        <source>Verified: the token signed a challenge with %1 and the certificate verified it.</source>
        <translation>Vérifié&#xa0;: le jeton a signé un défi avec %1 et le certificat l&apos;a vérifié.</translation>
    </message>
</context>
<context>
    <name>PairCli</name>
    <message>
        <source>pair needs --user LOGIN and --cert URI|FILE.</source>
        <translation>pair exige --user LOGIN et --cert URI|FILE.</translation>
    </message>
    <message>
        <source>pair writes to one store: give --store once.</source>
        <translation>pair écrit dans un seul magasin&#xa0;: donnez --store une seule fois.</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s configuration names no mapper TokenDesk can write (digest, subject, opensc, openssh): give --store KIND:PATH.</source>
        <translation>La configuration de pam_pkcs11 ne nomme aucun mapper dans lequel TokenDesk sait écrire (digest, subject, opensc, openssh)&#xa0;: donnez --store KIND:PATH.</translation>
    </message>
    <message>
        <source>Not paired: the certificate may not work for login. %1 Use --force to pair it anyway.</source>
        <translation>Non associé&#xa0;: le certificat risque de ne pas fonctionner pour la connexion. %1 Utilisez --force pour l&apos;associer quand même.</translation>
    </message>
    <message>
        <source>Warning: the audit log file could not be written (syslog has the line).</source>
        <translation>Avertissement&#xa0;: le fichier du journal d&apos;audit n&apos;a pas pu être écrit (syslog contient la ligne).</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: there is no local account &quot;%1&quot; (fine for a directory account).</source>
        <translation>Avertissement&#xa0;: il n&apos;y a pas de compte local «&#xa0;%1&#xa0;» (normal pour un compte de l&apos;annuaire).</translation>
    </message>
    <message>
        <source>Paired %1 with &quot;%2&quot; in %3.</source>
        <translation>%1 associé à «&#xa0;%2&#xa0;» dans %3.</translation>
    </message>
    <message>
        <source>Already paired: %1 with &quot;%2&quot; in %3; nothing changed.</source>
        <translation>Déjà associé&#xa0;: %1 à «&#xa0;%2&#xa0;» dans %3&#xa0;; rien n&apos;a changé.</translation>
    </message>
</context>
<context>
    <name>PairingText</name>
    <message>
        <source>%1 cannot be written: permission denied. Nothing was changed.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: permission refusée. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 cannot be written: only %2 may change it (run as that user, e.g. with sudo). Nothing was changed.</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: seul %2 peut le modifier (exécutez la commande sous cet utilisateur, p. ex. avec sudo). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else while TokenDesk edited it. Nothing was written; try again to see the new content.</source>
        <translation>%1 a été modifié par quelqu&apos;un d&apos;autre pendant que TokenDesk le modifiait. Rien n&apos;a été écrit&#xa0;; réessayez pour voir le nouveau contenu.</translation>
    </message>
    <message>
        <source>The store is a link to %1, which does not exist. Nothing was changed.</source>
        <translation>Le magasin est un lien vers %1, qui n&apos;existe pas. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The store&apos;s links go round in circles (%1). Nothing was changed.</source>
        <translation>Les liens du magasin tournent en rond (%1). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is reached through a link in a shared folder that TokenDesk does not follow (as fs.protected_symlinks would not). Nothing was changed.</source>
        <translation>%1 est atteint par un lien dans un dossier partagé, que TokenDesk ne suit pas (comme le ferait fs.protected_symlinks). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, device, pipe or a link TokenDesk does not follow). Nothing was changed.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire (c&apos;est un dossier, un périphérique, un tube ou un lien que TokenDesk ne suit pas). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Nothing was changed.</source>
        <translation>Le dossier de %1 n&apos;existe pas. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 est illisible&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <source>%1 is too large to be a mapping file.</source>
        <translation>%1 est trop volumineux pour être un fichier de correspondances.</translation>
    </message>
    <message>
        <source>The directory %1 has no account &quot;%2&quot; (its user filter finds no entry). Nothing was changed.</source>
        <translation>L&apos;annuaire %1 n&apos;a pas de compte «&#xa0;%2&#xa0;» (son filtre utilisateur ne trouve aucune entrée). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot; with a home folder on this system, so its %2 cannot be written.</source>
        <translation>Il n&apos;y a pas de compte «&#xa0;%1&#xa0;» avec un dossier personnel sur ce système&#xa0;: impossible d&apos;écrire son fichier %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a login name: it is empty or holds spaces or control characters.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être un nom de connexion&#xa0;: il est vide ou contient des espaces ou des caractères de contrôle.</translation>
    </message>
    <message>
        <source>This certificate cannot be written to %1: pam_pkcs11 could not find it there (&quot;%2&quot;).</source>
        <translation>Ce certificat ne peut pas être écrit dans %1&#xa0;: pam_pkcs11 ne pourrait pas l&apos;y trouver («&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <source>This certificate is already paired with &quot;%1&quot; in %2; unpair it there first.</source>
        <translation>Ce certificat est déjà associé à «&#xa0;%1&#xa0;» dans %2&#xa0;; dissociez-le d&apos;abord là-bas.</translation>
    </message>
    <message>
        <source>This certificate is already paired with &quot;%1&quot; in %2 (line %3); pam_pkcs11 uses the first entry, so unpair that first.</source>
        <translation>Ce certificat est déjà associé à «&#xa0;%1&#xa0;» dans %2 (ligne %3)&#xa0;; pam_pkcs11 utilise la première entrée, dissociez donc d&apos;abord celle-là.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is a pattern that pairs this certificate with &quot;%3&quot;. TokenDesk does not edit patterns: change that line by hand.</source>
        <translation>La ligne %1 de %2 est un motif qui associe ce certificat à «&#xa0;%3&#xa0;». TokenDesk ne modifie pas les motifs&#xa0;: modifiez cette ligne à la main.</translation>
    </message>
    <message>
        <source>%1 holds a NUL byte on line %2: pam_pkcs11 stops reading there, so nothing added after it would work. Remove it first. Nothing was changed.</source>
        <translation>%1 contient un octet NUL à la ligne %2&#xa0;: pam_pkcs11 s&apos;arrête de lire à cet endroit, donc rien de ce qui serait ajouté après ne fonctionnerait. Supprimez-le d&apos;abord. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Nothing to unpair: %1 pairs no such certificate with &quot;%2&quot;.</source>
        <translation>Rien à dissocier&#xa0;: %1 n&apos;associe pas ce certificat à «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 cannot be read: %2.</source>
        <translation>La configuration de pam_pkcs11 %1 est illisible&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 cannot be read.</source>
        <translation>La configuration de pam_pkcs11 %1 est illisible.</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 is not valid (line %2: %3).</source>
        <translation>La configuration de pam_pkcs11 %1 n&apos;est pas valide (ligne %2&#xa0;: %3).</translation>
    </message>
    <message>
        <source>The pam_pkcs11 configuration %1 is not valid (%2).</source>
        <translation>La configuration de pam_pkcs11 %1 n&apos;est pas valide (%2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pairing store: use KIND:PATH with KIND one of pam-digest, pam-subject, pam-eid, ssh, or a directory&apos;s ldap:// or ldaps:// URL with its search base.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un magasin d&apos;associations&#xa0;: utilisez KIND:PATH où KIND vaut pam-digest, pam-subject, pam-eid ou ssh, ou l&apos;URL ldap:// ou ldaps:// d&apos;un annuaire avec sa base de recherche.</translation>
    </message>
    <message>
        <source>The directory %1 cannot be reached (%2). Nothing was changed.</source>
        <translation>L&apos;annuaire %1 est injoignable (%2). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The directory %1 did not answer in time. Nothing was changed.</source>
        <translation>L&apos;annuaire %1 n&apos;a pas répondu à temps. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made (%2); TokenDesk does not fall back to plain text. Check the CA file in the directory settings. Nothing was changed.</source>
        <translation>Impossible d&apos;établir une connexion sécurisée avec %1 (%2)&#xa0;; TokenDesk ne se replie pas sur une connexion en clair. Vérifiez le fichier d&apos;AC dans les paramètres de l&apos;annuaire. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The directory %1 refused the bind DN or password. Nothing was changed.</source>
        <translation>L&apos;annuaire %1 a refusé le DN de liaison ou le mot de passe. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The directory %1 needs the password of %2 (Settings ▸ Directory…). Nothing was changed.</source>
        <translation>L&apos;annuaire %1 a besoin du mot de passe de %2 (Paramètres ▸ Annuaire…). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 may not change this entry of %2 (insufficient access): bind with a DN that may. Nothing was changed.</source>
        <translation>%1 n&apos;a pas le droit de modifier cette entrée de %2 (accès insuffisant)&#xa0;: liez-vous avec un DN qui en a le droit. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>An anonymous bind</source>
        <translation>Une liaison anonyme</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already holds another certificate with the same serial number and issuer as this one; the directory tells certificates apart only by those two, so it cannot hold both. Unpair the other one first. Nothing was changed.</source>
        <translation>«&#xa0;%1&#xa0;» contient déjà un autre certificat avec le même numéro de série et le même émetteur que celui-ci&#xa0;; l&apos;annuaire ne distingue les certificats que par ces deux valeurs, il ne peut donc pas contenir les deux. Dissociez d&apos;abord l&apos;autre. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed.</source>
        <translation>Arrêté. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The directory %1 answered with an error (%2, result %3). Nothing was changed.</source>
        <translation>L&apos;annuaire %1 a répondu par une erreur (%2, résultat %3). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 could not be changed.</source>
        <translation>%1 n&apos;a pas pu être modifié.</translation>
    </message>
    <message>
        <source>The line ends in CR LF: pam_pkcs11 reads the login with a carriage return, which matches no account.</source>
        <translation>La ligne se termine par CR LF&#xa0;: pam_pkcs11 lit le nom de connexion avec un retour chariot, qui ne correspond à aucun compte.</translation>
    </message>
    <message>
        <source>The key is a regular expression: it may pair several certificates.</source>
        <translation>La clé est une expression régulière&#xa0;: elle peut associer plusieurs certificats.</translation>
    </message>
    <message>
        <source>An earlier line has the same key: pam_pkcs11 never reaches this one.</source>
        <translation>Une ligne précédente a la même clé&#xa0;: pam_pkcs11 n&apos;atteint jamais celle-ci.</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s mapper does not read this kind of entry (sshd does).</source>
        <translation>Le mapper de pam_pkcs11 ne lit pas ce type d&apos;entrée (seul sshd la lit).</translation>
    </message>
    <message>
        <source>The directory&apos;s rule finds this account, but its certificate is another one with the same serial number and issuer.</source>
        <translation>La règle de l&apos;annuaire trouve ce compte, mais son certificat en est un autre, avec le même numéro de série et le même émetteur.</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Le certificat a expiré.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Le certificat n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <source>The certificate expires within 30 days.</source>
        <translation>Le certificat expire dans moins de 30 jours.</translation>
    </message>
    <message>
        <source>The certificate&apos;s key usage does not allow digital signatures, which a login needs.</source>
        <translation>L&apos;utilisation de la clé du certificat n&apos;autorise pas les signatures numériques, dont une connexion a besoin.</translation>
    </message>
    <message>
        <source>The certificate is not for client authentication or smart card logon (extended key usage).</source>
        <translation>Le certificat n&apos;est prévu ni pour l&apos;authentification de client ni pour la connexion par carte à puce (utilisation étendue de la clé).</translation>
    </message>
    <message>
        <source>The certificate&apos;s chain does not end at a trusted root.</source>
        <translation>La chaîne du certificat n&apos;aboutit pas à une racine de confiance.</translation>
    </message>
    <message>
        <source>SSSD&apos;s directory (%1)</source>
        <translation>annuaire de SSSD (%1)</translation>
    </message>
    <message>
        <source>%1 mapper (%2, line %3)</source>
        <translation>mapper %1 (%2, ligne %3)</translation>
    </message>
    <message>
        <source>%1 mapper (%2)</source>
        <translation>mapper %1 (%2)</translation>
    </message>
    <message>
        <source>the %1 mapper is not evaluated by TokenDesk</source>
        <translation>le mapper %1 n&apos;est pas évalué par TokenDesk</translation>
    </message>
    <message>
        <source>the %1 mapper has no mapfile</source>
        <translation>le mapper %1 n&apos;a pas de fichier de correspondances</translation>
    </message>
    <message>
        <source>the %1 mapper&apos;s mapfile is not a file:// URL</source>
        <translation>le fichier de correspondances du mapper %1 n&apos;est pas une URL file://</translation>
    </message>
    <message>
        <source>the %1 mapper&apos;s store could not be read: %2</source>
        <translation>le magasin du mapper %1 est illisible&#xa0;: %2</translation>
    </message>
    <message>
        <source>This card logs in as &quot;%1&quot;: SSSD&apos;s rule %2 maps certificate %3 (%4) to the entry %5 of %6, which holds this very certificate.</source>
        <translation>Cette carte se connecte en tant que «&#xa0;%1&#xa0;»&#xa0;: la règle %2 de SSSD fait correspondre le certificat %3 (%4) à l&apos;entrée %5 de %6, qui contient ce même certificat.</translation>
    </message>
    <message>
        <source>This card logs in as &quot;%1&quot;: certificate %2 (%3) is paired by the %4.</source>
        <translation>Cette carte se connecte en tant que «&#xa0;%1&#xa0;»&#xa0;: le certificat %2 (%3) est associé (source&#xa0;: %4).</translation>
    </message>
    <message>
        <source>Nobody logs in with this card: SSSD&apos;s rule %1 gives the filter %2, which finds no account holding this card&apos;s certificate.</source>
        <translation>Personne ne se connecte avec cette carte&#xa0;: la règle %1 de SSSD donne le filtre %2, qui ne trouve aucun compte détenant le certificat de cette carte.</translation>
    </message>
    <message>
        <source>Nobody logs in with this card: no mapper pairs any of its certificates.</source>
        <translation>Personne ne se connecte avec cette carte&#xa0;: aucun mapper n&apos;associe l&apos;un de ses certificats.</translation>
    </message>
    <message>
        <source>The rule also finds &quot;%1&quot; (%2), whose certificate is another one with the same serial number and issuer: not this card&apos;s.</source>
        <translation>La règle trouve aussi «&#xa0;%1&#xa0;» (%2), dont le certificat en est un autre, avec le même numéro de série et le même émetteur&#xa0;: pas celui de cette carte.</translation>
    </message>
    <message>
        <source>Not certain: %1.</source>
        <translation>Pas certain&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>PairingsCli</name>
    <message>
        <source> (line %1)</source>
        <translation> (ligne %1)</translation>
    </message>
    <message>
        <source>  [card present]</source>
        <translation>  [carte présente]</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: the only certificate &quot;%1&quot; can log in with expires on %2.</source>
        <translation>Avertissement&#xa0;: le seul certificat avec lequel «&#xa0;%1&#xa0;» peut se connecter expire le %2.</translation>
    </message>
    <message>
        <source>No pairings.</source>
        <translation>Aucune association.</translation>
    </message>
</context>
<context>
    <name>PinCommand</name>
    <message>
        <source>Type it again to confirm.</source>
        <translation>Saisissez-le à nouveau pour confirmer.</translation>
    </message>
    <message>
        <source>The two entries differ; nothing was changed.</source>
        <translation>Les deux saisies diffèrent&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n tokens; name one, e.g. with its serial=.</source>
        <translation>
            <numerusform>L&apos;URI désigne %n jeton&#xa0;; désignez-en un seul, p. ex. avec son serial=.</numerusform>
            <numerusform>L&apos;URI désigne %n jetons&#xa0;; désignez-en un seul, p. ex. avec son serial=.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown action %1: status, change or unblock.</source>
        <translation>Action inconnue %1&#xa0;: status, change ou unblock.</translation>
    </message>
    <message>
        <source>The %1 was changed.</source>
        <translation>Le %1 a été modifié.</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>PIN administrateur</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>Le code PIN a été modifié.</translation>
    </message>
    <message>
        <source>The PIN was set and unblocked.</source>
        <translation>Le code PIN a été défini et débloqué.</translation>
    </message>
    <message>
        <source>Token: %1 (serial %2)</source>
        <translation>Jeton&#xa0;: %1 (n° de série %2)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
</context>
<context>
    <name>PinText</name>
    <message>
        <source>PIN</source>
        <translation>code PIN</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>PIN administrateur</translation>
    </message>
    <message>
        <source>PIN to be changed</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN à changer</translation>
    </message>
    <message>
        <source>PIN: wrong PIN entered</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN&#xa0;: un code erroné a été saisi</translation>
    </message>
    <message>
        <source>PIN: final try</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN&#xa0;: dernier essai</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN bloqué</translation>
    </message>
    <message>
        <source>SO PIN locked</source>
        <comment>PIN the noun</comment>
        <translation>PIN administrateur bloqué</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>final try</source>
        <translation>dernier essai</translation>
    </message>
    <message>
        <source>count low (a wrong PIN was entered)</source>
        <comment>PIN the noun</comment>
        <translation>compteur bas (un code PIN erroné a été saisi)</translation>
    </message>
    <message>
        <source>to be changed</source>
        <translation>à changer</translation>
    </message>
    <message>
        <source>no problem reported</source>
        <translation>aucun problème signalé</translation>
    </message>
    <message>
        <source>locked</source>
        <comment>PIN state</comment>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>one try left</source>
        <comment>PIN state</comment>
        <translation>un essai restant</translation>
    </message>
    <message>
        <source>wrong PIN entered before</source>
        <comment>PIN state</comment>
        <translation>code PIN erroné saisi auparavant</translation>
    </message>
    <message>
        <source>ok</source>
        <comment>PIN state</comment>
        <translation>OK</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>1 try left</source>
        <translation>1 essai restant</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>%n essai restant</numerusform>
            <numerusform>%n essais restants</numerusform>
        </translation>
    </message>
    <message>
        <source>tries left unknown</source>
        <translation>essais restants inconnus</translation>
    </message>
    <message>
        <source> (final try: one more wrong entry locks it)</source>
        <translation> (dernier essai&#xa0;: une saisie erronée de plus le bloque)</translation>
    </message>
    <message>
        <source> (a wrong entry was made)</source>
        <translation> (une saisie erronée a eu lieu)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent to the token.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été envoyé au jeton.</translation>
    </message>
    <message>
        <source>The new %1 must be digits only.</source>
        <translation>Le nouveau %1 ne doit contenir que des chiffres.</translation>
    </message>
    <message>
        <source>The new %1 is the same as the current one.</source>
        <translation>Le nouveau %1 est identique à l&apos;actuel.</translation>
    </message>
    <message>
        <source>The token refused the new %1.</source>
        <translation>Le jeton a refusé le nouveau %1.</translation>
    </message>
    <message>
        <source>The PIN is locked. Unblock it with the %1: tokendesk pin unblock URI.</source>
        <translation>Le code PIN est bloqué. Débloquez-le avec le %1&#xa0;: tokendesk pin unblock URI.</translation>
    </message>
    <message>
        <source>The %1 is locked too. Only the card&apos;s issuer can reset or replace this card.</source>
        <translation>Le %1 est bloqué lui aussi. Seul l&apos;émetteur de la carte peut la réinitialiser ou la remplacer.</translation>
    </message>
    <message>
        <source>Wrong %1. It is now locked.</source>
        <translation>Le %1 saisi est incorrect. Il est maintenant bloqué.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong %1: %n tries left.</source>
        <translation>
            <numerusform>Le %1 saisi est incorrect&#xa0;: %n essai restant.</numerusform>
            <numerusform>Le %1 saisi est incorrect&#xa0;: %n essais restants.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong %1.</source>
        <translation>Le %1 saisi est incorrect.</translation>
    </message>
    <message>
        <source>The token failed.</source>
        <translation>Le jeton a signalé une erreur.</translation>
    </message>
    <message>
        <source>The card did not answer as a PIV card should (status %1).</source>
        <translation>La carte n&apos;a pas répondu comme le devrait une carte PIV (état %1).</translation>
    </message>
    <message>
        <source>This token cannot do that.</source>
        <translation>Ce jeton ne permet pas cette opération.</translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too short: at least %n character(s).</source>
        <translation>
            <numerusform>Le nouveau %1 est trop court&#xa0;: au moins %n caractère.</numerusform>
            <numerusform>Le nouveau %1 est trop court&#xa0;: au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new %1 is too long: at most %n character(s).</source>
        <translation>
            <numerusform>Le nouveau %1 est trop long&#xa0;: au plus %n caractère.</numerusform>
            <numerusform>Le nouveau %1 est trop long&#xa0;: au plus %n caractères.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message numerus="yes">
        <source>Readers (%n):</source>
        <translation>
            <numerusform>Lecteur (%n)&#xa0;:</numerusform>
            <numerusform>Lecteurs (%n)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reader drivers (%n):</source>
        <translation>
            <numerusform>Pilote de lecteur (%n)&#xa0;:</numerusform>
            <numerusform>Pilotes de lecteur (%n)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>PKCS#11 modules (%n):</source>
        <translation>
            <numerusform>Module PKCS#11 (%n)&#xa0;:</numerusform>
            <numerusform>Modules PKCS#11 (%n)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens (%n):</source>
        <translation>
            <numerusform>Jeton (%n)&#xa0;:</numerusform>
            <numerusform>Jetons (%n)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Certificates (%n):</source>
        <translation>
            <numerusform>Certificat (%n)&#xa0;:</numerusform>
            <numerusform>Certificats (%n)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>on %1 (serial %2):</source>
        <translation>sur %1 (n° de série %2)&#xa0;:</translation>
    </message>
    <message>
        <source>driver library missing: %1</source>
        <translation>bibliothèque du pilote manquante&#xa0;: %1</translation>
    </message>
    <message>
        <source>Info.plist unreadable</source>
        <translation>Info.plist illisible</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>pas de carte</translation>
    </message>
    <message>
        <source>card: %1</source>
        <translation>carte&#xa0;: %1</translation>
    </message>
    <message>
        <source>serial: %1</source>
        <translation>n° de série&#xa0;: %1</translation>
    </message>
    <message>
        <source>model: %1 (%2)</source>
        <translation>modèle&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>slot: %1</source>
        <translation>emplacement&#xa0;: %1</translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation>module&#xa0;: %1</translation>
    </message>
    <message>
        <source>PIN: %1</source>
        <comment>PIN the noun</comment>
        <translation>code PIN&#xa0;: %1</translation>
    </message>
    <message>
        <source>TokenDesk report</source>
        <translation>Rapport TokenDesk</translation>
    </message>
    <message>
        <source>Report made %1</source>
        <translation>Rapport établi le %1</translation>
    </message>
</context>
<context>
    <name>TaskGuides</name>
    <message>
        <source>Inspect a card</source>
        <translation>Examiner une carte</translation>
    </message>
    <message>
        <source>Insert the card into a reader. The reader appears under Readers on the left, the card under it.</source>
        <translation>Insérez la carte dans un lecteur. Le lecteur apparaît à gauche sous Lecteurs, la carte en dessous.</translation>
    </message>
    <message>
        <source>Select the card: its page names the card and breaks its ATR down byte by byte.</source>
        <translation>Sélectionnez la carte : sa page nomme la carte et détaille son ATR octet par octet.</translation>
    </message>
    <message>
        <source>Select the reader to see whether it has a PIN pad or a display.</source>
        <translation>Sélectionnez le lecteur pour voir s’il a un clavier de code PIN ou un écran.</translation>
    </message>
    <message>
        <source>Under Tokens, select the card&apos;s token: its PIN state, and the certificates and keys it holds.</source>
        <translation>Sous Jetons, sélectionnez le jeton de la carte : l’état de son code PIN, ses certificats et ses clés.</translation>
    </message>
    <message>
        <source>Select a certificate for its validity, usages and chain; %1 saves it to a file.</source>
        <translation>Sélectionnez un certificat pour sa validité, ses usages et sa chaîne ; %1 l’enregistre dans un fichier.</translation>
    </message>
    <message>
        <source>For a helpdesk ticket, %1 shows all TokenDesk sees, to save or copy.</source>
        <translation>Pour un ticket de support, %1 montre tout ce que voit TokenDesk, à enregistrer ou copier.</translation>
    </message>
    <message>
        <source>Change or unblock a PIN</source>
        <translation>Changer ou débloquer un code PIN</translation>
    </message>
    <message>
        <source>Insert the card and select its token under Tokens, or a certificate on it.</source>
        <translation>Insérez la carte et sélectionnez son jeton sous Jetons, ou un certificat qu’il contient.</translation>
    </message>
    <message>
        <source>The token page shows the PIN state, and on PIV cards the tries left.</source>
        <translation>La page du jeton montre l’état du code PIN et, sur les cartes PIV, les essais restants.</translation>
    </message>
    <message>
        <source>Choose %1, type the current PIN, then the new one twice.</source>
        <translation>Choisissez %1, tapez le code PIN actuel, puis deux fois le nouveau.</translation>
    </message>
    <message>
        <source>A PIN locked by wrong tries is unblocked with the PUK: choose %1.</source>
        <translation>Un code PIN bloqué par des essais erronés se débloque avec le PUK : choisissez %1.</translation>
    </message>
    <message>
        <source>To change the PUK or SO PIN itself, choose %1.</source>
        <translation>Pour changer le PUK ou le code PIN SO lui-même, choisissez %1.</translation>
    </message>
    <message>
        <source>TokenDesk asks before a last try. With a PIN pad, type the PINs on the reader.</source>
        <translation>TokenDesk demande confirmation avant un dernier essai. Avec un clavier de code PIN, tapez les codes sur le lecteur.</translation>
    </message>
    <message>
        <source>Pair an account</source>
        <translation>Associer un compte</translation>
    </message>
    <message>
        <source>Insert the user&apos;s card: its login certificate shows under Identities.</source>
        <translation>Insérez la carte de l’utilisateur : son certificat de connexion apparaît sous Identités.</translation>
    </message>
    <message>
        <source>Select that identity (a certificate with its key).</source>
        <translation>Sélectionnez cette identité (un certificat avec sa clé).</translation>
    </message>
    <message>
        <source>Choose %1 and type the account&apos;s login name.</source>
        <translation>Choisissez %1 et tapez l’identifiant du compte.</translation>
    </message>
    <message>
        <source>A certificate unfit for login (expired, untrusted) is refused, and TokenDesk says why.</source>
        <translation>Un certificat impropre à la connexion (expiré, non fiable) est refusé, et TokenDesk dit pourquoi.</translation>
    </message>
    <message>
        <source>The pairing shows under Pairings; %1 tells who logs in with the inserted card.</source>
        <translation>L’association apparaît sous Associations ; %1 indique qui se connecte avec la carte insérée.</translation>
    </message>
    <message>
        <source>To remove a pairing, select it and choose %1.</source>
        <translation>Pour supprimer une association, sélectionnez-la et choisissez %1.</translation>
    </message>
    <message>
        <source>For an LDAP directory that SSSD reads, set it up first with %1.</source>
        <translation>Pour un annuaire LDAP que lit SSSD, configurez-le d’abord avec %1.</translation>
    </message>
    <message>
        <source>Import a .p12</source>
        <translation>Importer un .p12</translation>
    </message>
    <message>
        <source>Choose %1, or drop the .p12 file onto the window.</source>
        <translation>Choisissez %1, ou déposez le fichier .p12 sur la fenêtre.</translation>
    </message>
    <message>
        <source>Pick the file and type its password.</source>
        <translation>Choisissez le fichier et tapez son mot de passe.</translation>
    </message>
    <message>
        <source>Check what it holds: the certificate, its key and any CA certificates.</source>
        <translation>Vérifiez son contenu : le certificat, sa clé et les éventuels certificats d’AC.</translation>
    </message>
    <message>
        <source>Choose a virtual token, or make one in the wizard (or before, with %1).</source>
        <translation>Choisissez un jeton virtuel, ou créez-en un dans l’assistant (ou avant, avec %1).</translation>
    </message>
    <message>
        <source>Type the token&apos;s PIN. The import is all or nothing, proved by a signature.</source>
        <translation>Tapez le code PIN du jeton. L’importation se fait en entier ou pas du tout, prouvée par une signature.</translation>
    </message>
    <message>
        <source>The certificate then shows under Identities, and browsers that load p11-kit can use it.</source>
        <translation>Le certificat apparaît alors sous Identités, et les navigateurs qui chargent p11-kit peuvent l’utiliser.</translation>
    </message>
</context>
<context>
    <name>TerminalPinPrompter</name>
    <message>
        <source>the token</source>
        <translation>le jeton</translation>
    </message>
    <message>
        <source>PIN</source>
        <comment>the noun</comment>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>PUK / SO PIN</source>
        <translation>PUK / PIN administrateur</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>New PUK / SO PIN</source>
        <translation>Nouveau PUK / PIN administrateur</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 pour %2</translation>
    </message>
    <message>
        <source>%1 for %2 (serial %3)</source>
        <translation>%1 pour %2 (n° de série %3)</translation>
    </message>
    <message>
        <source>, to sign a test challenge with the key of %1</source>
        <translation>, pour signer un défi de test avec la clé de %1</translation>
    </message>
    <message>
        <source>The input is longer than %1 bytes, more than any token takes: nothing was used.</source>
        <translation>La saisie dépasse %1 octets, plus qu&apos;aucun jeton n&apos;accepte&#xa0;: rien n&apos;a été utilisé.</translation>
    </message>
    <message>
        <source>One more wrong PIN locks %1: not trying without --final-try.</source>
        <translation>Un code PIN erroné de plus bloque %1&#xa0;: pas d&apos;essai sans --final-try.</translation>
    </message>
    <message>
        <source>Warning: this is the last try. A wrong PIN locks the card; only the PUK unblocks it.</source>
        <translation>Attention&#xa0;: c&apos;est le dernier essai. Un code PIN erroné bloque la carte&#xa0;; seul le PUK peut la débloquer.</translation>
    </message>
    <message>
        <source>Type YES to continue: </source>
        <translation>Tapez YES pour continuer&#xa0;: </translation>
    </message>
    <message>
        <source>(1 try left)</source>
        <translation>(1 essai restant)</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code PIN erroné.</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader&apos;s PIN pad (%1).</source>
        <translation>Saisissez le code PIN sur le clavier du lecteur (%1).</translation>
    </message>
    <message numerus="yes">
        <source>(%n tries left)</source>
        <translation>
            <numerusform>(%n essai restant)</numerusform>
            <numerusform>(%n essais restants)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenCardName</name>
    <message>
        <source>PIV card</source>
        <translation>Carte PIV</translation>
    </message>
    <message>
        <source>CAC card</source>
        <translation>Carte CAC</translation>
    </message>
    <message>
        <source>OpenPGP card</source>
        <translation>Carte OpenPGP</translation>
    </message>
    <message>
        <source>GIDS card</source>
        <translation>Carte GIDS</translation>
    </message>
    <message>
        <source>CoolKey card</source>
        <translation>Carte CoolKey</translation>
    </message>
    <message>
        <source>YubiKey (PIV)</source>
        <translation>YubiKey (PIV)</translation>
    </message>
    <message>
        <source>Card driven by OpenSC as “%1”</source>
        <translation>Carte pilotée par OpenSC en tant que «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Named from OpenSC&apos;s “%1” driver, which reads the card&apos;s token; the ATR is not in the list of known cards.</source>
        <translation>Nom tiré du pilote «&#xa0;%1&#xa0;» d&apos;OpenSC, qui lit le jeton de la carte&#xa0;; l&apos;ATR n&apos;est pas dans la liste des cartes connues.</translation>
    </message>
</context>
<context>
    <name>TokenCertificates</name>
    <message>
        <source>certificate %1: unreadable (%2)</source>
        <translation>certificat %1&#xa0;: illisible (%2)</translation>
    </message>
    <message>
        <source>subject: %1</source>
        <translation>sujet&#xa0;: %1</translation>
    </message>
    <message>
        <source>issuer: %1</source>
        <translation>émetteur&#xa0;: %1</translation>
    </message>
    <message>
        <source>valid until: %1 (%2)</source>
        <translation>fin de validité&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>key: %1</source>
        <translation>clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256&#xa0;: %1</translation>
    </message>
    <message>
        <source>present (identity)</source>
        <comment>private key</comment>
        <translation>présente (identité)</translation>
    </message>
    <message>
        <source>expected after login</source>
        <comment>private key</comment>
        <translation>attendue après connexion</translation>
    </message>
    <message>
        <source>none</source>
        <comment>private key</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>private key: %1</source>
        <translation>clé privée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TokenText</name>
    <message>
        <source>Identity: the private key is on the token</source>
        <translation>Identité&#xa0;: la clé privée est sur le jeton</translation>
    </message>
    <message>
        <source>Key expected: the token shows its private keys after login</source>
        <translation>Clé attendue&#xa0;: visible sur le jeton après connexion</translation>
    </message>
    <message>
        <source>No private key</source>
        <translation>Pas de clé privée</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 bits</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sans libellé)</translation>
    </message>
    <message>
        <source>(not initialized)</source>
        <translation>(non initialisé)</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <source>PIN pad</source>
        <comment>a reader&apos;s keypad for the PIN</comment>
        <translation>clavier PIN</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>protégé en écriture</translation>
    </message>
    <message>
        <source>random number generator</source>
        <translation>générateur de nombres aléatoires</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>non initialisé</translation>
    </message>
    <message>
        <source>user PIN not initialized</source>
        <comment>PIN the noun</comment>
        <translation>code PIN utilisateur non initialisé</translation>
    </message>
    <message>
        <source>removable</source>
        <translation>amovible</translation>
    </message>
</context>
<context>
    <name>UnpairCli</name>
    <message>
        <source>unpair needs --user LOGIN (and --cert URI|FILE for one certificate).</source>
        <translation>unpair exige --user LOGIN (et --cert URI|FILE pour un seul certificat).</translation>
    </message>
    <message>
        <source>Warning: the audit log file could not be written (syslog has the line).</source>
        <translation>Avertissement&#xa0;: le fichier du journal d&apos;audit n&apos;a pas pu être écrit (syslog contient la ligne).</translation>
    </message>
    <message numerus="yes">
        <source>Unpaired &quot;%1&quot; in %2: %n entries removed.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» dissocié dans %2&#xa0;: %n entrée supprimée.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» dissocié dans %2&#xa0;: %n entrées supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs this certificate with &quot;%1&quot;.</source>
        <translation>Rien à dissocier&#xa0;: aucun magasin n&apos;associe ce certificat à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs any certificate with &quot;%1&quot;.</source>
        <translation>Rien à dissocier&#xa0;: aucun magasin n&apos;associe de certificat à «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>VirtualTokenText</name>
    <message>
        <source>SoftHSM2 is not installed (the package softhsm2): virtual tokens need it.</source>
        <translation>SoftHSM2 n&apos;est pas installé (paquet softhsm2)&#xa0;: les jetons virtuels en ont besoin.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration %1 cannot be read: %2.</source>
        <translation>La configuration SoftHSM2 %1 est illisible&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration for this user cannot be made at %1: %2.</source>
        <translation>La configuration SoftHSM2 de cet utilisateur ne peut pas être créée dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The SoftHSM2 configuration %1 names no token folder (directories.tokendir).</source>
        <translation>La configuration SoftHSM2 %1 ne nomme aucun dossier de jetons (directories.tokendir).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a token: a label has 1 to 32 bytes, no control characters and no blanks at either end.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas nommer un jeton&#xa0;: un libellé compte de 1 à 32 octets, sans caractère de contrôle ni espace au début ou à la fin.</translation>
    </message>
    <message>
        <source>A virtual token is already called &quot;%1&quot;: choose another name, or import into it.</source>
        <translation>Un jeton virtuel s&apos;appelle déjà «&#xa0;%1&#xa0;»&#xa0;: choisissez un autre nom, ou importez dans celui-ci.</translation>
    </message>
    <message>
        <source>There is no virtual token &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de jeton virtuel «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>SoftHSM2 offers no free slot for a new token.</source>
        <translation>SoftHSM2 n&apos;a plus d&apos;emplacement libre pour un nouveau jeton.</translation>
    </message>
    <message>
        <source>The Secret Service (the desktop&apos;s keyring) did not keep the token&apos;s SO PIN: %1. Unlock the keyring and try again.</source>
        <translation>Le Secret Service (le trousseau du bureau) n&apos;a pas conservé le PIN administrateur du jeton&#xa0;: %1. Déverrouillez le trousseau et réessayez.</translation>
    </message>
    <message>
        <source>The SO PIN of &quot;%1&quot; is not in the keyring (TokenDesk did not make this token): its PIN cannot be reset here.</source>
        <translation>Le PIN administrateur de «&#xa0;%1&#xa0;» n&apos;est pas dans le trousseau (TokenDesk n&apos;a pas créé ce jeton)&#xa0;: son code PIN ne peut pas être réinitialisé ici.</translation>
    </message>
    <message>
        <source>softhsm2-util failed: %1</source>
        <translation>softhsm2-util a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The token failed.</source>
        <translation>Le jeton a signalé une erreur.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 est illisible&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than any PKCS#12 file: not imported.</source>
        <translation>%1 est plus volumineux que n&apos;importe quel fichier PKCS#12&#xa0;: non importé.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 (.p12, .pfx) file, or it is damaged or cut short.</source>
        <translation>%1 n&apos;est pas un fichier PKCS#12 (.p12, .pfx), ou il est endommagé ou tronqué.</translation>
    </message>
    <message>
        <source>Wrong password for this PKCS#12 file.</source>
        <translation>Mot de passe incorrect pour ce fichier PKCS#12.</translation>
    </message>
    <message>
        <source>The file is protected with an algorithm this system&apos;s OpenSSL cannot use (%1).</source>
        <translation>Le fichier est protégé par un algorithme que l&apos;OpenSSL de ce système ne peut pas utiliser (%1).</translation>
    </message>
    <message>
        <source>OpenSSL failed to read the file: %1</source>
        <translation>OpenSSL n&apos;a pas pu lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier est illisible.</translation>
    </message>
    <message>
        <source>The file holds no private key, only certificates: there is no identity to import.</source>
        <translation>Le fichier ne contient aucune clé privée, seulement des certificats&#xa0;: il n&apos;y a pas d&apos;identité à importer.</translation>
    </message>
    <message>
        <source>A private key in the file (%1) does not match any of its certificates: nothing was imported.</source>
        <translation>Une clé privée du fichier (%1) ne correspond à aucun de ses certificats&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>TokenDesk imports RSA and EC keys; this file holds a key of another type (%1).</source>
        <translation>TokenDesk importe des clés RSA et EC&#xa0;; ce fichier contient une clé d&apos;un autre type (%1).</translation>
    </message>
    <message>
        <source>The token already holds the certificate of %1: nothing was imported.</source>
        <translation>Le jeton contient déjà le certificat de %1&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Another key on the token has the ID this key would get (%1): nothing was imported.</source>
        <translation>Une autre clé du jeton a déjà l&apos;ID que recevrait cette clé (%1)&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>The virtual token failed.</source>
        <translation>Le jeton virtuel a signalé une erreur.</translation>
    </message>
    <message>
        <source>The imported key&apos;s signature did not verify with its certificate (%1): the import was undone.</source>
        <translation>La signature de la clé importée ne se vérifie pas avec son certificat (%1)&#xa0;: l&apos;importation a été annulée.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>There is no home folder to look for browsers in.</source>
        <translation>Il n&apos;y a pas de dossier personnel où chercher des navigateurs.</translation>
    </message>
    <message>
        <source>%1 is not installed (the package libnss3-tools): NSS databases cannot be changed without it.</source>
        <translation>%1 n&apos;est pas installé (paquet libnss3-tools)&#xa0;: sans lui, les bases NSS ne peuvent pas être modifiées.</translation>
    </message>
    <message>
        <source>NSS&apos;s tool failed on %1: %2</source>
        <translation>L&apos;outil de NSS a échoué sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>NSS&apos;s tool did not finish in time on %1 and was stopped.</source>
        <translation>L&apos;outil de NSS n&apos;a pas terminé à temps sur %1 et a été arrêté.</translation>
    </message>
    <message>
        <source>%1 holds no NSS database (cert9.db, key4.db).</source>
        <translation>%1 ne contient aucune base NSS (cert9.db, key4.db).</translation>
    </message>
    <message>
        <source>%1 is an unusual path (control characters or &quot;..&quot;): TokenDesk does not change it.</source>
        <translation>%1 est un chemin inhabituel (caractères de contrôle ou «&#xa0;..&#xa0;»)&#xa0;: TokenDesk ne le modifie pas.</translation>
    </message>
    <message>
        <source>The NSS database %1 cannot be made: %2</source>
        <translation>La base NSS %1 ne peut pas être créée&#xa0;: %2</translation>
    </message>
    <message>
        <source>p11-kit-proxy is not installed at %1 (the package p11-kit-modules).</source>
        <translation>p11-kit-proxy n&apos;est pas installé dans %1 (paquet p11-kit-modules).</translation>
    </message>
    <message>
        <source>GnuTLS, OpenSSL and p11-kit programs</source>
        <translation>Programmes GnuTLS, OpenSSL et p11-kit</translation>
    </message>
    <message>
        <source>Chromium and other NSS programs (~/.pki/nssdb)</source>
        <translation>Chromium et autres programmes NSS (~/.pki/nssdb)</translation>
    </message>
    <message>
        <source>Firefox profile %1</source>
        <translation>Profil Firefox %1</translation>
    </message>
    <message>
        <source>sees the virtual tokens</source>
        <translation>voit les jetons virtuels</translation>
    </message>
    <message>
        <source>no NSS database yet: does not see them</source>
        <translation>pas encore de base NSS&#xa0;: ne les voit pas</translation>
    </message>
    <message>
        <source>the profile folder is missing</source>
        <translation>le dossier du profil est absent</translation>
    </message>
    <message>
        <source>does not see them: SoftHSM2 is not registered with p11-kit</source>
        <translation>ne les voit pas&#xa0;: SoftHSM2 n&apos;est pas inscrit auprès de p11-kit</translation>
    </message>
    <message>
        <source>does not see them: p11-kit-proxy is not registered</source>
        <translation>ne les voit pas&#xa0;: p11-kit-proxy n&apos;est pas inscrit</translation>
    </message>
    <message>
        <source>; Firefox is running with it: restart Firefox to use it</source>
        <translation>&#xa0;; Firefox est ouvert avec ce profil&#xa0;: redémarrez Firefox pour l&apos;utiliser</translation>
    </message>
    <message>
        <source> (an unusual path: not changed here)</source>
        <translation> (chemin inhabituel&#xa0;: non modifié ici)</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired.</source>
        <translation>Le certificat de %1 a expiré.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet.</source>
        <translation>Le certificat de %1 n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <source>The file is protected with old, weak encryption (%1); the token will keep the key safe, but the file should be deleted or re-made.</source>
        <translation>Le fichier est protégé par un chiffrement ancien et faible (%1)&#xa0;; le jeton gardera la clé en sécurité, mais le fichier devrait être supprimé ou refait.</translation>
    </message>
    <message>
        <source>%1 is in the chain but is no CA certificate.</source>
        <translation>%1 est dans la chaîne mais n&apos;est pas un certificat d&apos;AC.</translation>
    </message>
    <message>
        <source>The password opened the file only the way OpenSSL before 1.1 read non-ASCII passwords: the file was made by an old tool. The token does not mind.</source>
        <translation>Le mot de passe n&apos;a ouvert le fichier qu&apos;à la manière dont OpenSSL avant 1.1 lisait les mots de passe non ASCII&#xa0;: le fichier a été créé par un ancien outil. Cela ne gêne pas le jeton.</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>clé privée</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>clé publique</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>certificat d&apos;AC</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificat</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires within %n days.</source>
        <translation>
            <numerusform>Le certificat de %1 expire dans moins de %n jour.</numerusform>
            <numerusform>Le certificat de %1 expire dans moins de %n jours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VtokenBrowsers</name>
    <message>
        <source>Registered p11-kit-proxy in %1</source>
        <translation>p11-kit-proxy inscrit dans %1</translation>
    </message>
    <message>
        <source>Removed p11-kit-proxy from %1</source>
        <translation>p11-kit-proxy retiré de %1</translation>
    </message>
</context>
<context>
    <name>VtokenCli</name>
    <message>
        <source>The new PIN again</source>
        <translation>Le nouveau code PIN, à nouveau</translation>
    </message>
    <message>
        <source>Usage: tokendesk vtoken list | create LABEL | delete LABEL | reset-pin LABEL | browsers [--register|--unregister] [--nssdb DIR]</source>
        <translation>Usage&#xa0;: tokendesk vtoken list | create LABEL | delete LABEL | reset-pin LABEL | browsers [--register|--unregister] [--nssdb DIR]</translation>
    </message>
    <message>
        <source>Give --register or --unregister, not both.</source>
        <translation>Donnez --register ou --unregister, pas les deux.</translation>
    </message>
    <message>
        <source>No virtual tokens (SoftHSM2 configuration: %1).</source>
        <translation>Aucun jeton virtuel (configuration SoftHSM2&#xa0;: %1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;  serial %2  %3</source>
        <translation>«&#xa0;%1&#xa0;»  n° de série %2  %3</translation>
    </message>
    <message>
        <source>(SO PIN in the keyring)</source>
        <translation>(PIN administrateur dans le trousseau)</translation>
    </message>
    <message>
        <source>(not made by TokenDesk)</source>
        <translation>(pas créé par TokenDesk)</translation>
    </message>
    <message>
        <source>PIN for the new virtual token &quot;%1&quot;</source>
        <translation>Code PIN du nouveau jeton virtuel «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The two PINs differ: no token was made.</source>
        <translation>Les deux codes PIN diffèrent&#xa0;: aucun jeton n&apos;a été créé.</translation>
    </message>
    <message>
        <source>No PIN given: no token was made.</source>
        <translation>Aucun code PIN donné&#xa0;: aucun jeton n&apos;a été créé.</translation>
    </message>
    <message>
        <source>Made the virtual token &quot;%1&quot; (serial %2): %3</source>
        <translation>Jeton virtuel «&#xa0;%1&#xa0;» créé (n° de série %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>delete removes the token with every key on it: give --yes in a script.</source>
        <translation>delete supprime le jeton avec toutes ses clés&#xa0;: donnez --yes dans un script.</translation>
    </message>
    <message>
        <source>This deletes &quot;%1&quot; (serial %2) and every key and certificate on it, for good.</source>
        <translation>Cette opération supprime «&#xa0;%1&#xa0;» (n° de série %2) et toutes ses clés et tous ses certificats, définitivement.</translation>
    </message>
    <message>
        <source>Type the token&apos;s label to delete it</source>
        <translation>Tapez le libellé du jeton pour le supprimer</translation>
    </message>
    <message>
        <source>Not deleted.</source>
        <translation>Non supprimé.</translation>
    </message>
    <message>
        <source>Deleted the virtual token &quot;%1&quot; (serial %2).</source>
        <translation>Jeton virtuel «&#xa0;%1&#xa0;» (n° de série %2) supprimé.</translation>
    </message>
    <message>
        <source>New PIN for &quot;%1&quot;</source>
        <translation>Nouveau code PIN de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The two PINs differ: the PIN was not changed.</source>
        <translation>Les deux codes PIN diffèrent&#xa0;: le code PIN n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>No PIN given: the PIN was not changed.</source>
        <translation>Aucun code PIN donné&#xa0;: le code PIN n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>The PIN of &quot;%1&quot; is set.</source>
        <translation>Le code PIN de «&#xa0;%1&#xa0;» est défini.</translation>
    </message>
</context>
<context>
    <name>WhoisCli</name>
    <message>
        <source>whois takes one pkcs11: URI, e.g. tokendesk whois &apos;pkcs11:token=PIV_II&apos;.</source>
        <translation>whois prend une seule URI pkcs11:, p. ex. tokendesk whois &apos;pkcs11:token=PIV_II&apos;.</translation>
    </message>
    <message numerus="yes">
        <source>The URI names %n tokens; name one card, e.g. with its serial=.</source>
        <translation>
            <numerusform>L&apos;URI désigne %n jeton&#xa0;; désignez une seule carte, p. ex. avec son serial=.</numerusform>
            <numerusform>L&apos;URI désigne %n jetons&#xa0;; désignez une seule carte, p. ex. avec son serial=.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Smart cards, tokens and certificates.</source>
        <translation>Cartes à puce, jetons et certificats.</translation>
    </message>
    <message>
        <source>Also load this PKCS#11 module (repeatable); TOKENDESK_MODULES does the same.</source>
        <translation>Charger aussi ce module PKCS#11 (option répétable)&#xa0;; TOKENDESK_MODULES fait de même.</translation>
    </message>
    <message>
        <source>tokendesk: unknown command &quot;%1&quot;.
</source>
        <translation>tokendesk&#xa0;: commande inconnue «&#xa0;%1&#xa0;».
</translation>
    </message>
    <message>
        <source>Load PKCS#11 modules into this process instead of one child process each.</source>
        <translation>Charger les modules PKCS#11 dans ce processus plutôt que chacun dans un processus enfant.</translation>
    </message>
</context>
<context>
    <name>tokendesk::AboutDialog</name>
    <message>
        <source>built with</source>
        <translation>à la compilation</translation>
    </message>
    <message>
        <source>package %1</source>
        <translation>paquet %1</translation>
    </message>
    <message>
        <source>About TokenDesk</source>
        <translation>À propos de TokenDesk</translation>
    </message>
    <message>
        <source>Smart cards, tokens and certificates on Linux.</source>
        <translation>Cartes à puce, jetons et certificats sous Linux.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
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
        <translation>Module PKCS#11 %1</translation>
    </message>
    <message>
        <source>%1 %2 (%3, PKCS#11 %4)</source>
        <translation>%1 %2 (%3, PKCS#11 %4)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the versions as text, for a bug report</source>
        <translation>Copier les versions en texte, pour un rapport de bogue</translation>
    </message>
</context>
<context>
    <name>tokendesk::AtrModel</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message numerus="yes">
        <source>%n historical byte(s)</source>
        <translation>
            <numerusform>%n octet historique</numerusform>
            <numerusform>%n octets historiques</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 follow; %2</source>
        <translation>%1 à suivre&#xa0;; %2</translation>
    </message>
    <message>
        <source>checksum correct</source>
        <translation>somme de contrôle correcte</translation>
    </message>
    <message>
        <source>checksum WRONG</source>
        <translation>somme de contrôle FAUSSE</translation>
    </message>
    <message>
        <source>Historical bytes</source>
        <translation>Octets historiques</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>Status indicator</source>
        <translation>Indicateur d&apos;état</translation>
    </message>
    <message>
        <source>DIR data reference</source>
        <translation>Référence de données DIR</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>tokendesk::BrowserProxyCommand</name>
    <message>
        <source>Register for browsers</source>
        <translation>Inscrire pour les navigateurs</translation>
    </message>
    <message>
        <source>Unregister from browsers</source>
        <translation>Désinscrire des navigateurs</translation>
    </message>
    <message>
        <source>%1 now sees the virtual tokens.</source>
        <translation>%1 voit maintenant les jetons virtuels.</translation>
    </message>
    <message>
        <source>%1 no longer sees the virtual tokens.</source>
        <translation>%1 ne voit plus les jetons virtuels.</translation>
    </message>
</context>
<context>
    <name>tokendesk::CardPage</name>
    <message>
        <source>Reader:</source>
        <translation>Lecteur&#xa0;:</translation>
    </message>
    <message>
        <source>Card type:</source>
        <translation>Type de carte&#xa0;:</translation>
    </message>
    <message>
        <source>ATR:</source>
        <translation>ATR&#xa0;:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <comment>the transmission protocol the card talks</comment>
        <translation>Protocole&#xa0;:</translation>
    </message>
    <message>
        <source>Not in the list of known cards</source>
        <translation>Absente de la liste des cartes connues</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>ATR analysis</source>
        <translation>Analyse de l&apos;ATR</translation>
    </message>
    <message>
        <source>Each byte of the card&apos;s answer to reset, what it means, and any error</source>
        <translation>Chaque octet de la réponse de la carte à la réinitialisation, sa signification et les erreurs éventuelles</translation>
    </message>
    <message>
        <source>&amp;ATR analysis (ISO 7816-3):</source>
        <translation>Analyse de l&apos;&amp;ATR (ISO 7816-3)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificateDetailsModel</name>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Serial Number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Signature Algorithm</source>
        <translation>Algorithme de signature</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Not Before</source>
        <translation>Pas avant</translation>
    </message>
    <message>
        <source>Not After</source>
        <translation>Pas après</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Subject Public Key Info</source>
        <translation>Informations sur la clé publique du sujet</translation>
    </message>
    <message>
        <source>Public Key Algorithm</source>
        <translation>Algorithme de la clé publique</translation>
    </message>
    <message>
        <source>Key size</source>
        <translation>Taille de la clé</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 bits</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Courbe</translation>
    </message>
    <message>
        <source>Public key SHA-1</source>
        <translation>SHA-1 de la clé publique</translation>
    </message>
    <message>
        <source>SubjectPublicKeyInfo SHA-256</source>
        <translation>SHA-256 de SubjectPublicKeyInfo</translation>
    </message>
    <message>
        <source>X509v3 extensions</source>
        <translation>Extensions X509v3</translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation>%1 (critique)</translation>
    </message>
    <message>
        <source>OID</source>
        <translation>OID</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Empreintes</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificateFileDialog</name>
    <message>
        <source>Certificate file %1</source>
        <translation>Fichier de certificat %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: the first of %n certificates in this file.</source>
        <translation>
            <numerusform>%1&#xa0;: le premier des %n certificat de ce fichier.</numerusform>
            <numerusform>%1&#xa0;: le premier des %n certificats de ce fichier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::CertificatePage</name>
    <message>
        <source>Issued to:</source>
        <translation>Délivré à&#xa0;:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Délivré par&#xa0;:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Validité&#xa0;:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé&#xa0;:</translation>
    </message>
    <message>
        <source>Key usage:</source>
        <translation>Utilisation de la clé&#xa0;:</translation>
    </message>
    <message>
        <source>Extended key usage:</source>
        <translation>Utilisation étendue&#xa0;:</translation>
    </message>
    <message>
        <source>Alternative names:</source>
        <translation>Noms alternatifs&#xa0;:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Numéro de série&#xa0;:</translation>
    </message>
    <message>
        <source>Public key hash:</source>
        <translation>Hachage de la clé&#xa0;:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI&#xa0;:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clé privée&#xa0;:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (n° de série %2)</translation>
    </message>
    <message>
        <source>The certificate cannot be read.</source>
        <translation>Le certificat est illisible.</translation>
    </message>
    <message>
        <source>The chain cannot be built for a certificate that cannot be read.</source>
        <translation>La chaîne ne peut pas être construite pour un certificat illisible.</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>not restricted</source>
        <translation>sans restriction</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Vérification de la chaîne…</translation>
    </message>
    <message>
        <source>OpenSSL: %1 (at depth %2)</source>
        <translation>OpenSSL&#xa0;: %1 (à la profondeur %2)</translation>
    </message>
    <message>
        <source>Certificate views</source>
        <translation>Vues du certificat</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>Certificate fields</source>
        <translation>Champs du certificat</translation>
    </message>
    <message>
        <source>Every field and extension of the certificate</source>
        <translation>Tous les champs et extensions du certificat</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Chaîne de certification</translation>
    </message>
    <message>
        <source>The certificate, then each issuer up to the root, with its validity</source>
        <translation>Le certificat, puis chaque émetteur jusqu&apos;à la racine, avec sa validité</translation>
    </message>
    <message>
        <source>Ch&amp;ain</source>
        <translation>Ch&amp;aîne</translation>
    </message>
</context>
<context>
    <name>tokendesk::ChangePinCommand</name>
    <message>
        <source>Change PIN</source>
        <translation>Modifier le code PIN</translation>
    </message>
    <message>
        <source>Change PUK / SO PIN</source>
        <translation>Modifier le PUK / PIN administrateur</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>Débloquer le code PIN</translation>
    </message>
</context>
<context>
    <name>tokendesk::CheckCardCommand</name>
    <message>
        <source>Check this card</source>
        <translation>Vérifier cette carte</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>tokendesk::CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
</context>
<context>
    <name>tokendesk::DeleteVirtualTokenCommand</name>
    <message>
        <source>Delete Virtual Token</source>
        <translation>Supprimer le jeton virtuel</translation>
    </message>
    <message>
        <source>Delete the virtual token “%1” (serial %2)?</source>
        <translation>Supprimer le jeton virtuel «&#xa0;%1&#xa0;» (n° de série %2)&#xa0;?</translation>
    </message>
    <message>
        <source>Every key and certificate on it goes, for good: programs that sign or log in with them will no longer be able to. There is no undo.</source>
        <translation>Toutes ses clés et tous ses certificats disparaissent définitivement&#xa0;: les programmes qui signent ou se connectent avec eux ne le pourront plus. Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>&amp;Delete Token</source>
        <translation>&amp;Supprimer le jeton</translation>
    </message>
    <message>
        <source>Deleted the virtual token “%1” (serial %2) and everything on it.</source>
        <translation>Jeton virtuel «&#xa0;%1&#xa0;» (n° de série %2) supprimé, avec tout son contenu.</translation>
    </message>
</context>
<context>
    <name>tokendesk::DialogPinPrompter</name>
    <message>
        <source>Final try</source>
        <translation>Dernier essai</translation>
    </message>
    <message>
        <source>One more wrong PIN locks %1 (serial %2). Enter it on the reader anyway?</source>
        <translation>Un code PIN erroné de plus bloque %1 (n° de série %2). Le saisir quand même sur le lecteur&#xa0;?</translation>
    </message>
</context>
<context>
    <name>tokendesk::DirectoryActions</name>
    <message>
        <source>The keyring did not answer as asked (%1): the directory&apos;s password is known only until TokenDesk quits.</source>
        <translation>Le trousseau n&apos;a pas répondu comme prévu (%1)&#xa0;: le mot de passe de l&apos;annuaire ne sera connu que jusqu&apos;à la fermeture de TokenDesk.</translation>
    </message>
    <message>
        <source>&amp;Directory…</source>
        <translation>&amp;Annuaire…</translation>
    </message>
    <message>
        <source>The LDAP directory that pairing writes to, and how to bind to it</source>
        <translation>L&apos;annuaire LDAP dans lequel les associations sont écrites, et comment s&apos;y lier</translation>
    </message>
    <message>
        <source>&amp;Stop loading pairings</source>
        <translation>Arrêter le &amp;chargement des associations</translation>
    </message>
    <message>
        <source>Stop reading the directory; the pairings read so far stay listed</source>
        <translation>Arrêter la lecture de l&apos;annuaire&#xa0;; les associations déjà lues restent affichées</translation>
    </message>
    <message>
        <source>Enter the password of %1 to read the pairings of %2.</source>
        <translation>Saisissez le mot de passe de %1 pour lire les associations de %2.</translation>
    </message>
    <message numerus="yes">
        <source>Reading the directory… %n pairing(s) so far</source>
        <translation>
            <numerusform>Lecture de l&apos;annuaire… %n association jusqu&apos;ici</numerusform>
            <numerusform>Lecture de l&apos;annuaire… %n associations jusqu&apos;ici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n pairing(s) listed, not the whole directory.</source>
        <translation>
            <numerusform>Arrêté&#xa0;: %n association affichée, pas tout l&apos;annuaire.</numerusform>
            <numerusform>Arrêté&#xa0;: %n associations affichées, pas tout l&apos;annuaire.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::DirectorySettingsDialog</name>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Pair cards in an LDAP directory that SSSD reads: each certificate goes to its account&apos;s entry. With a directory set, the Pairings list and Pair and Unpair use it.</source>
        <translation>Associer des cartes dans un annuaire LDAP que lit SSSD&#xa0;: chaque certificat va dans l&apos;entrée de son compte. Lorsqu&apos;un annuaire est défini, la liste des associations ainsi qu&apos;Associer et Dissocier l&apos;utilisent.</translation>
    </message>
    <message>
        <source>Directory URL</source>
        <translation>URL de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>DN de liaison</translation>
    </message>
    <message>
        <source>empty: anonymous</source>
        <translation>vide&#xa0;: liaison anonyme</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>Mot de passe de liaison</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Mémoriser le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <source>Remember the password in the keyring</source>
        <translation>Mémoriser le mot de passe dans le trousseau</translation>
    </message>
    <message>
        <source>Kept in the desktop&apos;s Secret Service (GNOME Keyring, KWallet), never in a file. Unticked: asked once per session.</source>
        <translation>Conservé dans le Secret Service du bureau (GNOME Keyring, KWallet), jamais dans un fichier. Décoché&#xa0;: demandé une fois par session.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier d&apos;AC</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted CAs</source>
        <translation>vide&#xa0;: les AC de confiance du système</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>Browse for the CA file</source>
        <translation>Choisir le fichier d&apos;AC</translation>
    </message>
    <message>
        <source>Use Start&amp;TLS (for ldap:// URLs; ldaps:// is always TLS)</source>
        <translation>Utiliser Start&amp;TLS (pour les URL ldap://&#xa0;; ldaps:// est toujours en TLS)</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>Utiliser StartTLS</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtre utilisateur</translation>
    </message>
    <message>
        <source>%s is the login</source>
        <translation>%s est le nom de connexion</translation>
    </message>
    <message>
        <source>Certificate attribute</source>
        <translation>Attribut de certificat</translation>
    </message>
    <message>
        <source>Time-out in seconds</source>
        <translation>Délai d&apos;attente en secondes</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>SSSD configuration</source>
        <translation>Configuration SSSD</translation>
    </message>
    <message>
        <source>Directory &amp;URL:</source>
        <translation>&amp;URL de l&apos;annuaire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bind DN:</source>
        <translation>&amp;DN de liaison&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>Fichier d&apos;&amp;AC&#xa0;:</translation>
    </message>
    <message>
        <source>User &amp;filter:</source>
        <translation>&amp;Filtre utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Certificate attribute:</source>
        <translation>Attribut de &amp;certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Ti&amp;me-out:</source>
        <translation>Dé&amp;lai d&apos;attente&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;SSSD configuration:</source>
        <translation>Configuration &amp;SSSD&#xa0;:</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Tester la co&amp;nnexion</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>Enregistrer les paramètres de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter an ldap:// or ldaps:// URL with the server and the search base, e.g. ldaps://dir.example.com/ou=people,dc=example,dc=com.</source>
        <translation>Saisissez une URL ldap:// ou ldaps:// avec le serveur et la base de recherche, p. ex. ldaps://dir.example.com/ou=people,dc=example,dc=com.</translation>
    </message>
    <message>
        <source>none: an anonymous bind</source>
        <translation>aucun&#xa0;: liaison anonyme</translation>
    </message>
    <message>
        <source>known (type to change it)</source>
        <translation>connu (tapez pour le changer)</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test arrêté.</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>A&amp;rrêter le test</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>anonymously</source>
        <translation>de façon anonyme</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>en tant que %1</translation>
    </message>
    <message>
        <source>Connected to %1 %2, but nothing can be read below %3: check the search base and what this bind DN may read.</source>
        <translation>Connecté à %1 %2, mais rien ne peut être lu sous %3&#xa0;: vérifiez la base de recherche et ce que ce DN de liaison a le droit de lire.</translation>
    </message>
    <message>
        <source>Connected to %1 %2; the search base %3 can be read.</source>
        <translation>Connecté à %1 %2&#xa0;; la base de recherche %3 est lisible.</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>Certificats d&apos;AC (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>sssd.conf with the certificate mapping rules, for “Check this card”</source>
        <translation>sssd.conf avec les règles de correspondance de certificats, pour «&#xa0;Vérifier cette carte&#xa0;»</translation>
    </message>
</context>
<context>
    <name>tokendesk::ExportCertificateCommand</name>
    <message>
        <source>Select a certificate first.</source>
        <translation>Sélectionnez d&apos;abord un certificat.</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Exporter le certificat</translation>
    </message>
    <message>
        <source>PEM certificate (*.pem *.crt)</source>
        <translation>Certificat PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>DER certificate (*.der *.cer)</source>
        <translation>Certificat DER (*.der *.cer)</translation>
    </message>
    <message>
        <source>Certificate written to %1.</source>
        <translation>Certificat écrit dans %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::HelpActions</name>
    <message>
        <source>&amp;Guides</source>
        <translation>&amp;Guides</translation>
    </message>
    <message>
        <source>&amp;Inspect a card</source>
        <translation>&amp;Examiner une carte</translation>
    </message>
    <message>
        <source>&amp;Change or unblock a PIN</source>
        <translation>&amp;Changer ou débloquer un code PIN</translation>
    </message>
    <message>
        <source>&amp;Pair an account</source>
        <translation>&amp;Associer un compte</translation>
    </message>
    <message>
        <source>I&amp;mport a .p12</source>
        <translation>I&amp;mporter un .p12</translation>
    </message>
    <message>
        <source>&amp;Report for the helpdesk…</source>
        <translation>&amp;Rapport pour le support…</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk</source>
        <translation>À &amp;propos de TokenDesk</translation>
    </message>
</context>
<context>
    <name>tokendesk::IdentitiesModel</name>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>tokendesk::ImportP12Actions</name>
    <message>
        <source>&amp;Import .p12…</source>
        <translation>&amp;Importer un .p12…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file (.p12, .pfx) into a virtual token</source>
        <translation>Importer un fichier PKCS#12 (.p12, .pfx) dans un jeton virtuel</translation>
    </message>
</context>
<context>
    <name>tokendesk::ImportP12Wizard</name>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>Importer un fichier PKCS#12</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>tokendesk::InfoPage</name>
    <message>
        <source>1 smart card reader connected.</source>
        <translation>1 lecteur de cartes à puce connecté.</translation>
    </message>
    <message numerus="yes">
        <source>%n smart card readers connected.</source>
        <translation>
            <numerusform>%n lecteur de cartes à puce connecté.</numerusform>
            <numerusform>%n lecteurs de cartes à puce connectés.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PKCS#11 token found.
Insert a smart card, or add a module with --module.</source>
        <translation>Aucun jeton PKCS#11 trouvé.
Insérez une carte à puce, ou ajoutez un module avec --module.</translation>
    </message>
    <message>
        <source>1 token, grouped by PKCS#11 module.</source>
        <translation>1 jeton, regroupé par module PKCS#11.</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens, grouped by PKCS#11 module.</source>
        <translation>
            <numerusform>%n jeton, regroupé par module PKCS#11.</numerusform>
            <numerusform>%n jetons, regroupés par module PKCS#11.</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificates with a private key beside them, on every token.</source>
        <translation>Les certificats accompagnés d&apos;une clé privée, sur tous les jetons.</translation>
    </message>
    <message>
        <source>Which certificate logs in as which account, in every store pam_pkcs11 reads (or the stores set in the settings) and in the LDAP directory of Settings ▸ Directory…
To add one, select an identity of a card and choose Pair; a pairing&apos;s page has Unpair.</source>
        <translation>Quel certificat se connecte en tant que quel compte, dans chaque magasin que lit pam_pkcs11 (ou les magasins définis dans les paramètres) et dans l&apos;annuaire LDAP de Paramètres ▸ Annuaire…
Pour en ajouter une, sélectionnez une identité d&apos;une carte et choisissez Associer&#xa0;; la page d&apos;une association propose Dissocier.</translation>
    </message>
    <message>
        <source>Virtual tokens are SoftHSM2 tokens of your own, which browsers, GnuTLS and OpenSSL programs and SSH can use like a smart card.
Make one with Token ▸ New Virtual Token…, or import a .p12 file into one with File ▸ Import .p12… (or drop the file on this window).</source>
        <translation>Les jetons virtuels sont des jetons SoftHSM2 bien à vous, que les navigateurs, les programmes GnuTLS et OpenSSL et SSH peuvent utiliser comme une carte à puce.
Créez-en un avec Jeton ▸ Nouveau jeton virtuel…, ou importez-y un fichier .p12 avec Fichier ▸ Importer un .p12… (ou déposez le fichier sur cette fenêtre).</translation>
    </message>
</context>
<context>
    <name>tokendesk::KeyboardActions</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Search readers, tokens, certificates and pairings</source>
        <translation>Rechercher dans les lecteurs, jetons, certificats et associations</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the selection&apos;s URI (a pairing: its SHA-256 fingerprint; a card: its ATR)</source>
        <translation>Copier l&apos;URI de la sélection (une association&#xa0;: son empreinte SHA-256&#xa0;; une carte&#xa0;: son ATR)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Read the tokens and the pairings again</source>
        <translation>Relire les jetons et les associations</translation>
    </message>
    <message>
        <source>Reading the tokens and pairings again…</source>
        <translation>Relecture des jetons et des associations…</translation>
    </message>
    <message>
        <source>Fingerprint copied.</source>
        <translation>Empreinte copiée.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copié.</translation>
    </message>
    <message>
        <source>URI copied.</source>
        <translation>URI copiée.</translation>
    </message>
</context>
<context>
    <name>tokendesk::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>Applies when TokenDesk starts again</source>
        <translation>S&apos;applique au prochain démarrage de TokenDesk</translation>
    </message>
</context>
<context>
    <name>tokendesk::MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Certificat</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Jeton</translation>
    </message>
    <message>
        <source>&amp;Pairing</source>
        <translation>A&amp;ssociation</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
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
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Notify when a card is inserted or removed</source>
        <translation>&amp;Notifier l&apos;insertion ou le retrait d&apos;une carte</translation>
    </message>
    <message>
        <source>Show &amp;trust stores</source>
        <translation>Afficher les &amp;magasins de confiance</translation>
    </message>
    <message>
        <source>Show the tokens of trust stores and keyrings, such as p11-kit&apos;s System Trust</source>
        <translation>Afficher les jetons des magasins de confiance et des trousseaux, comme System Trust de p11-kit</translation>
    </message>
    <message>
        <source>&amp;Export certificate…</source>
        <translation>&amp;Exporter le certificat…</translation>
    </message>
    <message>
        <source>Copy &amp;URI</source>
        <translation>Copier l&apos;&amp;URI</translation>
    </message>
    <message>
        <source>&amp;Test identity…</source>
        <translation>&amp;Tester l&apos;identité…</translation>
    </message>
    <message>
        <source>Sign a random challenge with the token&apos;s key and check it</source>
        <translation>Signer un défi aléatoire avec la clé du jeton et vérifier la signature</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>Modifier le code &amp;PIN…</translation>
    </message>
    <message>
        <source>&amp;Unblock PIN…</source>
        <translation>&amp;Débloquer le code PIN…</translation>
    </message>
    <message>
        <source>Reading tokens…</source>
        <translation>Lecture des jetons…</translation>
    </message>
    <message>
        <source>Change PU&amp;K / SO PIN…</source>
        <translation>Changer le PU&amp;K / SO PIN…</translation>
    </message>
</context>
<context>
    <name>tokendesk::ModuleActions</name>
    <message>
        <source>Run each PKCS#11 module in a &amp;separate process</source>
        <translation>Exécuter chaque module PKCS#11 dans un processus &amp;séparé</translation>
    </message>
    <message>
        <source>A module that crashes or hangs then cannot take TokenDesk with it. Takes effect when TokenDesk starts again.</source>
        <translation>Un module qui plante ou se bloque ne peut alors pas entraîner TokenDesk avec lui. Prend effet au prochain démarrage de TokenDesk.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ModulePage</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Start the module&apos;s process again and read its tokens</source>
        <translation>Redémarrer le processus du module et lire ses jetons</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Runs in a process of its own: if it crashes or hangs, TokenDesk stays up.</source>
        <translation>S&apos;exécute dans son propre processus : s&apos;il plante ou se bloque, TokenDesk continue.</translation>
    </message>
    <message>
        <source>Runs inside TokenDesk.</source>
        <translation>S&apos;exécute dans TokenDesk.</translation>
    </message>
</context>
<context>
    <name>tokendesk::NavigationModel</name>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>Virtual tokens</source>
        <translation>Jetons virtuels</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>tokendesk::NavigationPane</name>
    <message>
        <source>Search: subject, issuer, serial, fingerprint, URI</source>
        <translation>Rechercher&#xa0;: sujet, émetteur, n° de série, empreinte, URI</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Filters the readers, tokens, identities and pairings below by subject, issuer, serial number, fingerprint or URI</source>
        <translation>Filtre les lecteurs, jetons, identités et associations ci-dessous par sujet, émetteur, numéro de série, empreinte ou URI</translation>
    </message>
    <message>
        <source>Readers, tokens, identities and pairings</source>
        <translation>Lecteurs, jetons, identités et associations</translation>
    </message>
    <message>
        <source>Select an item to see its details on the right; its actions are in the menus and in the context menu</source>
        <translation>Sélectionnez un élément pour voir ses détails à droite&#xa0;; ses actions sont dans les menus et dans le menu contextuel</translation>
    </message>
</context>
<context>
    <name>tokendesk::NewVirtualTokenCommand</name>
    <message>
        <source>New Virtual Token</source>
        <translation>Nouveau jeton virtuel</translation>
    </message>
    <message>
        <source>Made the virtual token “%1” (serial %2).</source>
        <translation>Jeton virtuel «&#xa0;%1&#xa0;» créé (n° de série %2).</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairCommand</name>
    <message>
        <source>Pair</source>
        <comment>Pair the verb</comment>
        <translation>Associer</translation>
    </message>
    <message>
        <source>pam_pkcs11&apos;s configuration names no mapper TokenDesk can write (digest, subject, opensc, openssh): set the pairing stores in the settings.</source>
        <translation>La configuration de pam_pkcs11 ne nomme aucun mapper dans lequel TokenDesk sait écrire (digest, subject, opensc, openssh)&#xa0;: définissez les magasins d&apos;associations dans les paramètres.</translation>
    </message>
    <message>
        <source>Paired %1 with “%2” in %3.</source>
        <translation>%1 associé à «&#xa0;%2&#xa0;» dans %3.</translation>
    </message>
    <message>
        <source>Already paired: %1 with “%2” in %3; nothing changed.</source>
        <translation>Déjà associé&#xa0;: %1 à «&#xa0;%2&#xa0;» dans %3&#xa0;; rien n&apos;a changé.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairDialog</name>
    <message>
        <source>Pair with an account</source>
        <comment>Pair the verb</comment>
        <translation>Associer à un compte</translation>
    </message>
    <message>
        <source>Pair the certificate &lt;b&gt;%1&lt;/b&gt; with an account, so that its card logs in as that account.</source>
        <translation>Associer le certificat &lt;b&gt;%1&lt;/b&gt; à un compte, pour que sa carte se connecte en tant que ce compte.</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>nom de connexion</translation>
    </message>
    <message>
        <source>%1 (%2 mapper)</source>
        <translation>%1 (mapper %2)</translation>
    </message>
    <message>
        <source>“%1” in %2</source>
        <translation>«&#xa0;%1&#xa0;» dans %2</translation>
    </message>
    <message>
        <source>Already paired with %1.</source>
        <translation>Déjà associé à %1.</translation>
    </message>
    <message>
        <source>This certificate may not work for logging in:</source>
        <translation>Ce certificat risque de ne pas fonctionner pour la connexion&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Associer</translation>
    </message>
    <message>
        <source>No local account “%1”: fine for a directory account, else check the spelling.</source>
        <translation>Pas de compte local «&#xa0;%1&#xa0;»&#xa0;: normal pour un compte de l&apos;annuaire, sinon vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <source>Enter the login to pair with.</source>
        <translation>Saisissez l&apos;identifiant à associer.</translation>
    </message>
    <message>
        <source>No store to write: configure pam_pkcs11 or the pairing stores.</source>
        <translation>Aucun magasin où écrire&#xa0;: configurez pam_pkcs11 ou les magasins d&apos;associations.</translation>
    </message>
    <message>
        <source>Tick “Pair anyway” to pair a certificate that may not work for logging in.</source>
        <translation>Cochez «&#xa0;Associer quand même&#xa0;» pour associer un certificat qui risque de ne pas fonctionner pour la connexion.</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Magasin&#xa0;:</translation>
    </message>
    <message>
        <source>Pair &amp;anyway, knowing it may not work</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Associer quand même, en sachant que cela peut ne pas fonctionner</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingActions</name>
    <message>
        <source>&amp;Pair with account…</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Associer à un compte…</translation>
    </message>
    <message>
        <source>Pair this certificate with an account, so that its card logs in as it</source>
        <translation>Associer ce certificat à un compte, pour que sa carte se connecte en tant que ce compte</translation>
    </message>
    <message>
        <source>&amp;Unpair…</source>
        <translation>&amp;Dissocier…</translation>
    </message>
    <message>
        <source>C&amp;heck this card</source>
        <translation>&amp;Vérifier cette carte</translation>
    </message>
    <message>
        <source>Who logs in with this card, by pam_pkcs11&apos;s rules</source>
        <translation>Qui se connecte avec cette carte, selon les règles de pam_pkcs11</translation>
    </message>
    <message>
        <source>Offer to &amp;pair a card nobody is paired with</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Proposer d&apos;associer une carte qui n&apos;est associée à personne</translation>
    </message>
    <message>
        <source>%1 is still running: finish it first.</source>
        <translation>Une opération est encore en cours («&#xa0;%1&#xa0;»)&#xa0;: terminez-la d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingModel</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>card present</source>
        <translation>carte présente</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>expire dans %n jour</numerusform>
            <numerusform>expire dans %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPage</name>
    <message>
        <source>&amp;Unpair…</source>
        <translation>&amp;Dissocier…</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Magasin&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <comment>the line of the mapping file</comment>
        <translation>Entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificat&#xa0;:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Fin de validité&#xa0;:</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Carte&#xa0;:</translation>
    </message>
    <message>
        <source>Pairing of “%1”</source>
        <translation>Association de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Annuaire&#xa0;:</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>unknown until its card is present</source>
        <translation>inconnu tant que sa carte n&apos;est pas présente</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>present: its card is in a reader</source>
        <translation>présente&#xa0;: sa carte est dans un lecteur</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>This is the only certificate paired with “%1” and it expires on %2: pair its successor before then, or the account cannot log in with a card.</source>
        <translation>C&apos;est le seul certificat associé à «&#xa0;%1&#xa0;» et il expire le %2&#xa0;: associez son successeur avant cette date, sinon le compte ne pourra plus se connecter avec une carte.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPrompt</name>
    <message>
        <source>This card now logs you in: paired with “%1” in %2.</source>
        <translation>Cette carte vous connecte désormais&#xa0;: associée à «&#xa0;%1&#xa0;» dans %2.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PairingPromptDialog</name>
    <message>
        <source>Pair this card?</source>
        <comment>Pair the verb</comment>
        <translation>Associer cette carte&#xa0;?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The card “%1” is not paired with any account.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Pair its login certificate &lt;i&gt;%2&lt;/i&gt; with your account “%3”, so that you can log in with this card?&lt;/p&gt;&lt;p&gt;The pairing is written to %4.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;La carte «&#xa0;%1&#xa0;» n&apos;est associée à aucun compte.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Associer son certificat de connexion &lt;i&gt;%2&lt;/i&gt; à votre compte «&#xa0;%3&#xa0;», pour pouvoir vous connecter avec cette carte&#xa0;?&lt;/p&gt;&lt;p&gt;L&apos;association sera écrite dans %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again for this card</source>
        <translation>Ne plus &amp;demander pour cette carte</translation>
    </message>
    <message>
        <source>&amp;Pair</source>
        <comment>Pair the verb</comment>
        <translation>&amp;Associer</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinChangeDialog</name>
    <message>
        <source>%1 (serial %2)</source>
        <translation>%1 (n° de série %2)</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Modifier le code PIN</translation>
    </message>
    <message>
        <source>Change PUK</source>
        <translation>Modifier le PUK</translation>
    </message>
    <message>
        <source>Change SO PIN</source>
        <translation>Modifier le PIN administrateur</translation>
    </message>
    <message>
        <source>Unblock PIN</source>
        <translation>Débloquer le code PIN</translation>
    </message>
    <message>
        <source>The PUK (PIN Unblocking Key) is a second, longer secret that came with the card. It sets a new PIN when the PIN is locked. If the PUK is entered wrongly too often, it locks as well, and only the card&apos;s issuer can reset or replace the card.</source>
        <translation>Le PUK (PIN Unblocking Key, clé de déblocage du code PIN) est un second secret, plus long, fourni avec la carte. Il permet de définir un nouveau code PIN quand le code PIN est bloqué. Si le PUK est saisi de façon erronée trop souvent, il se bloque lui aussi, et seul l&apos;émetteur de la carte peut alors la réinitialiser ou la remplacer.</translation>
    </message>
    <message>
        <source>The SO PIN (Security Officer PIN) is the token&apos;s administrator secret. It sets a new PIN when the PIN is locked. If it is entered wrongly too often, it may lock as well.</source>
        <translation>Le PIN administrateur (SO PIN, Security Officer PIN) est le secret d&apos;administration du jeton. Il permet de définir un nouveau code PIN quand le code PIN est bloqué. S&apos;il est saisi de façon erronée trop souvent, il peut se bloquer lui aussi.</translation>
    </message>
    <message>
        <source>Change the PIN of %1. You need the current PIN.</source>
        <translation>Modifier le code PIN de %1. Le code PIN actuel est nécessaire.</translation>
    </message>
    <message>
        <source>Change the %1 of %2. You need the current one.</source>
        <translation>Modifier le %1 de %2. Le %1 actuel est nécessaire.</translation>
    </message>
    <message>
        <source>Set a new PIN for %1 with the %2. This also unblocks a locked PIN.</source>
        <translation>Définir un nouveau code PIN pour %1 avec le %2. Cela débloque aussi un code PIN bloqué.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The PIN is locked. Use Unblock PIN with the %1.</source>
        <translation>Le code PIN est bloqué. Utilisez «&#xa0;Débloquer le code PIN&#xa0;» avec le %1.</translation>
    </message>
    <message>
        <source>PUK</source>
        <translation>PUK</translation>
    </message>
    <message>
        <source>SO PIN</source>
        <translation>PIN administrateur</translation>
    </message>
    <message>
        <source>The %1 is locked. The card must be reset or replaced by its issuer.</source>
        <translation>Le %1 est bloqué. La carte doit être réinitialisée ou remplacée par son émetteur.</translation>
    </message>
    <message>
        <source>Enter the %1, then the new %2 twice, on the reader&apos;s keypad after you press OK.</source>
        <translation>Saisissez le %1, puis deux fois le nouveau %2, sur le clavier du lecteur après avoir appuyé sur OK.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>de %1 à %2 caractères</translation>
    </message>
    <message>
        <source>digits only</source>
        <translation>chiffres uniquement</translation>
    </message>
    <message>
        <source>The new %1 needs %2.</source>
        <translation>Le nouveau %1 doit comporter %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Enter the current %1.</source>
        <translation>Saisissez le %1 actuel.</translation>
    </message>
    <message>
        <source>Enter the new %1.</source>
        <translation>Saisissez le nouveau %1.</translation>
    </message>
    <message>
        <source>The new %1 must be digits only.</source>
        <translation>Le nouveau %1 ne doit contenir que des chiffres.</translation>
    </message>
    <message>
        <source>The new %1 is too short.</source>
        <translation>Le nouveau %1 est trop court.</translation>
    </message>
    <message>
        <source>The new %1 is too long.</source>
        <translation>Le nouveau %1 est trop long.</translation>
    </message>
    <message>
        <source>The two new entries differ.</source>
        <translation>Les deux nouvelles saisies diffèrent.</translation>
    </message>
    <message>
        <source>The new %1 is the same as the current one.</source>
        <translation>Le nouveau %1 est identique à l&apos;actuel.</translation>
    </message>
    <message>
        <source>Tick the box: this is the last try before the %1 locks.</source>
        <translation>Cochez la case&#xa0;: c&apos;est le dernier essai avant que le %1 ne se bloque.</translation>
    </message>
    <message numerus="yes">
        <source>exactly %n character(s)</source>
        <translation>
            <numerusform>exactement %n caractère</numerusform>
            <numerusform>exactement %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>I &amp;understand: if the %1 I enter on the reader is wrong, it locks now.</source>
        <translation>Je &amp;comprends&#xa0;: si le %1 que je saisis sur le lecteur est faux, il se bloque maintenant.</translation>
    </message>
    <message>
        <source>&amp;Current %1:</source>
        <translation>%1 a&amp;ctuel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New %1:</source>
        <translation>&amp;Nouveau %1&#xa0;:</translation>
    </message>
    <message>
        <source>New %1 &amp;again:</source>
        <translation>Nouveau %1, à n&amp;ouveau&#xa0;:</translation>
    </message>
    <message>
        <source>I &amp;understand: if this %1 is wrong, it locks now.</source>
        <translation>Je &amp;comprends&#xa0;: si ce %1 est faux, il se bloque maintenant.</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinDialog</name>
    <message>
        <source>Enter your PIN on the reader</source>
        <translation>Saisissez votre code PIN sur le lecteur</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 pour %2</translation>
    </message>
    <message>
        <source>Token: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Jeton&#xa0;: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Token: &lt;b&gt;%1&lt;/b&gt; (serial %2)</source>
        <translation>Jeton&#xa0;: &lt;b&gt;%1&lt;/b&gt; (n° de série %2)</translation>
    </message>
    <message>
        <source>TokenDesk will sign a random challenge with the key on the token to test it.</source>
        <translation>TokenDesk va signer un défi aléatoire avec la clé du jeton pour la tester.</translation>
    </message>
    <message>
        <source>TokenDesk will sign a random challenge with the key of %1 to test it.</source>
        <translation>TokenDesk va signer un défi aléatoire avec la clé de %1 pour la tester.</translation>
    </message>
    <message>
        <source>Log in to see the token&apos;s private objects.</source>
        <translation>Connectez-vous pour voir les objets privés du jeton.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The PIN was wrong. Try again.</source>
        <comment>the noun</comment>
        <translation>Le code PIN était erroné. Réessayez.</translation>
    </message>
    <message>
        <source>Enter your PIN on the reader.</source>
        <translation>Saisissez votre code PIN sur le lecteur.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the last try.&lt;/b&gt; If this PIN is wrong, the card locks and only the PUK (or your administrator) can unblock it.</source>
        <translation>&lt;b&gt;C&apos;est le dernier essai.&lt;/b&gt; Si ce code PIN est erroné, la carte se bloque et seul le PUK (ou votre administrateur) peut la débloquer.</translation>
    </message>
    <message>
        <source>PIN</source>
        <comment>the noun</comment>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>PUK</source>
        <comment>the noun</comment>
        <translation>PUK</translation>
    </message>
    <message>
        <source>New PIN</source>
        <comment>the noun</comment>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>New PUK</source>
        <comment>the noun</comment>
        <translation>Nouveau PUK</translation>
    </message>
    <message>
        <source>Type the %1.</source>
        <translation>Remplissez le champ «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>The %1 has at least %n characters.</source>
        <translation>
            <numerusform>Le champ «&#xa0;%1&#xa0;» demande au moins %n caractère.</numerusform>
            <numerusform>Le champ «&#xa0;%1&#xa0;» demande au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the box to confirm the last try.</source>
        <translation>Cochez la case pour confirmer le dernier essai.</translation>
    </message>
    <message>
        <source>I &amp;understand the card locks if this PIN is wrong</source>
        <translation>Je &amp;comprends que la carte se bloque si ce code PIN est faux</translation>
    </message>
</context>
<context>
    <name>tokendesk::PinFlow</name>
    <message>
        <source>The PIN is locked. Set a new PIN with the %1 to unblock it.</source>
        <translation>Le code PIN est bloqué. Définissez un nouveau code PIN avec le %1 pour le débloquer.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>Le code PIN a été modifié.</translation>
    </message>
    <message>
        <source>The %1 was changed.</source>
        <translation>Le %1 a été modifié.</translation>
    </message>
    <message>
        <source>The PIN was set and unblocked.</source>
        <translation>Le code PIN a été défini et débloqué.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReaderModel</name>
    <message>
        <source>Unknown card</source>
        <translation>Carte inconnue</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisée</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Card</source>
        <comment>state of the card in a reader</comment>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Card type</source>
        <translation>Type de carte</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>Pas de carte</translation>
    </message>
    <message>
        <source>Card in use</source>
        <translation>Carte utilisée</translation>
    </message>
    <message>
        <source>Card present</source>
        <translation>Carte présente</translation>
    </message>
    <message>
        <source>Card does not answer</source>
        <translation>La carte ne répond pas</translation>
    </message>
    <message>
        <source>Reader unavailable</source>
        <translation>Lecteur indisponible</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReaderPage</name>
    <message>
        <source>Card:</source>
        <comment>state of the card in a reader</comment>
        <translation>Carte&#xa0;:</translation>
    </message>
    <message>
        <source>Card type:</source>
        <translation>Type de carte&#xa0;:</translation>
    </message>
    <message>
        <source>ATR:</source>
        <translation>ATR&#xa0;:</translation>
    </message>
    <message>
        <source>Reader features:</source>
        <translation>Fonctions du lecteur&#xa0;:</translation>
    </message>
    <message>
        <source>This reader is gone.</source>
        <translation>Ce lecteur a disparu.</translation>
    </message>
    <message>
        <source>Not in the list of known cards</source>
        <translation>Absente de la liste des cartes connues</translation>
    </message>
    <message>
        <source>Insert a card into this reader.</source>
        <translation>Insérez une carte dans ce lecteur.</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>none reported (no PC/SC part 10 support); PINs are typed on the computer</source>
        <translation>aucune signalée (pas de prise en charge de PC/SC partie 10)&#xa0;; les codes PIN sont saisis sur l&apos;ordinateur</translation>
    </message>
    <message>
        <source>PIN pad: PINs are entered on the reader</source>
        <translation>clavier PIN&#xa0;: les codes PIN sont saisis sur le lecteur</translation>
    </message>
    <message>
        <source>no PIN pad</source>
        <translation>pas de clavier PIN</translation>
    </message>
</context>
<context>
    <name>tokendesk::ReportDialog</name>
    <message>
        <source>Report for the helpdesk</source>
        <translation>Rapport pour le support</translation>
    </message>
    <message>
        <source>What TokenDesk sees: readers, cards, modules, tokens and certificates. The same as &lt;tt&gt;tokendesk report&lt;/tt&gt;; it holds no PIN, password or key.</source>
        <translation>Ce que voit TokenDesk : lecteurs, cartes, modules, jetons et certificats. Comme &lt;tt&gt;tokendesk report&lt;/tt&gt; ; sans code PIN, mot de passe ni clé.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>&amp;Mask serial numbers</source>
        <translation>&amp;Masquer les numéros de série</translation>
    </message>
    <message>
        <source>Card, token and certificate serial numbers show only their last four characters</source>
        <translation>Les numéros de série des cartes, jetons et certificats ne montrent que leurs quatre derniers caractères</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Reading readers, cards and tokens…</source>
        <translation>Lecture des lecteurs, cartes et jetons…</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Le rapport est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Texte (*.txt)</translation>
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
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::ResetVirtualPinCommand</name>
    <message>
        <source>Reset PIN</source>
        <comment>PIN the noun</comment>
        <translation>Réinitialiser le code PIN</translation>
    </message>
    <message>
        <source>The PIN of “%1” is set.</source>
        <translation>Le code PIN de «&#xa0;%1&#xa0;» est défini.</translation>
    </message>
</context>
<context>
    <name>tokendesk::SeenByWidget</name>
    <message>
        <source>Seen by</source>
        <translation>Vu par</translation>
    </message>
    <message>
        <source>Checking which programs see the virtual tokens…</source>
        <translation>Vérification des programmes qui voient les jetons virtuels…</translation>
    </message>
    <message>
        <source>Programs that find this token, checked just now:</source>
        <translation>Programmes qui trouvent ce jeton, vérifiés à l&apos;instant&#xa0;:</translation>
    </message>
    <message>
        <source>sees the virtual tokens</source>
        <translation>voit les jetons virtuels</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Désinscrire</translation>
    </message>
    <message>
        <source>Register p11-kit-proxy in %1, so that it sees the virtual tokens</source>
        <translation>Inscrire p11-kit-proxy dans %1, pour qu&apos;il voie les jetons virtuels</translation>
    </message>
    <message>
        <source>Remove p11-kit-proxy from %1</source>
        <translation>Retirer p11-kit-proxy de %1</translation>
    </message>
    <message>
        <source>Registering p11-kit-proxy…</source>
        <translation>Inscription de p11-kit-proxy…</translation>
    </message>
    <message>
        <source>Unregistering p11-kit-proxy…</source>
        <translation>Désinscription de p11-kit-proxy…</translation>
    </message>
    <message>
        <source>Register for %1</source>
        <translation>Enregistrer pour %1</translation>
    </message>
    <message>
        <source>Unregister for %1</source>
        <translation>Désenregistrer pour %1</translation>
    </message>
</context>
<context>
    <name>tokendesk::ServiceStateLabel</name>
    <message>
        <source>PC/SC: connecting…</source>
        <translation>PC/SC&#xa0;: connexion…</translation>
    </message>
    <message>
        <source>PC/SC: running</source>
        <translation>PC/SC&#xa0;: en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>PC/SC: restarting…</source>
        <translation>PC/SC&#xa0;: redémarrage…</translation>
    </message>
    <message>
        <source>PC/SC: service not running</source>
        <translation>PC/SC&#xa0;: service arrêté</translation>
    </message>
</context>
<context>
    <name>tokendesk::SingleInstance</name>
    <message>
        <source>Another TokenDesk is listening on %1.</source>
        <translation>Un autre TokenDesk écoute déjà sur %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TaskGuideDialog</name>
    <message>
        <source>TokenDesk Guides</source>
        <translation>Guides de TokenDesk</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>tokendesk::TestIdentityCommand</name>
    <message>
        <source>Test identity</source>
        <translation>Tester l&apos;identité</translation>
    </message>
    <message>
        <source>The identity test failed: %1</source>
        <translation>Le test de l&apos;identité a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The token signed, but the certificate&apos;s key does not verify the signature: this key does not belong to this certificate (%1).</source>
        <translation>Le jeton a signé, mais la clé du certificat ne vérifie pas la signature&#xa0;: cette clé n&apos;appartient pas à ce certificat (%1).</translation>
    </message>
    <message>
        <source>The identity works: the token signed a random challenge (%1, %2 ms) and the certificate verified it.</source>
        <translation>L&apos;identité fonctionne&#xa0;: le jeton a signé un défi aléatoire (%1, %2 ms) et le certificat a vérifié la signature.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenActions</name>
    <message>
        <source>%1 is still running on “%2” (serial %3): finish it first.</source>
        <translation>Une opération («&#xa0;%1&#xa0;») est encore en cours sur «&#xa0;%2&#xa0;» (n° de série %3)&#xa0;: terminez-la d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenCommand</name>
    <message>
        <source>Insert the card or token “%1” (serial %2) to continue.</source>
        <translation>Insérez la carte ou le jeton «&#xa0;%1&#xa0;» (n° de série %2) pour continuer.</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenPage</name>
    <message>
        <source>Manufacturer:</source>
        <translation>Fabricant&#xa0;:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Numéro de série&#xa0;:</translation>
    </message>
    <message>
        <source>Module:</source>
        <comment>PKCS#11 module</comment>
        <translation>Module&#xa0;:</translation>
    </message>
    <message>
        <source>Slot:</source>
        <comment>PKCS#11 slot</comment>
        <translation>Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI&#xa0;:</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Indicateurs&#xa0;:</translation>
    </message>
    <message>
        <source>User PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>SO PIN:</source>
        <comment>PIN the noun</comment>
        <translation>PIN administrateur&#xa0;:</translation>
    </message>
    <message>
        <source>Tries left:</source>
        <translation>Essais restants&#xa0;:</translation>
    </message>
    <message>
        <source>PIN length:</source>
        <comment>PIN the noun</comment>
        <translation>Longueur du code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>Objects:</source>
        <translation>Objets&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the token does not tell</source>
        <translation>le jeton ne l&apos;indique pas</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>de %1 à %2 caractères</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>certificates: %1</source>
        <translation>certificats&#xa0;: %1</translation>
    </message>
    <message>
        <source>identities: %1</source>
        <translation>identités&#xa0;: %1</translation>
    </message>
    <message>
        <source>key expected after login: %1</source>
        <translation>clés attendues après connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>public keys: %1</source>
        <translation>clés publiques&#xa0;: %1</translation>
    </message>
    <message>
        <source>private keys: %1</source>
        <translation>clés privées&#xa0;: %1</translation>
    </message>
    <message>
        <source>secret keys: %1</source>
        <translation>clés secrètes&#xa0;: %1</translation>
    </message>
    <message>
        <source>data objects: %1</source>
        <translation>objets de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Private objects show after login.</source>
        <translation>Les objets privés s&apos;affichent après connexion.</translation>
    </message>
    <message>
        <source>Reading the objects failed: %1</source>
        <translation>La lecture des objets a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>tokendesk::TokenTreeModel</name>
    <message>
        <source>%1, %2</source>
        <comment>identity: key role, key type</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(key expected)</source>
        <translation>(clé attendue)</translation>
    </message>
    <message>
        <source>Unreadable certificate</source>
        <translation>Certificat illisible</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
%3
%4
Token: %5</source>
        <translation>Sujet&#xa0;: %1
Émetteur&#xa0;: %2
%3
%4
Jeton&#xa0;: %5</translation>
    </message>
    <message>
        <source>Identities (%1)</source>
        <translation>Identités (%1)</translation>
    </message>
    <message>
        <source>Certificates (%1)</source>
        <translation>Certificats (%1)</translation>
    </message>
    <message>
        <source>Public keys (%1)</source>
        <translation>Clés publiques (%1)</translation>
    </message>
    <message>
        <source>Private keys (%1)</source>
        <translation>Clés privées (%1)</translation>
    </message>
    <message>
        <source>Secret keys (%1)</source>
        <translation>Clés secrètes (%1)</translation>
    </message>
    <message>
        <source>Data objects (%1)</source>
        <translation>Objets de données (%1)</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 jeton</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2, serial %3</source>
        <translation>%1 %2, n° de série %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
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
        <translation>Carte insérée</translation>
    </message>
    <message>
        <source>Card removed</source>
        <translation>Carte retirée</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
</context>
<context>
    <name>tokendesk::UnpairCommand</name>
    <message>
        <source>Unpair</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs %1 with any account.</source>
        <translation>Rien à dissocier&#xa0;: aucun magasin n&apos;associe %1 à un compte.</translation>
    </message>
    <message>
        <source>every pairing store</source>
        <translation>tous les magasins d&apos;associations</translation>
    </message>
    <message>
        <source>Unpair %1 from “%2” in %3? That card will no longer log in as “%2”.</source>
        <translation>Dissocier %1 de «&#xa0;%2&#xa0;» dans %3&#xa0;? Cette carte ne se connectera plus en tant que «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Unpair</source>
        <translation>&amp;Dissocier</translation>
    </message>
    <message>
        <source>%1 is paired with several accounts. Unpair it from:</source>
        <translation>%1 est associé à plusieurs comptes. Le dissocier de&#xa0;:</translation>
    </message>
    <message>
        <source>“%1” has several entries in this store: insert the card of this one to unpair it alone.</source>
        <translation>«&#xa0;%1&#xa0;» a plusieurs entrées dans ce magasin&#xa0;: insérez la carte de celle-ci pour la dissocier seule.</translation>
    </message>
    <message>
        <source>Nothing to unpair: no store pairs this certificate with “%1”.</source>
        <translation>Rien à dissocier&#xa0;: aucun magasin n&apos;associe ce certificat à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>Unpaired “%1”: %n entries removed.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» dissocié&#xa0;: %n entrée supprimée.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» dissocié&#xa0;: %n entrées supprimées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::VirtualTokenActions</name>
    <message>
        <source>&amp;New Virtual Token…</source>
        <translation>&amp;Nouveau jeton virtuel…</translation>
    </message>
    <message>
        <source>Make a token in SoftHSM2 that browsers and other programs use like a smart card</source>
        <translation>Créer dans SoftHSM2 un jeton que les navigateurs et d&apos;autres programmes utilisent comme une carte à puce</translation>
    </message>
    <message>
        <source>&amp;Delete Virtual Token…</source>
        <translation>&amp;Supprimer le jeton virtuel…</translation>
    </message>
    <message>
        <source>&amp;Reset PIN…</source>
        <comment>PIN the noun</comment>
        <translation>&amp;Réinitialiser le code PIN…</translation>
    </message>
    <message>
        <source>%1 is still running: finish it first.</source>
        <translation>Une opération est encore en cours («&#xa0;%1&#xa0;»)&#xa0;: terminez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Delete “%1” and every key and certificate on it</source>
        <translation>Supprimer «&#xa0;%1&#xa0;» avec toutes ses clés et tous ses certificats</translation>
    </message>
    <message>
        <source>Select a virtual token (a SoftHSM2 token) to delete it</source>
        <translation>Sélectionnez un jeton virtuel (un jeton SoftHSM2) pour le supprimer</translation>
    </message>
    <message>
        <source>Select a virtual token to reset its PIN</source>
        <translation>Sélectionnez un jeton virtuel pour réinitialiser son code PIN</translation>
    </message>
    <message>
        <source>Looking for the token&apos;s SO PIN in the keyring…</source>
        <translation>Recherche du PIN administrateur du jeton dans le trousseau…</translation>
    </message>
    <message>
        <source>Set a new PIN with the SO PIN TokenDesk keeps in your keyring</source>
        <translation>Définir un nouveau code PIN avec le PIN administrateur que TokenDesk garde dans votre trousseau</translation>
    </message>
</context>
<context>
    <name>tokendesk::VirtualTokenDialog</name>
    <message>
        <source>New Virtual Token</source>
        <translation>Nouveau jeton virtuel</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <comment>PIN the noun</comment>
        <translation>Réinitialiser le code PIN</translation>
    </message>
    <message>
        <source>A virtual token keeps keys and certificates in SoftHSM2, in your own folder, and browsers and other programs use it like a smart card. Its PIN protects the keys; TokenDesk keeps a random SO PIN in your keyring so that a forgotten PIN can be reset.</source>
        <translation>Un jeton virtuel conserve des clés et des certificats dans SoftHSM2, dans votre propre dossier, et les navigateurs et autres programmes l&apos;utilisent comme une carte à puce. Son code PIN protège les clés&#xa0;; TokenDesk garde un PIN administrateur aléatoire dans votre trousseau pour qu&apos;un code PIN oublié puisse être réinitialisé.</translation>
    </message>
    <message>
        <source>Set a new PIN for “%1” with the SO PIN TokenDesk keeps in your keyring. The current PIN is not needed, and a locked PIN is unblocked.</source>
        <translation>Définir un nouveau code PIN pour «&#xa0;%1&#xa0;» avec le PIN administrateur que TokenDesk garde dans votre trousseau. Le code PIN actuel n&apos;est pas nécessaire, et un code PIN bloqué est débloqué.</translation>
    </message>
    <message>
        <source>e.g. Work identity</source>
        <translation>p. ex. Identité professionnelle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <comment>the token&apos;s label</comment>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Code &amp;PIN&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <comment>PIN the noun</comment>
        <translation>&amp;Nouveau code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <comment>PIN the noun</comment>
        <translation>C&amp;onfirmer le code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <comment>create the token</comment>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <comment>PIN the noun</comment>
        <translation>&amp;Définir le code PIN</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Création du jeton…</translation>
    </message>
    <message>
        <source>Setting the PIN…</source>
        <translation>Définition du code PIN…</translation>
    </message>
    <message>
        <source>Give the token a name.</source>
        <translation>Donnez un nom au jeton.</translation>
    </message>
    <message>
        <source>A name has at most 32 bytes (fewer letters with accents), no control characters and no blanks at either end.</source>
        <translation>Un nom compte au plus 32 octets (moins de lettres s&apos;il contient des accents), sans caractère de contrôle ni espace au début ou à la fin.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN diffèrent.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN has at least %n character(s).</source>
        <translation>
            <numerusform>Le code PIN doit compter au moins %n caractère.</numerusform>
            <numerusform>Le code PIN doit compter au moins %n caractères.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::DonePage</name>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Which programs will see the token</source>
        <translation>Quels programmes verront le jeton</translation>
    </message>
    <message>
        <source>The virtual token &quot;%1&quot; was made, and the identity imported into it.</source>
        <translation>Le jeton virtuel «&#xa0;%1&#xa0;» a été créé, et l&apos;identité y a été importée.</translation>
    </message>
    <message>
        <source>The identity was imported into the virtual token &quot;%1&quot;.</source>
        <translation>L&apos;identité a été importée dans le jeton virtuel «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot;, serial %2. The new objects, by their PKCS#11 URIs:</source>
        <translation>Jeton «&#xa0;%1&#xa0;», n° de série %2. Les nouveaux objets, par leur URI PKCS#11&#xa0;:</translation>
    </message>
    <message>
        <source>Verified: the token signed a challenge with %1 and the certificate verified it.</source>
        <translation>Vérifié&#xa0;: le jeton a signé un défi avec %1 et le certificat a vérifié la signature.</translation>
    </message>
    <message>
        <source>Not verified (%1).</source>
        <translation>Non vérifié (%1).</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::FilePage</name>
    <message>
        <source>Choose the PKCS#12 file</source>
        <translation>Choisir le fichier PKCS#12</translation>
    </message>
    <message>
        <source>A .p12 or .pfx file holds a private key with its certificate, and often the certificates of its issuers. Nothing is written until the last step.</source>
        <translation>Un fichier .p12 ou .pfx contient une clé privée avec son certificat, et souvent les certificats de ses émetteurs. Rien n&apos;est écrit avant la dernière étape.</translation>
    </message>
    <message>
        <source>/path/to/identity.p12</source>
        <translation>/chemin/vers/identite.p12</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>You can also drop a .p12 or .pfx file on the TokenDesk window.</source>
        <translation>Vous pouvez aussi déposer un fichier .p12 ou .pfx sur la fenêtre de TokenDesk.</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx *.P12 *.PFX)</source>
        <translation>Fichiers PKCS#12 (*.p12 *.pfx *.P12 *.PFX)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>Importer un fichier PKCS#12</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::ImportPage</name>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>The private key is written so that it can never be read back from the token, then the token signs a challenge with it to prove the import worked. If anything fails, or you cancel, everything written is removed again.</source>
        <translation>La clé privée est écrite de sorte qu&apos;elle ne puisse jamais être relue depuis le jeton, puis le jeton signe un défi avec elle pour prouver que l&apos;importation a fonctionné. En cas d&apos;échec ou d&apos;annulation, tout ce qui a été écrit est supprimé.</translation>
    </message>
    <message>
        <source>Making the virtual token &quot;%1&quot; and writing the identity to it.</source>
        <translation>Création du jeton virtuel «&#xa0;%1&#xa0;» et écriture de l&apos;identité dans celui-ci.</translation>
    </message>
    <message>
        <source>Writing the identity to the virtual token &quot;%1&quot;.</source>
        <translation>Écriture de l&apos;identité dans le jeton virtuel «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Step %1 of %2…</source>
        <translation>Étape %1 sur %2…</translation>
    </message>
    <message>
        <source>Imported and verified.</source>
        <translation>Importée et vérifiée.</translation>
    </message>
    <message>
        <source>Cancelling: removing what was written…</source>
        <translation>Annulation&#xa0;: suppression de ce qui a été écrit…</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::PasswordPage</name>
    <message>
        <source>Enter the file&apos;s password</source>
        <translation>Saisissez le mot de passe du fichier</translation>
    </message>
    <message>
        <source>The password decrypts the file in memory only; it is not stored. Leave it empty for a file without a password.</source>
        <translation>Le mot de passe déchiffre le fichier en mémoire seulement&#xa0;; il n&apos;est pas conservé. Laissez-le vide pour un fichier sans mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>The password that protects %1.</source>
        <translation>Le mot de passe qui protège %1.</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::PreviewPage</name>
    <message>
        <source>What the file holds</source>
        <translation>Contenu du fichier</translation>
    </message>
    <message>
        <source>Check what will be written to the token. Nothing has been written yet.</source>
        <translation>Vérifiez ce qui sera écrit sur le jeton. Rien n&apos;a encore été écrit.</translation>
    </message>
    <message>
        <source>Identity %1</source>
        <translation>Identité %1</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Sujet&#xa0;:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Émetteur&#xa0;:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé&#xa0;:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Validité&#xa0;:</translation>
    </message>
    <message>
        <source>Label on the token:</source>
        <translation>Libellé sur le jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Chain (stored, trusted for nothing)</source>
        <translation>Chaîne (conservée, approuvée pour aucun usage)</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Certificats&#xa0;:</translation>
    </message>
    <message>
        <source>Protection of the file</source>
        <translation>Protection du fichier</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Intégrité&#xa0;:</translation>
    </message>
    <message>
        <source>MAC with %1</source>
        <translation>MAC avec %1</translation>
    </message>
    <message>
        <source>no MAC</source>
        <translation>pas de MAC</translation>
    </message>
</context>
<context>
    <name>tokendesk::importp12::TokenChoicePage</name>
    <message>
        <source>Choose the virtual token</source>
        <translation>Choisir le jeton virtuel</translation>
    </message>
    <message>
        <source>A virtual token keeps the key where browsers, TLS clients and SSH can use it, behind a PIN.</source>
        <translation>Un jeton virtuel garde la clé là où les navigateurs, les clients TLS et SSH peuvent l&apos;utiliser, derrière un code PIN.</translation>
    </message>
    <message>
        <source>&amp;Make a new virtual token</source>
        <translation>Créer un &amp;nouveau jeton virtuel</translation>
    </message>
    <message>
        <source>Import into an &amp;existing virtual token</source>
        <translation>Importer dans un jeton virtuel &amp;existant</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Nou&amp;veau code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <comment>PIN the noun</comment>
        <translation>C&amp;onfirmer le code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>My identity</source>
        <translation>Mon identité</translation>
    </message>
    <message>
        <source>Looking for virtual tokens…</source>
        <translation>Recherche des jetons virtuels…</translation>
    </message>
    <message numerus="yes">
        <source>%n virtual token(s) found.</source>
        <translation>
            <numerusform>%n jeton virtuel trouvé.</numerusform>
            <numerusform>%n jetons virtuels trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes PIN diffèrent.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n character(s).</source>
        <comment>PIN the noun</comment>
        <translation>
            <numerusform>Le code PIN doit compter au moins %n caractère.</numerusform>
            <numerusform>Le code PIN doit compter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;User PIN:</source>
        <comment>PIN the noun</comment>
        <translation>Code PIN &amp;utilisateur&#xa0;:</translation>
    </message>
</context>
</TS>

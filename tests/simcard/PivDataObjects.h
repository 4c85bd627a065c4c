// The PIV data objects of the simulated card (SP 800-73-4 part 1), built from its state.
#pragma once

#include "Tlv.h"

namespace simcard {

class PivDataObjects
{
public:
    // 7E: the PIV AID and a PIN usage policy of "PIV PIN only".
    static Bytes discovery();
    // 5FC107: card capability container; the card identifier ends with GUID bytes.
    static Bytes ccc(const Bytes& guid);
    // 5FC102: FASC-N of the "9999" agency (non-federal), so OpenSC takes the GUID as the serial.
    static Bytes chuid(const Bytes& guid);
    // 5FC10C: no retired keys, no off-card certificates.
    static Bytes keyHistory();
    // 5FC105/5FC10A/5FC10B/5FC101: 53 { 70 <DER>, 71 01 00 (not compressed), FE 00 }.
    static Bytes certificate(const Bytes& der);
};

} // namespace simcard
